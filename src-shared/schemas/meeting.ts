/**
 * Meetings and what follows them: an appointment's outcome, notes, contact attempts after a
 * missed meeting (R8), the adviser's decision, travel claims (R12) and life events (R15).
 * The app records facts and the adviser's decision; nothing here implies a sanction.
 */
import { z } from 'zod';
import { civilDate } from './participant';
import { APPOINTMENT_CHANNELS, bookingSchema, localDateTime, type Appointment } from './diary';
import {
  CONTACT_CHANNELS,
  CONTACT_KINDS,
  LIFE_EVENT_KINDS,
  type LifeEventKind,
} from './timeline-events';
import {
  TRAVEL_MODES,
  CLAIM_STATUSES,
  type TravelMode,
  type ClaimStatus,
} from '../domain/travel-claims';

export const LOGGED_OUTCOMES = [
  'attended',
  'dna',
  'cancelled-by-participant',
  'cancelled-by-provider',
] as const;
export type LoggedOutcome = (typeof LOGGED_OUTCOMES)[number];

export const ADVISER_ROLES = ['adviser', 'manager', 'reception'] as const;
export type AdviserRole = (typeof ADVISER_ROLES)[number];

/**
 * Special-category notes (health and the like, UK GDPR art. 9) are shown only to a role that
 * works with the participant directly: the adviser. A manager sees performance, not health
 * details, and reception books rooms; both see that a marked note exists, never its words.
 * Unknown roles see nothing marked, so a new role is private until someone decides otherwise.
 */
export function maySeeSpecialCategory(role: string): boolean {
  return role === 'adviser';
}

const uuid = (what: string) => z.string().uuid(`Not ${what} id`);
const note = z.string().trim().max(4000, 'Must be 4000 characters or fewer');

export const logMeetingSchema = z
  .object({
    appointmentId: uuid('an appointment'),
    expectedVersion: z.number().int().min(1),
    outcome: z.enum(LOGGED_OUTCOMES, { message: 'Choose what happened' }),
    /** For a DNA: did the participant tell us beforehand? (R8 follows only when they did not.) */
    priorNotice: z.boolean().nullable().default(null),
    channel: z.enum(APPOINTMENT_CHANNELS),
    notes: note.default(''),
    notesSpecialCategory: z.boolean().default(false),
    /** Ids of plan steps talked through. */
    stepsReviewed: z
      .array(z.string().regex(/^[A-Za-z0-9-]{1,40}$/))
      .max(40)
      .default([]),
    /** Book the next appointment in the same breath. */
    next: bookingSchema.optional(),
  })
  .strict()
  .superRefine((m, ctx) => {
    if (m.outcome === 'dna' && m.priorNotice === null)
      ctx.addIssue({
        code: 'custom',
        path: ['priorNotice'],
        message: 'Say whether the participant told you beforehand',
      });
    if (m.outcome !== 'dna' && m.priorNotice !== null)
      ctx.addIssue({
        code: 'custom',
        path: ['priorNotice'],
        message: 'Prior notice is recorded only for a missed meeting',
      });
    if (m.notesSpecialCategory && !m.notes)
      ctx.addIssue({
        code: 'custom',
        path: ['notesSpecialCategory'],
        message: 'There are no notes to mark',
      });
  });
export type LogMeetingInput = z.input<typeof logMeetingSchema>;
export type LogMeeting = z.output<typeof logMeetingSchema>;

export const CONTACT_OUTCOMES = [
  'spoke',
  'left-message',
  'no-answer',
  'message-sent',
  'letter-sent',
] as const;
export type ContactOutcome = (typeof CONTACT_OUTCOMES)[number];

export const contactAttemptSchema = z
  .object({
    participantId: uuid('a participant'),
    appointmentId: uuid('an appointment').nullable().default(null),
    contactKind: z.enum(CONTACT_KINDS),
    channel: z.enum(CONTACT_CHANNELS, { message: 'Choose how you made contact' }),
    outcome: z.enum(CONTACT_OUTCOMES, { message: 'Choose what happened' }),
    date: civilDate,
    note: note.default(''),
    /** R2: the induction time offered in the first contact. */
    inductionOffered: localDateTime.nullable().default(null),
  })
  .strict()
  .superRefine((c, ctx) => {
    if (c.contactKind === 'dna-follow-up' && !c.appointmentId)
      ctx.addIssue({
        code: 'custom',
        path: ['appointmentId'],
        message: 'Say which missed appointment this follows up',
      });
    if (c.contactKind === 'initial' && !['phone', 'letter', 'email'].includes(c.channel))
      ctx.addIssue({
        code: 'custom',
        path: ['channel'],
        message: 'The first contact is by phone, letter or email',
      });
    if (c.contactKind !== 'initial' && c.inductionOffered)
      ctx.addIssue({
        code: 'custom',
        path: ['inductionOffered'],
        message: 'An induction time is offered in the first contact only',
      });
  });
export type ContactAttemptInput = z.input<typeof contactAttemptSchema>;

export const missedDecisionSchema = z
  .object({
    appointmentId: uuid('an appointment'),
    goodReason: z.boolean({ message: 'Say whether there was good reason' }),
    /** Whether the adviser passes a compliance doubt to Jobcentre Plus, who decide any action. */
    complianceDoubtReferred: z.boolean({ message: 'Say whether a doubt goes to Jobcentre Plus' }),
    decidedOn: civilDate,
    note: note.default(''),
  })
  .strict()
  .superRefine((d, ctx) => {
    if (d.goodReason && d.complianceDoubtReferred)
      ctx.addIssue({
        code: 'custom',
        path: ['complianceDoubtReferred'],
        message: 'A compliance doubt is not passed on when there was good reason',
      });
  });

export const travelClaimSchema = z
  .object({
    appointmentId: uuid('an appointment'),
    mode: z.enum(TRAVEL_MODES, { message: 'Choose how they travelled' }),
    amountPence: z
      .number({ message: 'Enter the amount' })
      .int('Enter the amount in whole pence')
      .min(1, 'Enter an amount more than 0')
      .max(50_000, 'A claim over £500 needs a manager; enter it on paper'),
    receiptSeen: z.boolean(),
  })
  .strict();
export type TravelClaimInput = z.input<typeof travelClaimSchema>;

export const claimStatusChangeSchema = z
  .object({
    claimId: uuid('a claim'),
    expectedVersion: z.number().int().min(1),
    status: z.enum(CLAIM_STATUSES),
    receiptSeen: z.boolean().optional(),
    reason: z.string().trim().max(600).default(''),
  })
  .strict();

const money = z
  .number()
  .int('Enter the hourly wage in pounds and pence, like 12.71')
  .min(0, 'Enter an hourly wage of £0 or more')
  .max(100_000_00, 'Enter an hourly wage under £100,000');
export const lifeEventSchema = z
  .object({
    participantId: uuid('a participant'),
    kind: z.enum(LIFE_EVENT_KINDS, { message: 'Choose what happened' }),
    date: civilDate,
    employer: z
      .string()
      .trim()
      .max(120, 'Keep the employer to 120 characters or fewer')
      .default(''),
    hoursPerWeek: z
      .number()
      .min(0, 'Enter hours a week from 0 to 80')
      .max(80, 'Enter hours a week from 0 to 80')
      .nullable()
      .default(null),
    hourlyWagePence: money.nullable().default(null),
    note: note.default(''),
  })
  .strict()
  .superRefine((e, ctx) => {
    if (e.kind === 'job-start') {
      if (!e.employer)
        ctx.addIssue({ code: 'custom', path: ['employer'], message: 'Enter the employer' });
      if (e.hoursPerWeek === null)
        ctx.addIssue({ code: 'custom', path: ['hoursPerWeek'], message: 'Enter hours a week' });
      if (e.hourlyWagePence === null)
        ctx.addIssue({
          code: 'custom',
          path: ['hourlyWagePence'],
          message: 'Enter the hourly wage',
        });
    }
    if (e.kind === 'hours-change' && e.hoursPerWeek === null)
      ctx.addIssue({
        code: 'custom',
        path: ['hoursPerWeek'],
        message: 'Enter the new hours a week',
      });
  });
export type LifeEventInput = z.input<typeof lifeEventSchema>;

export interface MeetingRecord {
  outcome: LoggedOutcome;
  channel: Appointment['channel'];
  /** Null when the notes are special-category and this role may not read them. */
  notes: string | null;
  notesSpecialCategory: boolean;
  notesHidden: boolean;
  stepsReviewed: string[];
  recordedAt: string;
  recordedBy: string;
}

export interface ContactAttempt {
  id: string;
  appointmentId: string | null;
  contactKind: (typeof CONTACT_KINDS)[number];
  channel: (typeof CONTACT_CHANNELS)[number];
  outcome: ContactOutcome;
  reached: boolean;
  date: string;
  note: string;
  recordedBy: string;
}

export interface MissedDecision {
  goodReason: boolean;
  complianceDoubtReferred: boolean;
  decidedOn: string;
  note: string;
  recordedBy: string;
}

export interface TravelClaim {
  id: string;
  appointmentId: string;
  mode: TravelMode;
  amountPence: number;
  receiptSeen: boolean;
  status: ClaimStatus;
  reason: string;
  claimedOn: string;
  version: number;
}

export interface FollowUp {
  /** R8: due date, and whether a contact (or an attended meeting) has met it. */
  due: string;
  status: 'pending' | 'met' | 'met-late' | 'missed';
  metOn: string | null;
}

export interface MeetingView {
  appointment: Appointment;
  record: MeetingRecord | null;
  followUp: FollowUp | null;
  contacts: ContactAttempt[];
  decision: MissedDecision | null;
  claims: TravelClaim[];
}

export interface LifeEvent {
  id: string;
  kind: LifeEventKind;
  date: string;
  employer: string;
  hoursPerWeek: number | null;
  hourlyWagePence: number | null;
  note: string;
  recordedBy: string;
}

export interface MeetingsOverview {
  participantId: string;
  role: AdviserRole | string;
  meetings: MeetingView[];
  /** Contacts not tied to an appointment (in-work, general). */
  otherContacts: ContactAttempt[];
  lifeEvents: LifeEvent[];
}

/**
 * Complaints with their route (charter.md, "a service that learns and improves"): each complaint
 * moves along the charter profile's complaint route (provider, then contractor or funder, then an
 * ombudsman), and each stage has a response target in working days from the profile, counted
 * with the office nation's bank holidays. Pure: the calendar and "today" are parameters.
 */
import { z } from 'zod';
import { isCivilDate } from '../calendar/civil-date';
import type { WorkingDayCalendar } from '../calendar/working-day-calendar';
import type { CharterProfile } from '../charter/profile';

const civilDate = z.string().refine(isCivilDate, { message: 'Enter a real date' });
const text = (max: number, what: string) =>
  z
    .string()
    .trim()
    .min(1, { message: `Enter ${what}` })
    .max(max, { message: `${what} is too long` });

export const COMPLAINT_CHANNELS = ['in-person', 'phone', 'letter', 'email', 'online-form'] as const;
export type ComplaintChannel = (typeof COMPLAINT_CHANNELS)[number];

export const CHANNEL_WORDS: Record<ComplaintChannel, string> = {
  'in-person': 'In person',
  phone: 'By phone',
  letter: 'By letter',
  email: 'By email',
  'online-form': 'Online form',
};

export const complaintInputSchema = z
  .object({
    /** The participant who complained; null when made anonymously or by someone else. */
    participantId: z.string().uuid('Not a participant id').nullable(),
    receivedOn: civilDate,
    channel: z.enum(COMPLAINT_CHANNELS, { message: 'Choose how the complaint was received' }),
    /** Who or what the complaint is about (a member of staff, a service, a decision). */
    about: text(200, 'who or what the complaint is about'),
    /** What the complaint says. */
    summary: text(5000, 'what the complaint is about'),
    /** The charter profile whose route applies when no participant is named. */
    profileId: z
      .string()
      .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'Not a profile id')
      .optional(),
  })
  .strict();
export type ComplaintInput = z.output<typeof complaintInputSchema>;

export const OUTCOMES = ['upheld', 'partly-upheld', 'not-upheld', 'withdrawn'] as const;
export type ComplaintOutcome = (typeof OUTCOMES)[number];

export const OUTCOME_WORDS: Record<ComplaintOutcome, string> = {
  upheld: 'Upheld',
  'partly-upheld': 'Partly upheld',
  'not-upheld': 'Not upheld',
  withdrawn: 'Withdrawn',
};

export interface RouteStage {
  /** 0 for the first stage (the provider). */
  index: number;
  level: CharterProfile['complaintRoute'][number]['level'];
  name: string;
  /** How the participant takes the complaint to this stage, in the profile's words. */
  contact: string;
  responseTargetWorkingDays: number | null;
}

export function complaintRoute(profile: CharterProfile): RouteStage[] {
  return profile.complaintRoute.map((s, index) => ({
    index,
    level: s.level,
    name: s.name,
    contact: s.contact,
    responseTargetWorkingDays: s.responseTargetWorkingDays,
  }));
}

/**
 * When a response is due at a stage started on `startedOn`: that many working days later in the
 * office nation's calendar (a complaint received on a Saturday starts its count on the Monday),
 * or null where the profile sets no target (an ombudsman keeps its own timetable).
 */
export function responseDue(
  startedOn: string,
  stage: RouteStage,
  calendar: WorkingDayCalendar,
): string | null {
  if (stage.responseTargetWorkingDays === null) return null;
  return calendar.addWorkingDays(startedOn, stage.responseTargetWorkingDays);
}

export type ComplaintState = 'awaiting-response' | 'overdue' | 'responded' | 'closed';

export const STATE_WORDS: Record<ComplaintState, string> = {
  'awaiting-response': 'Awaiting our response',
  overdue: 'Response overdue',
  responded: 'Responded',
  closed: 'Closed',
};

/** Overdue: no response at the current stage and its due date has passed. */
export function complaintState(
  c: { responseDue: string | null; respondedOn: string | null; closedOn: string | null },
  today: string,
): ComplaintState {
  if (c.closedOn !== null) return 'closed';
  if (c.respondedOn !== null) return 'responded';
  return c.responseDue !== null && c.responseDue < today ? 'overdue' : 'awaiting-response';
}

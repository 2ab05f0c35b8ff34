/**
 * Charter obligations, the adviser's agenda and the providers' charter profiles over IPC. Every
 * obligation shown carries the profile's name, the rule's title and the promise it comes from,
 * so the adviser (and a participant reading over their shoulder) can see why it is owed.
 */
import { z } from 'zod';
import { channel, returns } from '../define';
import { civilDate } from '../../schemas/participant';
import type { Obligation } from '../../domain/charter/obligation';
import { charterProfileSchema, type CharterProfile } from '../../domain/charter/profile';
import type { Appointment } from '../../schemas/diary';

/** An obligation with the words that explain it. */
export interface ShownObligation extends Obligation {
  profileId: string;
  profileName: string;
  profileVersion: number;
  ruleTitle: string;
  /** The promise as the profile quotes it. */
  promise: string;
  source: string;
}

export interface ParticipantObligations {
  today: string;
  profile: { id: string; name: string; version: number };
  obligations: ShownObligation[];
}

/** How soon an obligation needs the adviser: overdue, due within 2 working days, or due later. */
export type Urgency = 'overdue' | 'at-risk' | 'due';

export interface AgendaObligation extends ShownObligation {
  urgency: Urgency;
  participantName: string;
}

export interface AgendaAppointment extends Appointment {
  participantName: string;
  /** The participant's reasonable adjustments as recorded ('' when none). */
  adjustments: string;
}

export interface Agenda {
  today: string;
  /** The days covered, inclusive: one day, or Monday to Sunday. */
  from: string;
  to: string;
  appointments: AgendaAppointment[];
  /** Most urgent first: overdue (oldest first), at risk, then due (soonest first). */
  obligations: AgendaObligation[];
  /** For managers only: complaints whose current stage's response is overdue. */
  complaintsOverdue?: AgendaComplaint[];
}

export interface AgendaComplaint {
  id: string;
  about: string;
  stageName: string;
  responseDue: string;
}

export interface ProfileSummary {
  id: string;
  name: string;
  description: string;
  kind: 'shipped' | 'copy';
  /** 0 for a shipped profile. */
  version: number;
  basedOn: string | null;
  savedAt: string | null;
  savedBy: string | null;
}

export interface ProfileList {
  /** Whether the adviser using the app is a manager (and so may save copies). */
  canEdit: boolean;
  profiles: ProfileSummary[];
}

export interface ProfileDetail extends ProfileSummary {
  profile: CharterProfile;
}

export const profileId = z
  .string()
  .max(60)
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'Not a profile id');

export const profileSaveSchema = z
  .object({
    /** The profile copied from: a shipped id or an existing copy. */
    basedOn: profileId,
    /** Required when changing an existing copy: the version the manager started from. */
    expectedVersion: z.number().int().min(1).optional(),
    profile: charterProfileSchema,
  })
  .strict();
export type ProfileSave = z.output<typeof profileSaveSchema>;

const participantId = z.string().uuid('Not a participant id');

export const obligationChannels = {
  'obligations:forParticipant': channel(
    z.object({ participantId }).strict(),
    returns<ParticipantObligations>(),
  ),
  'agenda:day': channel(z.object({ date: civilDate.optional() }).strict(), returns<Agenda>()),
  /** The Monday-to-Sunday week containing `date` (today when omitted). */
  'agenda:week': channel(z.object({ date: civilDate.optional() }).strict(), returns<Agenda>()),
  'profiles:list': channel(z.object({}).strict(), returns<ProfileList>()),
  'profiles:get': channel(z.object({ id: profileId }).strict(), returns<ProfileDetail>()),
  'profiles:saveCopy': channel(profileSaveSchema, returns<ProfileDetail>()),
};

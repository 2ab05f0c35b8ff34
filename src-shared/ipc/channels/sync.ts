/**
 * Sync over IPC: the status the header shows (read from the database each time, so it never
 * lies), sync now, enrolment with a code, and the conflicts the adviser decides.
 */
import { z } from 'zod';
import { channel, returns } from '../define';

export interface SyncStatusView {
  enrolled: boolean;
  serverUrl: string | null;
  adviserName: string | null;
  organisationName: string | null;
  /** Changes made on this computer not yet accepted by the server. */
  pending: number;
  /** When the oldest waiting change was made (ISO instant), or null. */
  pendingSince: string | null;
  /** Waiting changes by kind of record, for the settings screen. */
  waiting: { kind: string; count: number }[];
  conflicts: number;
  quarantined: number;
  lastSyncedAt: string | null;
  lastAttemptAt: string | null;
  /** Plain-English reason the last attempt failed, or null. */
  problem: string | null;
  /** The last attempt could not reach the server (the header shows "offline"). */
  offline: boolean;
  revoked: boolean;
  clockMessage: string | null;
  syncing: boolean;
}

export interface SyncNowResult {
  ok: boolean;
  message: string | null;
  status: SyncStatusView;
}

/** Who made one side of a conflict, and when. */
export interface SyncChangeBy {
  /** The adviser who made it, or null when not known (made by the service, or an older service). */
  adviserName: string | null;
  /** The computer it was made on as the service knows it, or null. */
  deviceName: string | null;
  /** Made on this computer. */
  thisComputer: boolean;
  /** When it was made (ISO instant), or null when not known. */
  at: string | null;
}

export interface SyncConflictView {
  id: string;
  /** 'decide': the adviser chooses; 'lost': the other edit was kept and yours saved, shown. */
  kind: 'decide' | 'lost';
  participantId: string | null;
  participantName: string | null;
  /** What the field is, in plain English. */
  fieldLabel: string;
  field: string;
  mine: string | null;
  theirs: string | null;
  /** Who made this computer's value and when. */
  mineBy: SyncChangeBy;
  /** Who made the other value and when (null if the service did not say). */
  theirsBy: SyncChangeBy | null;
  /**
   * Which value the service holds. A conflict is recorded when the service refused this
   * computer's value (identity) or kept a later one (last writer wins): the other one.
   */
  serverHolds: 'mine' | 'theirs';
  createdAt: string;
}

/**
 * One participant's records and sync, worst first: quarantined (the service refused a change),
 * conflict (a value to choose), waiting (changes not yet accepted), synced; or local (this
 * computer was never connected to the service) and removed (the service revoked it).
 */
export type ParticipantSyncState =
  'local' | 'removed' | 'quarantined' | 'conflict' | 'waiting' | 'synced';

export interface ParticipantSyncView {
  participantId: string;
  state: ParticipantSyncState;
  /** Changes to this participant's records not yet accepted by the service. */
  pending: number;
  /** When the oldest of them was made (ISO instant), or null. */
  pendingSince: string | null;
  /** Values to choose on the conflicts screen. */
  conflicts: number;
  /** Changes the service refused, each with its reason in plain English and what to do. */
  quarantined: { reason: string; action: string; at: string }[];
  /** When this computer last synced cleanly (ISO instant), or null. */
  lastSyncedAt: string | null;
  /** The last attempt could not reach the service. */
  offline: boolean;
  /**
   * Why the participant is still on this computer although the service has taken them off this
   * caseload (kept for refused changes), in plain English; null when they are on the caseload.
   */
  held: string | null;
}

/** Participants on the caseload with something not yet on the service (for the caseload marker). */
export interface CaseloadSyncMarker {
  participantId: string;
  pending: number;
  conflicts: number;
  quarantined: number;
}

/** Plain-English names of the fields a conflict can be about (one list, used by the screens). */
export const FIELD_LABELS: Record<string, string> = {
  given_name: 'Given name',
  family_name: 'Family name',
  preferred_name: 'Preferred name',
  date_of_birth: 'Date of birth',
  ni_number: 'National Insurance number',
  address_line1: 'Address line 1',
  address_line2: 'Address line 2',
  town: 'Town or city',
  county: 'County',
  postcode: 'Postcode',
  phone: 'Phone',
  email: 'Email',
};

/** Plain-English names of kinds of record, for "what is waiting". */
export const RECORD_KIND_LABELS: Record<string, string> = {
  participant: 'Participant details',
  participant_event: 'Timeline entries',
  'participant-constraints': 'Availability and access needs',
  meeting_record: 'Meeting records',
  contact_attempt: 'Contact attempts',
  health_decision: 'Health decisions',
  support_referral: 'Support referrals',
  life_event: 'Life events',
  travel_claim: 'Travel claims',
  plan_draft: 'Action plan drafts',
  plan_version: 'Agreed action plans',
  better_off_calculation: 'Better-off calculations',
  letter_log: 'Letters issued',
  appointment: 'Appointments',
  office: 'Offices and venues',
  room: 'Rooms',
  charter_profile: 'Charter profiles',
  document_template: 'Letter templates',
  adviser: 'Your adviser details',
  'adviser-pattern': 'Working pattern',
  'adviser-leave': 'Leave',
};

const serverUrl = z
  .string()
  .trim()
  .min(1, 'Enter the sync server address')
  .max(500)
  .refine((v) => {
    try {
      const u = new URL(v);
      return u.protocol === 'https:' || u.protocol === 'http:';
    } catch {
      return false;
    }
  }, 'Enter the sync server address in full, like https://sync.example.org');

export const syncChannels = {
  'sync:status': channel(z.object({}).strict(), returns<SyncStatusView>()),
  'sync:now': channel(z.object({}).strict(), returns<SyncNowResult>()),
  'sync:enrol': channel(
    z
      .object({
        server: serverUrl,
        code: z
          .string()
          .trim()
          .min(4, 'Enter the enrolment code your manager gave you')
          .max(64, 'An enrolment code is shorter than that'),
      })
      .strict(),
    returns<SyncNowResult>(),
  ),
  'sync:conflicts': channel(
    z.object({ participantId: z.string().uuid('Not a participant id').optional() }).strict(),
    returns<SyncConflictView[]>(),
  ),
  'sync:participant': channel(
    z.object({ participantId: z.string().uuid('Not a participant id') }).strict(),
    returns<ParticipantSyncView>(),
  ),
  'sync:caseload': channel(z.object({}).strict(), returns<CaseloadSyncMarker[]>()),
  'sync:discard-refused': channel(
    z.object({ participantId: z.string().uuid('Not a participant id') }).strict(),
    returns<ParticipantSyncView | null>(),
  ),
  'sync:resolve': channel(
    z
      .object({
        id: z.string().min(1).max(64),
        choice: z.enum(['mine', 'theirs'], { message: 'Choose which value to keep' }),
      })
      .strict(),
    returns<SyncStatusView>(),
  ),
};

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
  createdAt: string;
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
  'sync:conflicts': channel(z.object({}).strict(), returns<SyncConflictView[]>()),
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

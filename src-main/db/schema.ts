/** The typed shape of the encrypted caseload database (snake_case columns, as stored). */
import type { Generated } from 'kysely';

export interface MetaTable {
  key: string;
  value: string;
}

export interface AdviserTable {
  id: string;
  name: string;
  role: string;
  created_at: string;
}

export interface ParticipantTable {
  id: string;
  referral_id: string;
  given_name: string;
  family_name: string;
  preferred_name: string | null;
  date_of_birth: string;
  ni_number: string;
  address_line1: string;
  address_line2: string | null;
  town: string;
  county: string | null;
  postcode: string;
  phone: string | null;
  email: string | null;
  referral_date: string;
  jobcentre_office: string;
  benefit: string;
  programme: string;
  charter_profile: string;
  nation: string;
  contact_channel: string;
  language: string;
  interpreter_needed: number;
  adjustments: string;
  accessible_formats: string;
  status: string;
  exit_reason: string | null;
  adviser_id: string | null;
  /** Lower-cased "name ni postcode reference" used by the as-you-type search. */
  search_text: string;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface ParticipantEventTable {
  id: string;
  participant_id: string;
  kind: string;
  date: string;
  recorded_at: string;
  actor: string;
  summary: string;
  data: string;
}

export interface AuditLogTable {
  seq: Generated<number>;
  id: string;
  at: string;
  actor: string;
  action: string;
  entity_type: string;
  entity_id: string | null;
  /** Identifiers and field names only: never participant values. */
  detail: string;
  prev_hash: string;
  hash: string;
}

export interface ChangeJournalTable {
  id: string;
  hlc: string;
  entity_type: string;
  entity_id: string;
  op: string;
  payload: string;
  created_at: string;
  pushed_at: string | null;
}

export interface ReferralImportTable {
  id: string;
  file_name: string;
  file_sha256: string;
  started_at: string;
  finished_at: string | null;
  state: string;
  total: number;
  processed: number;
  imported: number;
  duplicates: number;
  failed: number;
  errors: string;
}

export interface OfficeTable {
  id: string;
  kind: string;
  name: string;
  nation: string;
  address_line1: string;
  address_line2: string | null;
  town: string;
  postcode: string;
  phone: string;
  email: string;
  public_transport: string;
  parking: string;
  step_free: number;
  access_notes: string;
  support_offered: string;
  /** JSON: OpeningHours (src-shared/schemas/diary.ts). */
  opening_hours: string;
  /** JSON: Closure[]. */
  closures: string;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface AppointmentTable {
  id: string;
  participant_id: string;
  adviser_id: string;
  office_id: string | null;
  room: string | null;
  start: string;
  end: string;
  kind: string;
  channel: string;
  outcome: string;
  prior_notice: number | null;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface Database {
  meta: MetaTable;
  advisers: AdviserTable;
  participants: ParticipantTable;
  participant_events: ParticipantEventTable;
  audit_log: AuditLogTable;
  change_journal: ChangeJournalTable;
  referral_imports: ReferralImportTable;
  offices: OfficeTable;
  appointments: AppointmentTable;
}

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
  /** 0009: 1 when the venue has a hearing loop. */
  hearing_loop: number;
  /** 0009: how to get there, in words. */
  directions: string;
  /** 0009: 'YYYY-MM-DD' the venue closed for good; null while open. */
  closed_on: string | null;
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

export interface DocumentTemplateTable {
  id: string;
  kind: string;
  language: string;
  version: number;
  /** JSON: the template's wording (src-shared/schemas/documents.ts). */
  body: string;
  saved_at: string;
  saved_by: string;
}

export interface LetterLogTable {
  id: string;
  participant_id: string;
  kind: string;
  template_versions: string;
  language: string;
  large_print: number;
  method: string;
  issued_at: string;
  issued_by: string;
  /** JSON: the document snapshot a reprint is rebuilt from. */
  snapshot: string;
  content_sha256: string;
  outside_window_reason: string | null;
  reprint_of: string | null;
}

export interface BetterOffCalculationTable {
  id: string;
  participant_id: string;
  /** The 'better-off' timeline event that R11 counts. */
  event_id: string;
  label: string | null;
  explained_on: string;
  tax_year: string;
  rates_version: string;
  /** JSON: the validated household the calculation was made from. */
  input: string;
  /** JSON: BetterOffOutput. */
  output: string;
  better_off_monthly: number;
  recorded_at: string;
  recorded_by: string;
}

/** Plans, meetings, contacts, claims and life events (migration 0006). */
export interface PlanDraftTable {
  participant_id: string;
  /** JSON: PlanContent. */
  content: string;
  revision: number;
  base_version_id: string | null;
  saved_at: string;
  saved_by: string;
}

/** Agreed plan versions: a trigger refuses UPDATE and DELETE. */
export interface PlanVersionTable {
  id: string;
  participant_id: string;
  number: number;
  content: string;
  agreed_on: string;
  method: string;
  adviser_id: string;
  adviser_name: string;
  previous_version_id: string | null;
  recorded_at: string;
}

export interface SupportReferralTable {
  id: string;
  participant_id: string;
  service: string;
  detail: string;
  status: string;
  outcome: string;
  referred_on: string | null;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface HealthDecisionTable {
  id: string;
  participant_id: string;
  need_noted_on: string;
  decision: string;
  decided_on: string;
  reason: string;
  recorded_at: string;
  recorded_by: string;
}

export interface MeetingRecordTable {
  appointment_id: string;
  participant_id: string;
  outcome: string;
  channel: string;
  notes: string;
  notes_special_category: number;
  steps_reviewed: string;
  good_reason: number | null;
  compliance_doubt_referred: number | null;
  decided_on: string | null;
  decision_note: string | null;
  decided_by: string | null;
  recorded_at: string;
  recorded_by: string;
}

export interface ContactAttemptTable {
  id: string;
  participant_id: string;
  appointment_id: string | null;
  event_id: string;
  contact_kind: string;
  channel: string;
  outcome: string;
  reached: number;
  date: string;
  note: string;
  recorded_at: string;
  recorded_by: string;
}

export interface TravelClaimTable {
  id: string;
  participant_id: string;
  appointment_id: string;
  mode: string;
  amount_pence: number;
  receipt_seen: number;
  status: string;
  reason: string;
  claimed_on: string;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface LifeEventTable {
  id: string;
  participant_id: string;
  event_id: string;
  kind: string;
  date: string;
  employer: string;
  hours_per_week: number | null;
  hourly_wage_pence: number | null;
  note: string;
  recorded_at: string;
  recorded_by: string;
}

/** A provider's charter profile, one row per saved version (migration 0008). */
export interface CharterProfileTable {
  id: string;
  version: number;
  /** The profile it was copied from (a shipped id or another copy's). */
  based_on: string;
  /** JSON: a CharterProfile (src-shared/domain/charter/profile.ts). */
  body: string;
  saved_at: string;
  saved_by: string;
}

export interface AdviserPatternTable {
  id: string;
  adviser_id: string;
  effective_from: string;
  effective_to: string | null;
  /** JSON: sessions per weekday, like an office's opening hours. */
  sessions: string;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface AdviserLeaveTable {
  id: string;
  adviser_id: string;
  from_date: string;
  to_date: string;
  start_time: string | null;
  end_time: string | null;
  reason: string;
  created_at: string;
}

export interface RoomTable {
  id: string;
  office_id: string;
  name: string;
  capacity: number;
  step_free: number;
  /** JSON: string[] such as 'hearing-loop'. */
  equipment: string;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface ParticipantConstraintTable {
  participant_id: string;
  /** JSON: UnavailableTime[] (src-shared/domain/diary/model.ts). */
  unavailable: string;
  preferred_channel: string;
  needs_step_free: number;
  needs_hearing_loop: number;
  /** 0009: JSON WeekdayKey[]; empty means any day. */
  attend_days: string;
  /** 0009: 'any' | 'mornings' | 'afternoons'. */
  time_of_day: string;
  version: number;
  updated_at: string;
}

/** Sync (migration 0009): the device's side of the protocol in src-main/sync. */
export interface SyncStateTable {
  id: number;
  last_seq: number;
  device_key: string | null;
  device_id: string | null;
  server_url: string | null;
  token: string | null;
  adviser_id: string | null;
  adviser_name: string | null;
  organisation_name: string | null;
  epoch: string | null;
  pull_cursor: number;
  last_acked_seq: number;
  last_sent_hlc: string | null;
  clock_offset_ms: number;
  enrolled_at: string | null;
  last_synced_at: string | null;
  last_attempt_at: string | null;
  last_error: string | null;
  last_error_code: string | null;
  revoked: number;
  /** The enrolled user's role on the central service (migration 0018), or null if not known. */
  server_role: string | null;
}

export interface SyncOutboxTable {
  seq: number;
  journal_id: string;
  base_version: number | null;
  base_data: string | null;
  attempts: number;
}

export interface SyncOutboxArchiveTable {
  seq: number;
  journal_id: string;
  status: string;
  version: number | null;
  base_data: string | null;
  sent_hlc: string;
  acked_at: string;
}

export interface SyncRecordVersionTable {
  entity_type: string;
  entity_id: string;
  version: number;
  field_hlc: string | null;
}

export interface SyncShadowTable {
  entity_type: string;
  entity_id: string;
  data: string;
}

export interface SyncConflictTable {
  id: string;
  seq: number | null;
  entity_type: string;
  record_id: string;
  field: string;
  mine: string | null;
  theirs: string | null;
  their_author: string | null;
  their_hlc: string | null;
  status: string;
  created_at: string;
  resolved_at: string | null;
}

export interface SyncQuarantineTable {
  seq: number;
  journal_id: string;
  entity_type: string;
  entity_id: string;
  code: string;
  message: string;
  quarantined_at: string;
}

/** Legal holds (migration 0017): records kept past retention until lifted. */
export interface LegalHoldTable {
  id: string;
  participant_id: string;
  reason: string;
  placed_by: string;
  placed_at: string;
  lifted_at: string | null;
  lifted_by: string | null;
  lift_reason: string | null;
}

export interface AnonymisedParticipantTable {
  participant_id: string;
  anonymised_on: string;
}

/** Set only inside an erasure transaction: the plan-version triggers let lawful erasure through. */
/** Participants out of this device's scope kept for the adviser's unresolved changes (0018). */
export interface SyncHeldParticipantTable {
  participant_id: string;
  reason: string;
  held_at: string;
}

export interface ErasureInProgressTable {
  id: number;
  started_at: string;
}

export interface Database {
  meta: MetaTable;
  charter_profiles: CharterProfileTable;
  advisers: AdviserTable;
  participants: ParticipantTable;
  participant_events: ParticipantEventTable;
  audit_log: AuditLogTable;
  change_journal: ChangeJournalTable;
  referral_imports: ReferralImportTable;
  offices: OfficeTable;
  appointments: AppointmentTable;
  adviser_patterns: AdviserPatternTable;
  adviser_leave: AdviserLeaveTable;
  rooms: RoomTable;
  participant_constraints: ParticipantConstraintTable;
  document_templates: DocumentTemplateTable;
  letter_log: LetterLogTable;
  better_off_calculations: BetterOffCalculationTable;
  plan_drafts: PlanDraftTable;
  plan_versions: PlanVersionTable;
  support_referrals: SupportReferralTable;
  health_decisions: HealthDecisionTable;
  meeting_records: MeetingRecordTable;
  contact_attempts: ContactAttemptTable;
  travel_claims: TravelClaimTable;
  life_events: LifeEventTable;
  sync_state: SyncStateTable;
  sync_outbox: SyncOutboxTable;
  sync_outbox_archive: SyncOutboxArchiveTable;
  sync_record_versions: SyncRecordVersionTable;
  sync_shadow: SyncShadowTable;
  sync_conflicts: SyncConflictTable;
  sync_quarantine: SyncQuarantineTable;
  sync_held_participants: SyncHeldParticipantTable;
  legal_holds: LegalHoldTable;
  anonymised_participants: AnonymisedParticipantTable;
  erasure_in_progress: ErasureInProgressTable;
}

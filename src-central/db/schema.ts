/** The central store's tables, as Kysely sees them (PostgreSQL only; PGlite is PostgreSQL). */
import type { ColumnType, Generated } from 'kysely';

/** timestamptz: written as ISO strings, read back as Date (normalised by `iso`). */
type Timestamp = ColumnType<Date, string, string>;
/** int8: read as number on both drivers (see db/open.ts), written as number. */
type Int8 = ColumnType<number, number, number>;
type Json<T = unknown> = ColumnType<T, string, string>;

export interface OrganisationTable {
  id: string;
  name: string;
  created_at: Timestamp;
}

/** The prime contractor and its subcontractors, all inside one organisation (tenant). */
export interface ProviderTable {
  id: string;
  organisation_id: string;
  name: string;
  role: 'prime' | 'subcontractor';
  created_at: Timestamp;
}

export interface OfficeTable {
  id: string;
  organisation_id: string;
  provider_id: string;
  name: string;
  nation: string;
  /** 'office' or 'outreach' (a community venue). */
  kind: string;
  created_at: Timestamp;
}

export interface UserTable {
  id: string;
  organisation_id: string;
  office_id: string | null;
  name: string;
  role: 'adviser' | 'manager' | 'reception';
  created_at: Timestamp;
}

export interface AllocationTable {
  id: Generated<Int8>;
  organisation_id: string;
  participant_id: string;
  adviser_id: string;
  role: 'owner' | 'cover';
  /** YYYY-MM-DD (London), text so neither driver shifts it through a time zone. */
  from_date: string;
  to_date: string | null;
  created_at: Timestamp;
}

export interface DeviceTable {
  id: string;
  organisation_id: string;
  user_id: string;
  device_key: string;
  name: string | null;
  token_hash: string;
  enrolled_at: Timestamp;
  last_seen_at: Timestamp | null;
  revoked_at: Timestamp | null;
  applied_seq: Int8;
  /** The HLC node of the device's caseload, learnt from its pushes (names conflict authors). */
  hlc_node: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface EnrolmentCodeTable {
  code_hash: string;
  organisation_id: string;
  user_id: string;
  created_at: Timestamp;
  expires_at: Timestamp;
  used_at: Timestamp | null;
  device_key: string | null;
  device_id: string | null;
}

export interface MutationLedgerTable {
  device_id: string;
  seq: Int8;
  mutation_id: string | null;
  entity_type: string;
  entity_id: string;
  status: string;
  result: Json;
  /** Kept for rejected and conflicting mutations, so nothing sent is ever lost. */
  payload: Json | null;
  applied_at: Timestamp;
}

export interface RecordTable {
  organisation_id: string;
  entity_type: string;
  entity_id: string;
  participant_id: string | null;
  adviser_id: string | null;
  data: Json<Record<string, unknown>>;
  version: number;
  field_hlc: Json<Record<string, string>>;
  field_version: Json<Record<string, number>>;
  /** Null only inside the writing transaction, until positions are assigned at its end. */
  change_seq: Int8 | null;
  deleted: boolean;
  updated_at: Timestamp;
}

/** A record leaving an adviser's scope: pulled by that adviser's devices as `remove`. */
export interface ScopeRemovalTable {
  organisation_id: string;
  change_seq: Int8;
  adviser_id: string;
  entity_type: string;
  entity_id: string;
  reason: string;
}

/** One row per organisation: the gapless, commit-ordered change position (see sync/positions). */
export interface ChangeCounterTable {
  organisation_id: string;
  last_seq: Int8;
}

export interface ConflictLogTable {
  id: Generated<Int8>;
  organisation_id: string;
  device_id: string;
  mutation_id: string;
  entity_type: string;
  entity_id: string;
  kind: 'identity' | 'lww';
  field: string;
  /** The value that did not win (kept so it can be shown). */
  lost_value: Json;
  winner_hlc: string | null;
  at: Timestamp;
}

export interface AuditLogTable {
  id: Generated<Int8>;
  organisation_id: string | null;
  at: Timestamp;
  actor: string;
  action: string;
  entity_type: string | null;
  entity_id: string | null;
  detail: Json;
}

/** Single-row settings: the epoch (changes on restore/reset). */
export interface ServerStateTable {
  id: number;
  epoch: string;
  epoch_changed_at: Timestamp;
}

export interface ReferralImportTable {
  id: string;
  organisation_id: string;
  adviser_id: string;
  file_sha256: string;
  at: Timestamp;
  imported: number;
  duplicates: number;
  failed: number;
}

/** Report facts (reports/facts.ts): as of which day, and every change up to which position. */
export interface ReportFactsStateTable {
  organisation_id: string;
  as_of: string;
  basis_seq: Int8;
  refreshed_at: Timestamp;
}

/** A participant the engine could read, so counted in the report (even with nothing due). */
export interface ReportParticipantTable {
  organisation_id: string;
  participant_id: string;
}

/** One of the engine's obligations as of `report_facts_state.as_of`. `due` is never read back. */
export interface ReportObligationTable {
  organisation_id: string;
  participant_id: string;
  rule: string;
  due: string;
  status: string;
}

/** A participant erased centrally: no personal data, only a hash of the id (2026-12-03). */
export interface ErasureTable {
  organisation_id: string;
  participant_hash: string;
  action: 'delete' | 'anonymise';
  erased_at: Timestamp;
  erased_by: string;
  device_id: string;
}

/** A device's office or room matched to the organisation's own (2026-12-03). */
export interface RecordAliasTable {
  organisation_id: string;
  entity_type: string;
  alias_id: string;
  canonical_id: string;
  device_id: string;
  created_at: Timestamp;
}

export interface CentralDatabase {
  erasures: ErasureTable;
  record_aliases: RecordAliasTable;
  organisations: OrganisationTable;
  providers: ProviderTable;
  offices: OfficeTable;
  users: UserTable;
  allocations: AllocationTable;
  devices: DeviceTable;
  enrolment_codes: EnrolmentCodeTable;
  mutation_ledger: MutationLedgerTable;
  records: RecordTable;
  scope_removals: ScopeRemovalTable;
  change_counters: ChangeCounterTable;
  conflict_log: ConflictLogTable;
  audit_log: AuditLogTable;
  server_state: ServerStateTable;
  referral_imports: ReferralImportTable;
  report_facts_state: ReportFactsStateTable;
  report_participants: ReportParticipantTable;
  report_obligations: ReportObligationTable;
}

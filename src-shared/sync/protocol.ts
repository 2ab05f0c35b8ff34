/**
 * The sync wire protocol between a device and the central service (see docs/sync.md). Both sides validate with these schemas, so a change here is a
 * change to both ends: only add optional fields; never rename or remove.
 */
import { z } from 'zod';

/** Bumped when the meaning of a mutation changes; the server accepts this and the one before. */
export const SYNC_SCHEMA_VERSION = 1;
/** Largest push batch the server accepts. */
export const MAX_PUSH_MUTATIONS = 500;
/** Largest pull page the server returns. */
export const MAX_PULL_LIMIT = 1000;
/** A push whose HLC is further ahead of server time than this is refused (`clock_skew`). */
export const MAX_CLOCK_DRIFT_MS = 5 * 60 * 1000;

/** Change-journal entity types that belong to one participant (scope follows the allocation). */
export const PARTICIPANT_ENTITIES = [
  'participant',
  'participant_event',
  'participant-constraints',
  'meeting_record',
  'contact_attempt',
  'health_decision',
  'support_referral',
  'life_event',
  'travel_claim',
  'plan_draft',
  'plan_version',
  'better_off_calculation',
  'letter_log',
  'appointment',
  /** A legal hold on the participant's records (it blocks erasure on every device and centrally). */
  'legal_hold',
] as const;
/** Organisation reference data: every device of the organisation receives it. */
export const REFERENCE_ENTITIES = [
  'office',
  'room',
  'charter_profile',
  'document_template',
] as const;
/** Records that belong to one adviser (their diary pattern and leave). */
export const ADVISER_ENTITIES = ['adviser', 'adviser-pattern', 'adviser-leave'] as const;
export const ENTITY_TYPES = [
  ...PARTICIPANT_ENTITIES,
  ...REFERENCE_ENTITIES,
  ...ADVISER_ENTITIES,
] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];
/**
 * Records that stay on the device that made them and never enter the sync outbox: complaints and
 * "you told us, we did" (the manager's own device handles them), and feedback surveys (an
 * anonymous answer must not travel with anything that could place it). Migration
 * 0016-keep-local-records names the same types in the outbox trigger; a test keeps them equal.
 */
export const LOCAL_ONLY_ENTITIES = [
  'complaint',
  'you_told_us',
  'survey_offer',
  'survey_response',
] as const;
export const isEntityType = (v: string): v is EntityType =>
  (ENTITY_TYPES as readonly string[]).includes(v);

/**
 * Append-only entities: inserted once by id; the same id again is a duplicate, never an edit.
 * (meeting_record is append-only for inserts; corrections are new records.)
 */
export const APPEND_ONLY_ENTITIES: readonly EntityType[] = [
  'meeting_record',
  'contact_attempt',
  'participant_event',
  'letter_log',
  'plan_version',
  'life_event',
  'better_off_calculation',
];

/** Participant identity and contact columns: compare-and-set, never overwritten silently. */
export const IDENTITY_FIELDS = [
  'given_name',
  'family_name',
  'preferred_name',
  'date_of_birth',
  'ni_number',
  'address_line1',
  'address_line2',
  'town',
  'county',
  'postcode',
  'phone',
  'email',
] as const;

/** `ISO-millis-counter-node`, as src-main/write-path/hlc.ts formats it. */
export const HLC_PATTERN = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z-[0-9a-f]{4}-[0-9a-f]{16}$/;
export const hlcSchema = z.string().regex(HLC_PATTERN, 'Not a hybrid logical clock timestamp');
/** Wall-clock milliseconds of an HLC string (already validated). */
export const hlcMillis = (hlc: string): number => Date.parse(hlc.slice(0, 24));

const id = z.string().min(1).max(128);
const uuid = z.string().uuid();
const isoTime = z.string().datetime({ offset: true });
/** A database row as the device stores it (snake_case columns). */
export const rowSchema = z.record(z.string(), z.unknown());

// ---------------------------------------------------------------------------------- enrol
export const enrolRequestSchema = z.object({
  code: z.string().min(4).max(64),
  /** Random id the device generates once and stores before calling, so a retry is recognised. */
  deviceKey: z.string().min(16).max(128),
  deviceName: z.string().min(1).max(200).optional(),
});
export type EnrolRequest = z.infer<typeof enrolRequestSchema>;

export const userRoleSchema = z.enum(['adviser', 'manager', 'reception']);
export type UserRole = z.infer<typeof userRoleSchema>;

export const enrolResponseSchema = z.object({
  deviceId: uuid,
  /** Bearer token for every later request; shown once, stored hashed by the server. */
  token: z.string().min(32),
  adviser: z.object({
    id: uuid,
    name: z.string(),
    role: userRoleSchema,
    officeId: uuid.nullable(),
  }),
  organisation: z.object({ id: uuid, name: z.string() }),
  epoch: uuid,
  serverTime: isoTime,
});
export type EnrolResponse = z.infer<typeof enrolResponseSchema>;

// ---------------------------------------------------------------------------------- push
export const mutationOpSchema = z.enum(['insert', 'update', 'append', 'delete']);
export type MutationOp = z.infer<typeof mutationOpSchema>;

export const mutationSchema = z.object({
  /** Gapless per-device outbox position, from 1. */
  seq: z.number().int().min(1),
  /** The change-journal id (UUIDv7); unique across all devices. */
  id,
  /** Change-journal entity type; an unknown one is a `rejected` result, not a request error. */
  entity: z.string().min(1).max(64),
  entityId: id,
  op: mutationOpSchema,
  hlc: hlcSchema,
  /** The full row as it now is on the device (snake_case); null for a delete. */
  data: rowSchema.nullable(),
  /** The server version of this record the device last saw; 0 or null if none. */
  baseVersion: z.number().int().min(0).nullable().optional(),
});
export type Mutation = z.infer<typeof mutationSchema>;

export const pushRequestSchema = z.object({
  deviceId: uuid,
  epoch: uuid,
  schemaVersion: z.number().int().min(1),
  mutations: z.array(mutationSchema).max(MAX_PUSH_MUTATIONS),
});
export type PushRequest = z.infer<typeof pushRequestSchema>;

export const resultStatusSchema = z.enum(['applied', 'duplicate', 'conflict', 'rejected']);
export type ResultStatus = z.infer<typeof resultStatusSchema>;

/** Why a mutation was rejected; a rejected mutation is quarantined by the device. */
export const rejectionCodeSchema = z.enum([
  'out_of_scope',
  'invalid',
  'unknown_entity',
  'not_found',
  'forbidden',
]);
export type RejectionCode = z.infer<typeof rejectionCodeSchema>;

/**
 * Who made the change the server holds, and when: shown next to both values on the conflicts
 * screen. Added after the first release: optional wherever it travels, and an older server's
 * reply without it still parses.
 */
export const changeAuthorSchema = z.object({
  /** The adviser whose device made the change; null if the server made it or no longer knows. */
  adviserName: z.string().nullable(),
  /** That device's name as enrolled (usually the computer's name), or null. */
  deviceName: z.string().nullable(),
  /** When the change was made: its HLC's wall time, in the server's clock. */
  at: isoTime,
});
export type ChangeAuthor = z.infer<typeof changeAuthorSchema>;

export const lostFieldSchema = z.object({
  field: z.string(),
  /** The value this mutation sent, which lost to a later edit (HLC order). */
  value: z.unknown(),
  winnerHlc: z.string(),
  /** Who made the edit that won, and when (optional: older servers do not send it). */
  winner: changeAuthorSchema.optional(),
});
export type LostField = z.infer<typeof lostFieldSchema>;

export const mutationResultSchema = z.object({
  seq: z.number().int().min(1),
  status: resultStatusSchema,
  /** The record's server version after this mutation (applied, duplicate, conflict). */
  version: z.number().int().min(0).optional(),
  code: z.string().optional(),
  /** Plain English, never participant data. */
  message: z.string().optional(),
  /** conflict: server values of the identity fields that were not applied. */
  current: rowSchema.optional(),
  /** conflict: per field in `current`, who made the value the server holds and when (optional). */
  currentBy: z.record(z.string(), changeAuthorSchema).optional(),
  /** Fields whose value lost a last-writer-wins race (kept in the server's conflict log). */
  lost: z.array(lostFieldSchema).optional(),
  /**
   * An office or room the device created that is the organisation's existing place under this id
   * (adoption, src-central/sync/places.ts): the device re-points its rows to it.
   */
  canonicalId: id.optional(),
});
export type MutationResult = z.infer<typeof mutationResultSchema>;

export const pushResponseSchema = z.object({
  epoch: uuid,
  /** Highest seq the server has settled for this device (applied, conflict or rejected). */
  appliedThrough: z.number().int().min(0),
  results: z.array(mutationResultSchema),
  serverTime: isoTime,
});
export type PushResponse = z.infer<typeof pushResponseSchema>;

// ---------------------------------------------------------------------------------- pull
export const pullRequestSchema = z.object({
  deviceId: uuid,
  epoch: uuid,
  /** The `cursor` of the last page applied; 0 to start. */
  cursor: z.number().int().min(0),
  limit: z.number().int().min(1).max(MAX_PULL_LIMIT).default(500),
});
export type PullRequest = z.input<typeof pullRequestSchema>;

export const changeOpSchema = z.enum(['put', 'remove', 'delete']);
export type ChangeOp = z.infer<typeof changeOpSchema>;

export const changeSchema = z.object({
  cursor: z.number().int().min(1),
  entity: z.string(),
  id,
  version: z.number().int().min(0),
  /** put: insert or replace the row; remove: left this device's scope; delete: gone for everyone. */
  op: changeOpSchema,
  /** put only: the row in the device's own table format (snake_case). */
  data: rowSchema.optional(),
  fieldHlc: z.record(z.string(), z.string()).optional(),
  /** remove only: why (e.g. "reallocated"). */
  reason: z.string().optional(),
});
export type Change = z.infer<typeof changeSchema>;

export const pullResponseSchema = z.object({
  epoch: uuid,
  changes: z.array(changeSchema),
  /** Store this with the applied page, in the same local transaction. */
  cursor: z.number().int().min(0),
  hasMore: z.boolean(),
  appliedThrough: z.number().int().min(0),
  serverTime: isoTime,
});
export type PullResponse = z.infer<typeof pullResponseSchema>;

// ---------------------------------------------------------------------------------- state
export const stateResponseSchema = z.object({
  epoch: uuid,
  appliedThrough: z.number().int().min(0),
  /** Live records per entity type in the caller's scope. */
  counts: z.record(z.string(), z.number().int().min(0)),
  /** XOR of sha256(`entity:id:version`) over the scope, hex; see `scopeHashOf`. */
  scopeHash: z.string().regex(/^[0-9a-f]{64}$/),
  /** The organisation's latest change position (a device at this cursor is up to date). */
  cursor: z.number().int().min(0).optional(),
  serverTime: isoTime.optional(),
  /**
   * The device's user's role on the service now (it may have changed since enrolment): the
   * device refuses up front what the service would refuse from this role (an erasure).
   */
  role: userRoleSchema.optional(),
});
export type StateResponse = z.infer<typeof stateResponseSchema>;

// ---------------------------------------------------------------------------------- errors
export const errorCodeSchema = z.enum([
  'invalid_request',
  'unauthorised',
  'device_revoked',
  'code_unknown',
  'code_expired',
  'code_used',
  'seq_gap',
  /** The device numbered new changes with seqs the server already holds for other changes: it
   * was restored from an older copy of its caseload. It renumbers from appliedThrough + 1. */
  'seq_reused',
  'clock_skew',
  'epoch_changed',
  'resync',
  'client_too_old',
  'unavailable',
  'not_found',
  'internal',
]);
export type ErrorCode = z.infer<typeof errorCodeSchema>;

/** Every non-2xx response body. */
export const errorBodySchema = z.object({
  code: errorCodeSchema,
  /** Plain English, never participant data. */
  message: z.string(),
  appliedThrough: z.number().int().min(0).optional(),
  epoch: uuid.optional(),
  serverTime: isoTime.optional(),
  /** invalid_request: which request field was wrong. */
  field: z.string().optional(),
});
export type ErrorBody = z.infer<typeof errorBodySchema>;

export const SYNC_PATHS = {
  enrol: '/v1/enrol',
  push: '/v1/sync/push',
  pull: '/v1/sync/pull',
  state: '/v1/sync/state',
  health: '/v1/health',
} as const;

// ---------------------------------------------------------------------------------- scope hash
/**
 * XOR-folds 32-byte digests (hex) of `entity:id:version`; order-independent, so both sides can
 * compute it incrementally. The caller supplies sha256 (node:crypto on either side).
 */
export function xorHex(a: string, b: string): string {
  let out = '';
  for (let i = 0; i < 64; i += 8) {
    const x = (parseInt(a.slice(i, i + 8), 16) ^ parseInt(b.slice(i, i + 8), 16)) >>> 0;
    out += x.toString(16).padStart(8, '0');
  }
  return out;
}
export const EMPTY_SCOPE_HASH = '0'.repeat(64);
export const scopeHashItem = (entity: string, id: string, version: number) =>
  `${entity}:${id}:${version}`;
export function scopeHashOf(
  items: Iterable<{ entity: string; id: string; version: number }>,
  sha256Hex: (s: string) => string,
): string {
  let h = EMPTY_SCOPE_HASH;
  for (const it of items) h = xorHex(h, sha256Hex(scopeHashItem(it.entity, it.id, it.version)));
  return h;
}

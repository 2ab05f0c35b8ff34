/**
 * Where each journal entity type lives locally: the table, the columns that make its record id,
 * and whether the table refuses updates (agreed plan versions). Pulled rows are written with the
 * row's own columns; columns this version does not know are dropped (the server keeps them).
 */
import type SqliteDatabase from 'better-sqlite3-multiple-ciphers';
import type { Database } from '../db/schema';
import { prepared } from '../db/raw-handle';
import { searchText } from '../db/repositories/participants';

type Raw = SqliteDatabase.Database;

export interface EntitySpec {
  table: keyof Database & string;
  /** Columns whose values, joined by '@', make the journal's entity id. */
  key: string[];
  /** Rows are never changed once written (a trigger refuses it): put = insert if absent. */
  immutable?: boolean;
  /** 'participant' or 'adviser' linked, or organisation reference data. */
  link: 'participant' | 'adviser' | 'organisation';
}

const P = 'participant' as const;
export const ENTITIES: Record<string, EntitySpec> = {
  participant: { table: 'participants', key: ['id'], link: P },
  participant_event: { table: 'participant_events', key: ['id'], link: P },
  'participant-constraints': {
    table: 'participant_constraints',
    key: ['participant_id'],
    link: P,
  },
  meeting_record: { table: 'meeting_records', key: ['appointment_id'], link: P },
  contact_attempt: { table: 'contact_attempts', key: ['id'], link: P },
  health_decision: { table: 'health_decisions', key: ['id'], link: P },
  support_referral: { table: 'support_referrals', key: ['id'], link: P },
  life_event: { table: 'life_events', key: ['id'], link: P },
  travel_claim: { table: 'travel_claims', key: ['id'], link: P },
  plan_draft: { table: 'plan_drafts', key: ['participant_id'], link: P },
  plan_version: { table: 'plan_versions', key: ['id'], immutable: true, link: P },
  better_off_calculation: { table: 'better_off_calculations', key: ['id'], link: P },
  letter_log: { table: 'letter_log', key: ['id'], link: P },
  appointment: { table: 'appointments', key: ['id'], link: P },
  legal_hold: { table: 'legal_holds', key: ['id'], link: P },
  office: { table: 'offices', key: ['id'], link: 'organisation' },
  room: { table: 'rooms', key: ['id'], link: 'organisation' },
  charter_profile: { table: 'charter_profiles', key: ['id', 'version'], link: 'organisation' },
  document_template: { table: 'document_templates', key: ['id'], link: 'organisation' },
  adviser: { table: 'advisers', key: ['id'], link: 'adviser' },
  'adviser-pattern': { table: 'adviser_patterns', key: ['id'], link: 'adviser' },
  'adviser-leave': { table: 'adviser_leave', key: ['id'], link: 'adviser' },
};

/** Participant-linked types in the order a participant's records can be removed (children first). */
export const PARTICIPANT_TYPES_CHILDREN_FIRST = [
  'legal_hold',
  'meeting_record',
  'contact_attempt',
  'travel_claim',
  'life_event',
  'better_off_calculation',
  'letter_log',
  'plan_draft',
  'plan_version',
  'support_referral',
  'health_decision',
  'participant-constraints',
  'appointment',
  'participant_event',
  'participant',
] as const;

export const entitySpec = (entity: string): EntitySpec | undefined =>
  Object.hasOwn(ENTITIES, entity) ? ENTITIES[entity] : undefined;

/** The record id of a row, as the journal names it. */
export const recordIdOf = (spec: EntitySpec, row: Record<string, unknown>): string =>
  spec.key.map((k) => String(row[k])).join('@');

const keyValues = (spec: EntitySpec, id: string): unknown[] => {
  if (spec.key.length === 1) return [id];
  const at = id.lastIndexOf('@');
  const [a, b] = [id.slice(0, at), id.slice(at + 1)];
  return [a, /^\d+$/.test(b) ? Number(b) : b];
};

const columnCache = new WeakMap<Raw, Map<string, Set<string>>>();

function columnsOf(raw: Raw, table: string): Set<string> {
  let tables = columnCache.get(raw);
  if (!tables) columnCache.set(raw, (tables = new Map()));
  let cols = tables.get(table);
  if (!cols) {
    const rows = prepared(raw, 'SELECT name FROM pragma_table_info(?)').all(table) as {
      name: string;
    }[];
    cols = new Set(rows.map((c) => c.name));
    tables.set(table, cols);
  }
  return cols;
}

/** Table and column names come only from ENTITIES and the table's own schema, never from data. */
const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;

const toSqlite = (v: unknown): unknown =>
  typeof v === 'boolean'
    ? v
      ? 1
      : 0
    : v !== null && typeof v === 'object'
      ? JSON.stringify(v)
      : v === undefined
        ? null
        : v;

/**
 * Writes a server row into its local table (insert or replace by the record key), through a
 * statement prepared once per table and column set: a page of a thousand rows is a thousand
 * executions of one statement, not a thousand statements built and prepared.
 */
export function putRow(
  raw: Raw,
  spec: EntitySpec,
  data: Record<string, unknown>,
  /** Replace an immutable row (the server anonymised it: central erasure). */
  replaceImmutable = false,
): void {
  const cols = columnsOf(raw, spec.table);
  const row: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(data)) if (cols.has(k)) row[k] = toSqlite(v);
  if (spec.table === 'participants' && typeof row.search_text !== 'string') {
    row.search_text = searchText({
      givenName: String(row.given_name ?? ''),
      familyName: String(row.family_name ?? ''),
      preferredName: (row.preferred_name as string | null) ?? undefined,
      niNumber: String(row.ni_number ?? ''),
      address: { postcode: String(row.postcode ?? '') } as never,
      referralId: String(row.referral_id ?? ''),
    });
  }
  if (spec.immutable && replaceImmutable) {
    // The plan-version triggers let a change through only while the erasure marker is set
    // (0017); it is set and removed inside this pull's transaction, as the retention service does.
    prepared(raw, 'INSERT OR IGNORE INTO erasure_in_progress (id, started_at) VALUES (1, ?)').run(
      new Date().toISOString(),
    );
    putRow(raw, { ...spec, immutable: false }, data);
    prepared(raw, 'DELETE FROM erasure_in_progress').run();
    return;
  }
  const names = Object.keys(row);
  statementFor(raw, spec, names).run(names.map((n) => row[n]));
}

const putStatements = new WeakMap<Raw, Map<string, SqliteDatabase.Statement>>();

/**
 * The upsert for a table and column list, built once: building its text (forty quoted column
 * names, twice) for every row of a pulled page cost more than running it.
 */
function statementFor(raw: Raw, spec: EntitySpec, names: string[]): SqliteDatabase.Statement {
  let cache = putStatements.get(raw);
  if (!cache) putStatements.set(raw, (cache = new Map()));
  const signature = `${spec.table}\u0000${spec.immutable ? 'i' : 'm'}\u0000${names.join(',')}`;
  let stmt = cache.get(signature);
  if (stmt) return stmt;
  const insert = `INSERT INTO ${ident(spec.table)} (${names.map(ident).join(', ')}) VALUES (${names.map(() => '?').join(', ')})`;
  const updates = names.filter((n) => !spec.key.includes(n));
  const text =
    spec.immutable || updates.length === 0
      ? `${insert} ON CONFLICT DO NOTHING`
      : `${insert} ON CONFLICT (${spec.key.map(ident).join(', ')}) DO UPDATE SET ${updates
          .map((n) => `${ident(n)} = excluded.${ident(n)}`)
          .join(', ')}`;
  stmt = prepared(raw, text);
  cache.set(signature, stmt);
  return stmt;
}

const whereKey = (spec: EntitySpec) => spec.key.map((k) => `${ident(k)} = ?`).join(' AND ');

/**
 * Deletes a record locally. Agreed plan versions are protected by a trigger against every code
 * path; a record leaving this device's scope is the one case where the device must forget one, so
 * the trigger is dropped and recreated inside the same transaction (no one sees it missing).
 */
export function deleteRow(raw: Raw, spec: EntitySpec, id: string): void {
  const run = () =>
    prepared(raw, `DELETE FROM ${ident(spec.table)} WHERE ${whereKey(spec)}`).run(
      keyValues(spec, id),
    );
  if (spec.immutable) withoutPlanVersionGuard(raw, run);
  else run();
}

/** Reads a record's local row, or undefined. */
export function readRow(
  raw: Raw,
  spec: EntitySpec,
  id: string,
): Record<string, unknown> | undefined {
  return prepared(raw, `SELECT * FROM ${ident(spec.table)} WHERE ${whereKey(spec)}`).get(
    keyValues(spec, id),
  ) as Record<string, unknown> | undefined;
}

export function withoutPlanVersionGuard<T>(raw: Raw, work: () => T): T {
  raw.exec('DROP TRIGGER IF EXISTS plan_versions_immutable_delete');
  const result = work();
  // As 0017 defines it: a retention erasure (its marker row) may still remove versions.
  raw.exec(`CREATE TRIGGER plan_versions_immutable_delete BEFORE DELETE ON plan_versions
    WHEN NOT EXISTS (SELECT 1 FROM erasure_in_progress)
    BEGIN SELECT RAISE(ABORT, 'An agreed plan version cannot be removed'); END`);
  return result;
}

/** The participant a participant-linked row belongs to. */
export const participantOf = (entity: string, id: string, row: Record<string, unknown>) =>
  entity === 'participant'
    ? id
    : typeof row.participant_id === 'string'
      ? row.participant_id
      : null;

const LINKS = ['participant_id', 'adviser_id'];

/**
 * What a change changed: the row's key and links, plus every column whose value differs from the
 * base (the record as this device knew it before). No base means a first write: the whole row.
 */
export function changedFields(
  entity: string,
  payload: Record<string, unknown>,
  base: Record<string, unknown> | null,
): Record<string, unknown> {
  const spec = entitySpec(entity);
  if (!base || !spec) return payload;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(payload)) {
    if (spec.key.includes(k) || LINKS.includes(k) || JSON.stringify(v) !== JSON.stringify(base[k]))
      out[k] = v;
  }
  return out;
}

/**
 * The one migration set: the same SQL runs on PGlite and on PostgreSQL (15+). In code, not files,
 * so the CLI and tests need no migration folder on disk.
 */
import { randomUUID } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import { Migrator, type Migration, type MigrationProvider } from 'kysely/migration';

const initial: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('server_state')
      .addColumn('id', 'integer', (c) => c.primaryKey().check(sql`id = 1`))
      .addColumn('epoch', 'uuid', (c) => c.notNull())
      .addColumn('epoch_changed_at', 'timestamptz', (c) => c.notNull())
      .execute();
    await sql`insert into server_state (id, epoch, epoch_changed_at)
      values (1, ${randomUUID()}, ${new Date().toISOString()})`.execute(db);
    await db.schema
      .createTable('organisations')
      .addColumn('id', 'uuid', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('created_at', 'timestamptz', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('providers')
      .addColumn('id', 'uuid', (c) => c.primaryKey())
      .addColumn('organisation_id', 'uuid', (c) => c.notNull().references('organisations.id'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('role', 'text', (c) => c.notNull().check(sql`role in ('prime', 'subcontractor')`))
      .addColumn('created_at', 'timestamptz', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('offices')
      .addColumn('id', 'uuid', (c) => c.primaryKey())
      .addColumn('organisation_id', 'uuid', (c) => c.notNull().references('organisations.id'))
      .addColumn('provider_id', 'uuid', (c) => c.notNull().references('providers.id'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('nation', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('office', 'outreach')`))
      .addColumn('created_at', 'timestamptz', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('users')
      .addColumn('id', 'uuid', (c) => c.primaryKey())
      .addColumn('organisation_id', 'uuid', (c) => c.notNull().references('organisations.id'))
      .addColumn('office_id', 'uuid', (c) => c.references('offices.id'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('role', 'text', (c) =>
        c.notNull().check(sql`role in ('adviser', 'manager', 'reception')`),
      )
      .addColumn('created_at', 'timestamptz', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('allocations')
      .addColumn('id', 'bigserial', (c) => c.primaryKey())
      .addColumn('organisation_id', 'uuid', (c) => c.notNull().references('organisations.id'))
      .addColumn('participant_id', 'text', (c) => c.notNull())
      .addColumn('adviser_id', 'uuid', (c) => c.notNull().references('users.id'))
      .addColumn('role', 'text', (c) => c.notNull().check(sql`role in ('owner', 'cover')`))
      .addColumn('from_date', 'text', (c) => c.notNull())
      .addColumn('to_date', 'text')
      .addColumn('created_at', 'timestamptz', (c) => c.notNull())
      .execute();
    // At most one current owner per participant.
    await sql`create unique index allocations_one_owner on allocations (participant_id)
      where role = 'owner' and to_date is null`.execute(db);
    await sql`create index allocations_adviser on allocations (adviser_id) where to_date is null`.execute(
      db,
    );
    await db.schema
      .createTable('devices')
      .addColumn('id', 'uuid', (c) => c.primaryKey())
      .addColumn('organisation_id', 'uuid', (c) => c.notNull().references('organisations.id'))
      .addColumn('user_id', 'uuid', (c) => c.notNull().references('users.id'))
      .addColumn('device_key', 'text', (c) => c.notNull().unique())
      .addColumn('name', 'text')
      .addColumn('token_hash', 'text', (c) => c.notNull().unique())
      .addColumn('enrolled_at', 'timestamptz', (c) => c.notNull())
      .addColumn('last_seen_at', 'timestamptz')
      .addColumn('revoked_at', 'timestamptz')
      .addColumn('applied_seq', 'bigint', (c) => c.notNull().defaultTo(0))
      .execute();
    await db.schema
      .createTable('enrolment_codes')
      .addColumn('code_hash', 'text', (c) => c.primaryKey())
      .addColumn('organisation_id', 'uuid', (c) => c.notNull().references('organisations.id'))
      .addColumn('user_id', 'uuid', (c) => c.notNull().references('users.id'))
      .addColumn('created_at', 'timestamptz', (c) => c.notNull())
      .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
      .addColumn('used_at', 'timestamptz')
      .addColumn('device_key', 'text')
      .addColumn('device_id', 'uuid')
      .execute();
    await db.schema
      .createTable('mutation_ledger')
      .addColumn('device_id', 'uuid', (c) => c.notNull().references('devices.id'))
      .addColumn('seq', 'bigint', (c) => c.notNull())
      .addColumn('mutation_id', 'text', (c) => c.unique())
      .addColumn('entity_type', 'text', (c) => c.notNull())
      .addColumn('entity_id', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('result', 'jsonb', (c) => c.notNull())
      .addColumn('payload', 'jsonb')
      .addColumn('applied_at', 'timestamptz', (c) => c.notNull())
      .addPrimaryKeyConstraint('mutation_ledger_pk', ['device_id', 'seq'])
      .execute();
    await db.schema
      .createTable('records')
      .addColumn('organisation_id', 'uuid', (c) => c.notNull().references('organisations.id'))
      .addColumn('entity_type', 'text', (c) => c.notNull())
      .addColumn('entity_id', 'text', (c) => c.notNull())
      .addColumn('participant_id', 'text')
      .addColumn('adviser_id', 'uuid')
      .addColumn('data', 'jsonb', (c) => c.notNull())
      .addColumn('version', 'integer', (c) => c.notNull())
      .addColumn('field_hlc', 'jsonb', (c) => c.notNull())
      .addColumn('field_version', 'jsonb', (c) => c.notNull())
      .addColumn('change_seq', 'bigint')
      .addColumn('deleted', 'boolean', (c) => c.notNull().defaultTo(false))
      .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
      .addPrimaryKeyConstraint('records_pk', ['entity_type', 'entity_id'])
      .execute();
    await sql`create unique index records_change_seq on records (organisation_id, change_seq)`.execute(
      db,
    );
    await sql`create index records_participant on records (participant_id)`.execute(db);
    await sql`create index records_referral_id on records (organisation_id, (data->>'referral_id'))
      where entity_type = 'participant'`.execute(db);
    await sql`create index records_adviser on records (adviser_id) where adviser_id is not null`.execute(
      db,
    );
    await db.schema
      .createTable('scope_removals')
      .addColumn('organisation_id', 'uuid', (c) => c.notNull().references('organisations.id'))
      .addColumn('change_seq', 'bigint', (c) => c.notNull())
      .addColumn('adviser_id', 'uuid', (c) => c.notNull())
      .addColumn('entity_type', 'text', (c) => c.notNull())
      .addColumn('entity_id', 'text', (c) => c.notNull())
      .addColumn('reason', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('scope_removals_pk', ['organisation_id', 'change_seq'])
      .execute();
    await sql`create index scope_removals_adviser on scope_removals (adviser_id, change_seq)`.execute(
      db,
    );
    await db.schema
      .createTable('change_counters')
      .addColumn('organisation_id', 'uuid', (c) => c.primaryKey().references('organisations.id'))
      .addColumn('last_seq', 'bigint', (c) => c.notNull().defaultTo(0))
      .execute();
    await db.schema
      .createTable('conflict_log')
      .addColumn('id', 'bigserial', (c) => c.primaryKey())
      .addColumn('organisation_id', 'uuid', (c) => c.notNull())
      .addColumn('device_id', 'uuid', (c) => c.notNull())
      .addColumn('mutation_id', 'text', (c) => c.notNull())
      .addColumn('entity_type', 'text', (c) => c.notNull())
      .addColumn('entity_id', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('field', 'text', (c) => c.notNull())
      .addColumn('lost_value', 'jsonb', (c) => c.notNull())
      .addColumn('winner_hlc', 'text')
      .addColumn('at', 'timestamptz', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('audit_log')
      .addColumn('id', 'bigserial', (c) => c.primaryKey())
      .addColumn('organisation_id', 'uuid')
      .addColumn('at', 'timestamptz', (c) => c.notNull())
      .addColumn('actor', 'text', (c) => c.notNull())
      .addColumn('action', 'text', (c) => c.notNull())
      .addColumn('entity_type', 'text')
      .addColumn('entity_id', 'text')
      .addColumn('detail', 'jsonb', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('referral_imports')
      .addColumn('id', 'uuid', (c) => c.primaryKey())
      .addColumn('organisation_id', 'uuid', (c) => c.notNull())
      .addColumn('adviser_id', 'uuid', (c) => c.notNull())
      .addColumn('file_sha256', 'text', (c) => c.notNull())
      .addColumn('at', 'timestamptz', (c) => c.notNull())
      .addColumn('imported', 'integer', (c) => c.notNull())
      .addColumn('duplicates', 'integer', (c) => c.notNull())
      .addColumn('failed', 'integer', (c) => c.notNull())
      .execute();
  },
};

/**
 * Report facts (reports/facts.ts): the engine's obligations per participant, stored as of one
 * day so the organisation report is a count in the database rather than the engine run over
 * every record on every request. A cache of the engine's own output: it can always be rebuilt
 * from `records`, and nothing else reads it.
 */
const reportFacts: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('report_facts_state')
      .addColumn('organisation_id', 'uuid', (c) => c.primaryKey().references('organisations.id'))
      .addColumn('as_of', 'text', (c) => c.notNull())
      .addColumn('basis_seq', 'bigint', (c) => c.notNull())
      .addColumn('refreshed_at', 'timestamptz', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('report_participants')
      .addColumn('organisation_id', 'uuid', (c) => c.notNull().references('organisations.id'))
      .addColumn('participant_id', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('report_participants_pk', ['organisation_id', 'participant_id'])
      .execute();
    await db.schema
      .createTable('report_obligations')
      .addColumn('organisation_id', 'uuid', (c) => c.notNull().references('organisations.id'))
      .addColumn('participant_id', 'text', (c) => c.notNull())
      .addColumn('rule', 'text', (c) => c.notNull())
      .addColumn('due', 'date', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .execute();
    await sql`create index report_obligations_due on report_obligations (organisation_id, due)`.execute(
      db,
    );
    await sql`create index report_obligations_participant
      on report_obligations (organisation_id, participant_id)`.execute(db);
  },
};

/**
 * The HLC node each device stamps its changes with (its caseload's clock id). A stored field's
 * HLC ends with the node of the device that wrote it, so a conflict can name who made the value
 * the server holds (adviser and device) without storing an author per field.
 */
const deviceHlcNode: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema.alterTable('devices').addColumn('hlc_node', 'text').execute();
  },
};

/**
 * Central erasure and adoption (docs/sync.md, docs/security.md).
 *
 * erasures: the anonymised marker of a participant erased from the central store: a SHA-256 of
 * the id (the same hash the device's audit log keeps), what was done, when and by which user —
 * never a name or any other value. It lets "was this record erased?" be answered, and refuses a
 * second erasure cheaply.
 *
 * record_aliases: an office or room a device created on its own that matched one the
 * organisation already had. The device's id maps to the organisation's (canonical) id, so every
 * later mutation naming the device's id (an appointment's office_id, a room's office, an edit of
 * the office itself) is applied to the one shared record: nothing duplicated, nothing orphaned.
 */
const erasure: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('erasures')
      .addColumn('organisation_id', 'uuid', (c) => c.notNull().references('organisations.id'))
      .addColumn('participant_hash', 'text', (c) => c.notNull())
      .addColumn('action', 'text', (c) => c.notNull().check(sql`action in ('delete', 'anonymise')`))
      .addColumn('erased_at', 'timestamptz', (c) => c.notNull())
      .addColumn('erased_by', 'uuid', (c) => c.notNull())
      .addColumn('device_id', 'uuid', (c) => c.notNull())
      .addPrimaryKeyConstraint('erasures_pk', ['organisation_id', 'participant_hash'])
      .execute();
    await db.schema
      .createTable('record_aliases')
      .addColumn('organisation_id', 'uuid', (c) => c.notNull().references('organisations.id'))
      .addColumn('entity_type', 'text', (c) => c.notNull())
      .addColumn('alias_id', 'text', (c) => c.notNull())
      .addColumn('canonical_id', 'text', (c) => c.notNull())
      .addColumn('device_id', 'uuid', (c) => c.notNull())
      .addColumn('created_at', 'timestamptz', (c) => c.notNull())
      .addPrimaryKeyConstraint('record_aliases_pk', ['entity_type', 'alias_id'])
      .execute();
  },
};

/**
 * Sync speed: a pull page checks each record's current allocation (scope.ts `inScopeByRow`); the
 * only index on allocations by participant covered owners, not cover advisers.
 */
const syncSpeed: Migration = {
  async up(db: Kysely<unknown>) {
    await sql`create index allocations_current on allocations (participant_id, adviser_id)
      where to_date is null`.execute(db);
  },
};

/** Ordered by name; add new ones with a later name and never edit a released one. */
export const MIGRATIONS: Record<string, Migration> = {
  '2026-12-01-001-initial': initial,
  '2026-12-02-001-report-facts': reportFacts,
  '2026-12-03-001-device-hlc-node': deviceHlcNode,
  '2026-12-03-002-sync-speed': syncSpeed,
  '2026-12-03-003-erasure': erasure,
};

const provider: MigrationProvider = { getMigrations: async () => MIGRATIONS };

export async function migrateToLatest(db: Kysely<unknown>): Promise<void> {
  const { error, results } = await new Migrator({ db, provider }).migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new Error(`Database migration ${failed} failed`, { cause: error });
  }
}

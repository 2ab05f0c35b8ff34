import { sql } from 'kysely';
import { transactional } from './transactional';

/**
 * Retention and erasure (UK GDPR Art. 5(1)(e) and 17).
 *
 * legal_holds: a participant's records kept past their retention period (a claim, an
 * investigation, a contract audit) until the hold is lifted. A hold with lifted_at NULL is in
 * force; lifted ones stay as the record of why the records were kept.
 *
 * anonymised_participants: who was anonymised and when, so the retention list can say so and a
 * second anonymising is not needed (the row goes with the participant if they are later erased).
 *
 * erasure_in_progress: agreed plan versions stay immutable for edits (0006's triggers), but the
 * law can require them gone. The triggers now let a change through only while this single-row
 * marker exists; the retention service inserts it at the start of its erasure or anonymising
 * transaction and removes it before commit, so it is never set outside that transaction and an
 * ordinary UPDATE or DELETE is refused exactly as before.
 */
export default transactional(async (db) => {
  await db.schema
    .createTable('legal_holds')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('participant_id', 'text', (c) => c.notNull().references('participants.id'))
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('placed_by', 'text', (c) => c.notNull())
    .addColumn('placed_at', 'text', (c) => c.notNull())
    .addColumn('lifted_at', 'text')
    .addColumn('lifted_by', 'text')
    .addColumn('lift_reason', 'text')
    .execute();
  await db.schema
    .createIndex('legal_holds_participant')
    .on('legal_holds')
    .columns(['participant_id', 'lifted_at'])
    .execute();

  await db.schema
    .createTable('anonymised_participants')
    .addColumn('participant_id', 'text', (c) => c.primaryKey().references('participants.id'))
    .addColumn('anonymised_on', 'text', (c) => c.notNull())
    .execute();

  await sql`CREATE TABLE erasure_in_progress (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    started_at TEXT NOT NULL)`.execute(db);

  await sql`DROP TRIGGER plan_versions_immutable_update`.execute(db);
  await sql`DROP TRIGGER plan_versions_immutable_delete`.execute(db);
  await sql`CREATE TRIGGER plan_versions_immutable_update BEFORE UPDATE ON plan_versions
    WHEN NOT EXISTS (SELECT 1 FROM erasure_in_progress)
    BEGIN SELECT RAISE(ABORT, 'An agreed plan version cannot be changed'); END`.execute(db);
  await sql`CREATE TRIGGER plan_versions_immutable_delete BEFORE DELETE ON plan_versions
    WHEN NOT EXISTS (SELECT 1 FROM erasure_in_progress)
    BEGIN SELECT RAISE(ABORT, 'An agreed plan version cannot be removed'); END`.execute(db);
});

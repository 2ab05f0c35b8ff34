import { sql } from 'kysely';
import { transactional } from './transactional';

/**
 * The adviser's daily work: plan drafts and agreed plan versions (R5, R7), support referrals
 * (R10), occupational-health decisions (R9), meeting records, contact attempts (R8), travel
 * claims (R12) and life events (R15).
 */
export default transactional(async (db) => {
  // One autosaved draft per participant; agreeing turns it into a version and removes it.
  await db.schema
    .createTable('plan_drafts')
    .addColumn('participant_id', 'text', (c) => c.primaryKey().references('participants.id'))
    .addColumn('content', 'text', (c) => c.notNull()) // JSON: PlanContent
    .addColumn('revision', 'integer', (c) => c.notNull())
    .addColumn('base_version_id', 'text', (c) => c.references('plan_versions.id'))
    .addColumn('saved_at', 'text', (c) => c.notNull())
    .addColumn('saved_by', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('plan_versions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('participant_id', 'text', (c) => c.notNull().references('participants.id'))
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('content', 'text', (c) => c.notNull()) // JSON: PlanContent
    .addColumn('agreed_on', 'text', (c) => c.notNull())
    .addColumn('method', 'text', (c) => c.notNull())
    .addColumn('adviser_id', 'text', (c) => c.notNull())
    .addColumn('adviser_name', 'text', (c) => c.notNull())
    .addColumn('previous_version_id', 'text', (c) => c.references('plan_versions.id'))
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('plan_versions_number', ['participant_id', 'number'])
    .execute();
  // An agreed plan is what the participant signed up to: the database itself refuses to change
  // or remove it, so no code path (or hand-run SQL) can rewrite history. A review adds a version.
  await sql`CREATE TRIGGER plan_versions_immutable_update BEFORE UPDATE ON plan_versions
    BEGIN SELECT RAISE(ABORT, 'An agreed plan version cannot be changed'); END`.execute(db);
  await sql`CREATE TRIGGER plan_versions_immutable_delete BEFORE DELETE ON plan_versions
    BEGIN SELECT RAISE(ABORT, 'An agreed plan version cannot be removed'); END`.execute(db);

  await db.schema
    .createTable('support_referrals')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('participant_id', 'text', (c) => c.notNull().references('participants.id'))
    .addColumn('service', 'text', (c) => c.notNull())
    .addColumn('detail', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addColumn('referred_on', 'text')
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('health_decisions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('participant_id', 'text', (c) => c.notNull().references('participants.id'))
    .addColumn('need_noted_on', 'text', (c) => c.notNull())
    .addColumn('decision', 'text', (c) => c.notNull()) // 'refer' | 'no-referral'
    .addColumn('decided_on', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .addColumn('recorded_by', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('meeting_records')
    .addColumn('appointment_id', 'text', (c) => c.primaryKey().references('appointments.id'))
    .addColumn('participant_id', 'text', (c) => c.notNull().references('participants.id'))
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('notes', 'text', (c) => c.notNull())
    .addColumn('notes_special_category', 'integer', (c) => c.notNull())
    .addColumn('steps_reviewed', 'text', (c) => c.notNull()) // JSON: string[]
    .addColumn('good_reason', 'integer')
    .addColumn('compliance_doubt_referred', 'integer')
    .addColumn('decided_on', 'text')
    .addColumn('decision_note', 'text')
    .addColumn('decided_by', 'text')
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .addColumn('recorded_by', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('contact_attempts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('participant_id', 'text', (c) => c.notNull().references('participants.id'))
    .addColumn('appointment_id', 'text', (c) => c.references('appointments.id'))
    .addColumn('event_id', 'text', (c) => c.notNull().references('participant_events.id'))
    .addColumn('contact_kind', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addColumn('reached', 'integer', (c) => c.notNull())
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .addColumn('recorded_by', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('travel_claims')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('participant_id', 'text', (c) => c.notNull().references('participants.id'))
    .addColumn('appointment_id', 'text', (c) => c.notNull().references('appointments.id'))
    .addColumn('mode', 'text', (c) => c.notNull())
    .addColumn('amount_pence', 'integer', (c) => c.notNull())
    .addColumn('receipt_seen', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('claimed_on', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('life_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('participant_id', 'text', (c) => c.notNull().references('participants.id'))
    .addColumn('event_id', 'text', (c) => c.notNull().references('participant_events.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('employer', 'text', (c) => c.notNull())
    .addColumn('hours_per_week', 'real')
    .addColumn('hourly_wage_pence', 'integer')
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .addColumn('recorded_by', 'text', (c) => c.notNull())
    .execute();

  for (const table of [
    'plan_versions',
    'support_referrals',
    'health_decisions',
    'meeting_records',
    'contact_attempts',
    'travel_claims',
    'life_events',
  ])
    await db.schema
      .createIndex(`${table}_by_participant`)
      .on(table)
      .column('participant_id')
      .execute();
});

import { transactional } from './transactional';

/**
 * The diary's settings: advisers' working patterns and leave, rooms at offices, and what each
 * participant can and cannot do. Outreach venues are offices of kind 'outreach' whose opening
 * hours are their session times, so they need no table of their own.
 */
export default transactional(async (db) => {
  await db.schema
    .createTable('adviser_patterns')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('adviser_id', 'text', (c) => c.notNull().references('advisers.id'))
    .addColumn('effective_from', 'text', (c) => c.notNull())
    .addColumn('effective_to', 'text')
    .addColumn('sessions', 'text', (c) => c.notNull()) // JSON: sessions per weekday
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('adviser_patterns_by_adviser')
    .on('adviser_patterns')
    .columns(['adviser_id', 'effective_from'])
    .execute();

  await db.schema
    .createTable('adviser_leave')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('adviser_id', 'text', (c) => c.notNull().references('advisers.id'))
    .addColumn('from_date', 'text', (c) => c.notNull())
    .addColumn('to_date', 'text', (c) => c.notNull())
    .addColumn('start_time', 'text') // on the first day; null = from the start of the day
    .addColumn('end_time', 'text') // on the last day; null = to the end of the day
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('adviser_leave_by_adviser')
    .on('adviser_leave')
    .columns(['adviser_id', 'from_date'])
    .execute();

  await db.schema
    .createTable('rooms')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('office_id', 'text', (c) => c.notNull().references('offices.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('capacity', 'integer', (c) => c.notNull())
    .addColumn('step_free', 'integer', (c) => c.notNull())
    .addColumn('equipment', 'text', (c) => c.notNull()) // JSON: string[]
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('rooms_by_office_name')
    .unique()
    .on('rooms')
    .columns(['office_id', 'name'])
    .execute();

  await db.schema
    .createTable('participant_constraints')
    .addColumn('participant_id', 'text', (c) => c.primaryKey().references('participants.id'))
    .addColumn('unavailable', 'text', (c) => c.notNull()) // JSON: UnavailableTime[]
    .addColumn('preferred_channel', 'text', (c) => c.notNull())
    .addColumn('needs_step_free', 'integer', (c) => c.notNull())
    .addColumn('needs_hearing_loop', 'integer', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
});

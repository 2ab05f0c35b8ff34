import { transactional } from './transactional';

/** Offices (and outreach venues) and appointments: the diary the charter clocks run on. */
export default transactional(async (db) => {
  await db.schema
    .createTable('offices')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull()) // 'office' | 'outreach'
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('nation', 'text', (c) => c.notNull())
    .addColumn('address_line1', 'text', (c) => c.notNull())
    .addColumn('address_line2', 'text')
    .addColumn('town', 'text', (c) => c.notNull())
    .addColumn('postcode', 'text', (c) => c.notNull())
    .addColumn('phone', 'text', (c) => c.notNull())
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('public_transport', 'text', (c) => c.notNull())
    .addColumn('parking', 'text', (c) => c.notNull())
    .addColumn('step_free', 'integer', (c) => c.notNull())
    .addColumn('access_notes', 'text', (c) => c.notNull())
    .addColumn('support_offered', 'text', (c) => c.notNull())
    .addColumn('opening_hours', 'text', (c) => c.notNull())
    .addColumn('closures', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('appointments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('participant_id', 'text', (c) => c.notNull().references('participants.id'))
    .addColumn('adviser_id', 'text', (c) => c.notNull().references('advisers.id'))
    .addColumn('office_id', 'text', (c) => c.references('offices.id'))
    .addColumn('room', 'text')
    .addColumn('start', 'text', (c) => c.notNull()) // 'YYYY-MM-DDTHH:MM', Europe/London wall clock
    .addColumn('end', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addColumn('prior_notice', 'integer')
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('appointments_by_participant')
    .on('appointments')
    .columns(['participant_id', 'start'])
    .execute();
  await db.schema
    .createIndex('appointments_by_adviser')
    .on('appointments')
    .columns(['adviser_id', 'start'])
    .execute();
});

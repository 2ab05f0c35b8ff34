import { transactional } from './transactional';

/**
 * Complaints and the stages each has been through on its charter profile's route. A complaint
 * need not name a participant (made anonymously or by someone else). Visible to managers only:
 * the service checks the role; these rows are never joined into the caseload's screens.
 */
export default transactional(async (db) => {
  await db.schema
    .createTable('complaints')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('participant_id', 'text', (c) => c.references('participants.id'))
    .addColumn('received_on', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('about', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('profile_id', 'text', (c) => c.notNull())
    .addColumn('nation', 'text', (c) => c.notNull())
    .addColumn('acknowledged_on', 'text')
    .addColumn('outcome', 'text')
    .addColumn('lessons', 'text')
    .addColumn('closed_on', 'text')
    .addColumn('recorded_by', 'text', (c) => c.notNull())
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('complaint_stages')
    .addColumn('complaint_id', 'text', (c) => c.notNull().references('complaints.id'))
    .addColumn('stage_index', 'integer', (c) => c.notNull())
    .addColumn('stage_name', 'text', (c) => c.notNull())
    .addColumn('started_on', 'text', (c) => c.notNull())
    .addColumn('response_due', 'text')
    .addColumn('responded_on', 'text')
    .addColumn('response', 'text')
    .addPrimaryKeyConstraint('complaint_stages_pk', ['complaint_id', 'stage_index'])
    .execute();
  await db.schema
    .createIndex('complaint_stages_due')
    .on('complaint_stages')
    .columns(['responded_on', 'response_due'])
    .execute();
});

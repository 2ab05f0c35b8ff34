import { transactional } from './transactional';

/**
 * Better-off calculations recorded on a participant (charter R11). The full input and output are
 * kept with the rates version they were worked out with, so a calculation can be reproduced, or
 * refused if the shipped rates for its year have changed since.
 */
export default transactional(async (db) => {
  await db.schema
    .createTable('better_off_calculations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('participant_id', 'text', (c) => c.notNull().references('participants.id'))
    .addColumn('event_id', 'text', (c) => c.notNull().references('participant_events.id'))
    .addColumn('label', 'text')
    .addColumn('explained_on', 'text', (c) => c.notNull())
    .addColumn('tax_year', 'text', (c) => c.notNull())
    .addColumn('rates_version', 'text', (c) => c.notNull())
    .addColumn('input', 'text', (c) => c.notNull()) // JSON: the validated household
    .addColumn('output', 'text', (c) => c.notNull()) // JSON: BetterOffOutput
    .addColumn('better_off_monthly', 'real', (c) => c.notNull())
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .addColumn('recorded_by', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('better_off_by_participant')
    .on('better_off_calculations')
    .columns(['participant_id', 'recorded_at'])
    .execute();
});

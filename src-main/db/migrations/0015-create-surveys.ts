import { transactional } from './transactional';

/**
 * Feedback surveys. survey_responses holds answers; an anonymous one has participant_id NULL and
 * keeps only the month it was given (no date, no time), and its id is random (UUIDv4: a UUIDv7
 * would carry the time), so nothing in the row links it to a person. survey_offers records that a
 * survey was offered to (or declined by) a participant, so it is not offered twice; it never says
 * whether or how the participant answered.
 *
 * central_reports keeps the last figures fetched from the central service for each question a
 * manager asked (period and grouping), so the manager's screen works offline, saying how old they
 * are. Organisation figures only: no participant data.
 */
export default transactional(async (db) => {
  await db.schema
    .createTable('survey_responses')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('profile_id', 'text', (c) => c.notNull())
    .addColumn('survey_id', 'text', (c) => c.notNull())
    .addColumn('participant_id', 'text', (c) => c.references('participants.id'))
    .addColumn('month', 'text', (c) => c.notNull())
    .addColumn('answered_on', 'text')
    .addColumn('method', 'text', (c) => c.notNull())
    .addColumn('answers', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('survey_responses_month')
    .on('survey_responses')
    .columns(['month', 'survey_id'])
    .execute();
  await db.schema
    .createTable('survey_offers')
    .addColumn('participant_id', 'text', (c) => c.notNull().references('participants.id'))
    .addColumn('survey_id', 'text', (c) => c.notNull())
    .addColumn('offered_on', 'text', (c) => c.notNull())
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('survey_offers_pk', ['participant_id', 'survey_id'])
    .execute();
  await db.schema
    .createTable('central_reports')
    .addColumn('query', 'text', (c) => c.primaryKey())
    .addColumn('fetched_at', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .execute();
});

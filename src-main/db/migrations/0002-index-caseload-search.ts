import { sql } from 'kysely';
import { transactional } from './transactional';

/**
 * As-you-type search over name, NI number, postcode and reference. One lower-cased column is
 * backfilled for rows written before this migration and kept current by the participants
 * repository; the sort columns get indexes so a page of 10,000+ rows sorts without a scan.
 */
export default transactional(async (db) => {
  await db.schema
    .alterTable('participants')
    .addColumn('search_text', 'text', (c) => c.notNull().defaultTo(''))
    .execute();
  await sql`UPDATE participants SET search_text = lower(
      given_name || ' ' || family_name || ' ' || coalesce(preferred_name, '') || ' ' ||
      ni_number || ' ' || replace(postcode, ' ', '') || ' ' || postcode || ' ' || referral_id)`.execute(
    db,
  );
  await db.schema
    .createIndex('participants_by_name')
    .on('participants')
    .columns(['family_name', 'given_name'])
    .execute();
  await db.schema
    .createIndex('participants_by_status')
    .on('participants')
    .columns(['status', 'family_name'])
    .execute();
  await db.schema
    .createIndex('participants_by_referral_date')
    .on('participants')
    .column('referral_date')
    .execute();
  await db.schema
    .createIndex('participants_by_updated')
    .on('participants')
    .column('updated_at')
    .execute();
});

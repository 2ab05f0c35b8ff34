import { sql } from 'kysely';
import { transactional } from './transactional';

/**
 * What the places screens and the slot finder need beyond 0003/0007: a venue's hearing loop,
 * travel directions and the day it closed for good (closed venues keep their history, so they
 * are never deleted), and the days and time of day a participant can come.
 */
export default transactional(async (db) => {
  await db.schema
    .alterTable('offices')
    .addColumn('hearing_loop', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .alterTable('offices')
    .addColumn('directions', 'text', (c) => c.notNull().defaultTo(''))
    .execute();
  await db.schema.alterTable('offices').addColumn('closed_on', 'text').execute();
  await db.schema
    .alterTable('participant_constraints')
    .addColumn('attend_days', 'text', (c) => c.notNull().defaultTo(sql`'[]'`))
    .execute();
  await db.schema
    .alterTable('participant_constraints')
    .addColumn('time_of_day', 'text', (c) => c.notNull().defaultTo('any'))
    .execute();
});

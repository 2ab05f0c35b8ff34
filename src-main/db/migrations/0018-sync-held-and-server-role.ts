import { sql } from 'kysely';
import { transactional } from './transactional';

/**
 * sync_held_participants: a participant the service has taken out of this device's scope
 * (reallocated to another adviser) while this device still holds changes about them that the
 * service refused or has not yet received. The design's G1 ("a change saved locally is never
 * lost") outranks G5 (data leaves a device on reallocation) only for the adviser's own
 * unresolved work, so the records stay here, marked, until the adviser discards the refused
 * changes (sync participant status says why). The column is `participant_id`, so an erasure of
 * the participant (which finds its tables by that column) removes the marker too.
 *
 * sync_state.server_role: the role the central service gives the enrolled user (from enrolment
 * and every whole-state check). The service accepts an erasure only from a manager it knows; a
 * device refuses one up front when the service would not accept it, rather than erasing here
 * and having the service send the records back.
 */
export default transactional(async (db) => {
  await db.schema
    .createTable('sync_held_participants')
    .addColumn('participant_id', 'text', (c) => c.primaryKey())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('held_at', 'text', (c) => c.notNull())
    .execute();
  await sql`ALTER TABLE sync_state ADD COLUMN server_role TEXT`.execute(db);
});

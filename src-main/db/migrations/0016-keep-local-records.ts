import { sql } from 'kysely';
import { transactional } from './transactional';

/**
 * Complaints, "you told us, we did" and feedback surveys stay on the device that made them
 * (`LOCAL_ONLY_ENTITIES` in src-shared/sync/protocol.ts): the central service has no home for
 * them, so pushing them only filled the quarantine, and an anonymous survey answer must not
 * travel at all. The outbox trigger now skips them, and any already queued are taken out of the
 * queue, which is renumbered so the positions the server expects stay consecutive (the server
 * repairs an in-flight batch that used the old numbers: `seq_reused`). The list is written out
 * here, not imported, because a migration must mean the same thing for ever.
 */
const LOCAL_ONLY = sql`('complaint', 'you_told_us', 'survey_offer', 'survey_response')`;

export default transactional(async (db) => {
  await sql`DROP TRIGGER change_journal_outbox`.execute(db);
  await sql`CREATE TRIGGER change_journal_outbox AFTER INSERT ON change_journal
    WHEN NEW.entity_type NOT IN ${LOCAL_ONLY}
    BEGIN
      UPDATE sync_state SET last_seq = last_seq + 1 WHERE id = 1;
      INSERT INTO sync_outbox (seq, journal_id, base_version, base_data)
        SELECT last_seq, NEW.id,
          (SELECT version FROM sync_record_versions
            WHERE entity_type = NEW.entity_type AND entity_id = NEW.entity_id),
          (SELECT data FROM sync_shadow
            WHERE entity_type = NEW.entity_type AND entity_id = NEW.entity_id)
        FROM sync_state WHERE id = 1;
      DELETE FROM sync_shadow
        WHERE NEW.op = 'delete' AND entity_type = NEW.entity_type AND entity_id = NEW.entity_id;
      INSERT INTO sync_shadow (entity_type, entity_id, data)
        SELECT NEW.entity_type, NEW.entity_id, NEW.payload WHERE NEW.op <> 'delete'
        ON CONFLICT (entity_type, entity_id) DO UPDATE SET data = excluded.data;
    END`.execute(db);

  const first = await sql<{ seq: number | null }>`SELECT min(seq) AS seq FROM sync_outbox`.execute(
    db,
  );
  const start = first.rows[0]?.seq;
  if (start == null) return;
  await sql`DELETE FROM sync_outbox WHERE journal_id IN (
    SELECT id FROM change_journal WHERE entity_type IN ${LOCAL_ONLY})`.execute(db);
  await sql`DELETE FROM sync_shadow WHERE entity_type IN ${LOCAL_ONLY}`.execute(db);
  // Renumber what is left from the first queued position, keeping its order.
  const left = await sql<{ seq: number }>`SELECT seq FROM sync_outbox ORDER BY seq`.execute(db);
  await sql`UPDATE sync_outbox SET seq = -seq`.execute(db);
  for (const [i, r] of left.rows.entries())
    await sql`UPDATE sync_outbox SET seq = ${start + i} WHERE seq = ${-r.seq}`.execute(db);
  await sql`UPDATE sync_state SET last_seq = ${start - 1 + left.rows.length} WHERE id = 1`.execute(
    db,
  );
});

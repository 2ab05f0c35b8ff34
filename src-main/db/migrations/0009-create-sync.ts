import { sql } from 'kysely';
import { transactional } from './transactional';

/**
 * The device side of sync (sync design §5). The change journal stays the one record of local
 * writes; a trigger gives every journal entry its outbox place in the same transaction, so no
 * write path can commit a change without queueing it. The sequence comes from a counter row, not
 * AUTOINCREMENT, so it is gapless by construction: a gap would make the server answer seq_gap
 * forever and wedge the queue.
 *
 * A caseload used before this migration (today's installs) is adopted: its whole journal is
 * queued in the order it was written.
 */
export default transactional(async (db) => {
  await db.schema
    .createTable('sync_state')
    .addColumn('id', 'integer', (c) => c.primaryKey().check(sql`id = 1`))
    .addColumn('last_seq', 'integer', (c) => c.notNull())
    .addColumn('device_key', 'text')
    .addColumn('device_id', 'text')
    .addColumn('server_url', 'text')
    // The bearer token lives only here, inside the encrypted database.
    .addColumn('token', 'text')
    .addColumn('adviser_id', 'text')
    .addColumn('adviser_name', 'text')
    .addColumn('organisation_name', 'text')
    .addColumn('epoch', 'text')
    .addColumn('pull_cursor', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('last_acked_seq', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('last_sent_hlc', 'text')
    .addColumn('clock_offset_ms', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('enrolled_at', 'text')
    .addColumn('last_synced_at', 'text')
    .addColumn('last_attempt_at', 'text')
    // Plain-English reason the last attempt failed (never participant data), or null.
    .addColumn('last_error', 'text')
    .addColumn('last_error_code', 'text')
    .addColumn('revoked', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();

  await db.schema
    .createTable('sync_outbox')
    .addColumn('seq', 'integer', (c) => c.primaryKey())
    .addColumn('journal_id', 'text', (c) => c.notNull().unique().references('change_journal.id'))
    // The server version of the record when the change was made (compare-and-set's base): taken
    // at write time, because a pull between the edit and its push must not move it.
    .addColumn('base_version', 'integer')
    // The record as this device knew it just before the change (JSON row), or null for a first
    // write: what the change changed is the difference, and only that is sent. A full row would
    // carry stale values of fields the adviser never touched and overwrite other people's edits.
    .addColumn('base_data', 'text')
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();

  // Acked entries, kept so a server restored from backup (epoch change) or a seq_gap can be
  // answered by re-sending them with their original seq and id (cht-core#8093).
  await db.schema
    .createTable('sync_outbox_archive')
    .addColumn('seq', 'integer', (c) => c.primaryKey())
    .addColumn('journal_id', 'text', (c) => c.notNull().unique())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('version', 'integer')
    .addColumn('base_data', 'text')
    .addColumn('sent_hlc', 'text', (c) => c.notNull())
    .addColumn('acked_at', 'text', (c) => c.notNull())
    .execute();

  // The server version each record was last seen at: the baseVersion of the next push.
  await db.schema
    .createTable('sync_record_versions')
    .addColumn('entity_type', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('field_hlc', 'text')
    .addPrimaryKeyConstraint('sync_record_versions_pk', ['entity_type', 'entity_id'])
    .execute();

  // Each record as this device last knew it (after its own last change, or as last pulled): the
  // base the next change is compared with.
  await db.schema
    .createTable('sync_shadow')
    .addColumn('entity_type', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'text', (c) => c.notNull())
    .addColumn('data', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('sync_shadow_pk', ['entity_type', 'entity_id'])
    .execute();

  await db.schema
    .createTable('sync_conflicts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('seq', 'integer')
    .addColumn('entity_type', 'text', (c) => c.notNull())
    .addColumn('record_id', 'text', (c) => c.notNull())
    .addColumn('field', 'text', (c) => c.notNull())
    .addColumn('mine', 'text') // JSON value
    .addColumn('theirs', 'text') // JSON value
    .addColumn('their_author', 'text')
    .addColumn('their_hlc', 'text')
    // 'open' (adviser to decide), 'lost' (kept the other edit; shown), 'resolved'
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('resolved_at', 'text')
    .execute();

  // Mutations the server can never accept: kept with the reason, out of the queue's way.
  await db.schema
    .createTable('sync_quarantine')
    .addColumn('seq', 'integer', (c) => c.primaryKey())
    .addColumn('journal_id', 'text', (c) => c.notNull().unique())
    .addColumn('entity_type', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'text', (c) => c.notNull())
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('message', 'text', (c) => c.notNull())
    .addColumn('quarantined_at', 'text', (c) => c.notNull())
    .execute();

  // Pulls and counts look up a record's unpushed changes by entity.
  await sql`CREATE INDEX change_journal_by_record ON change_journal (entity_type, entity_id)`.execute(
    db,
  );

  await sql`INSERT INTO sync_outbox (seq, journal_id, base_data)
    SELECT row_number() OVER (ORDER BY created_at, hlc, id), id,
           lag(payload) OVER (PARTITION BY entity_type, entity_id ORDER BY created_at, hlc, id)
      FROM change_journal`.execute(db);
  await sql`INSERT INTO sync_shadow (entity_type, entity_id, data)
    SELECT entity_type, entity_id, payload FROM (
      SELECT entity_type, entity_id, payload, op, row_number() OVER (
        PARTITION BY entity_type, entity_id ORDER BY created_at DESC, hlc DESC, id DESC) AS n
      FROM change_journal) WHERE n = 1 AND op <> 'delete'`.execute(db);
  await sql`INSERT INTO sync_state (id, last_seq) SELECT 1, count(*) FROM change_journal`.execute(
    db,
  );

  await sql`CREATE TRIGGER change_journal_outbox AFTER INSERT ON change_journal
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
});

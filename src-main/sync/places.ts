/**
 * Adoption of this device's offices and rooms (issue 11). The server matches a place the device
 * made on its own to the organisation's same place (src-central/sync/places.ts says the rule and
 * why it is decided there) and answers the push with the organisation's id. Here, in the same
 * transaction that settles the reply, every local row is re-pointed to that id: appointments and
 * rooms at the office, the queued changes that still name the device's id, the sync bookkeeping.
 * The device's own copy then goes; the organisation's copy arrives with the next pull (a fresh
 * device pulls from the start), so no appointment ever points at a missing office.
 *
 * Nothing here is journalled: the server already holds every reference under the organisation's
 * id (it applies the alias to each mutation it receives), so re-pointing is bookkeeping, not a
 * change to send.
 */
import type SqliteDatabase from 'better-sqlite3-multiple-ciphers';
import { prepared } from '../db/raw-handle';
import { ENTITIES, putRow, readRow } from './entities';

type Raw = SqliteDatabase.Database;

/** Re-points a local office or room from the device's id to the organisation's. */
export function repointPlace(raw: Raw, entity: string, from: string, to: string): boolean {
  if (from === to || (entity !== 'office' && entity !== 'room')) return false;
  const spec = ENTITIES[entity]!;
  const mine = readRow(raw, spec, from);
  // Keep a row under the organisation's id until the pull brings the organisation's own copy,
  // so the foreign keys of the re-pointed rows hold in between.
  const theirs = readRow(raw, spec, to);
  if (entity === 'room') {
    // Nothing refers to a room by id; its name at the office is unique, so the copy goes first.
    if (mine) prepared(raw, 'DELETE FROM rooms WHERE id = ?').run(from);
    if (mine && !theirs) putRow(raw, spec, { ...mine, id: to });
  } else {
    if (mine && !theirs) putRow(raw, spec, { ...mine, id: to });
    // Rooms are unique by office and name: a room the organisation's office already has here
    // is the same room (appointments name rooms, not room ids), so the device's copy goes.
    prepared(
      raw,
      `DELETE FROM rooms WHERE office_id = ? AND name IN (SELECT name FROM rooms WHERE office_id = ?)`,
    ).run(from, to);
    prepared(raw, 'UPDATE rooms SET office_id = ? WHERE office_id = ?').run(to, from);
    prepared(raw, 'UPDATE appointments SET office_id = ? WHERE office_id = ?').run(to, from);
    if (mine) prepared(raw, 'DELETE FROM offices WHERE id = ?').run(from);
  }
  // Queued changes and the bases they are compared with name the organisation's id from now on
  // (the server would map them anyway; this keeps a rebase on pull from restoring the old id).
  const quoted = `"${from}"`;
  const now = `"${to}"`;
  prepared(
    raw,
    `UPDATE change_journal SET payload = replace(payload, ?, ?),
       entity_id = CASE WHEN entity_type = ? AND entity_id = ? THEN ? ELSE entity_id END
     WHERE id IN (SELECT journal_id FROM sync_outbox) AND (instr(payload, ?) > 0 OR entity_id = ?)`,
  ).run(quoted, now, entity, from, to, quoted, from);
  prepared(
    raw,
    `UPDATE sync_outbox SET base_data = replace(base_data, ?, ?) WHERE instr(base_data, ?) > 0`,
  ).run(quoted, now, quoted);
  prepared(raw, 'DELETE FROM sync_shadow WHERE entity_type = ? AND entity_id = ?').run(
    entity,
    from,
  );
  prepared(raw, `UPDATE sync_shadow SET data = replace(data, ?, ?) WHERE instr(data, ?) > 0`).run(
    quoted,
    now,
    quoted,
  );
  prepared(raw, 'DELETE FROM sync_record_versions WHERE entity_type = ? AND entity_id = ?').run(
    entity,
    from,
  );
  return true;
}

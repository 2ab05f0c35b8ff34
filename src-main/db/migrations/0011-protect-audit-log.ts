import { sql } from 'kysely';
import { transactional } from './transactional';

/**
 * The audit log only grows: UPDATE and DELETE on it are refused by the database itself, so no
 * code path (and no casual SQL tool session) can edit history. Someone who drops the triggers
 * is caught by the chain head kept outside the database (write-path/audit-anchor.ts).
 */
export default transactional(async (db) => {
  await sql`CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
    BEGIN SELECT RAISE(ABORT, 'The audit log cannot be changed'); END`.execute(db);
  await sql`CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
    BEGIN SELECT RAISE(ABORT, 'The audit log cannot be changed'); END`.execute(db);
});

import type { Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

/**
 * Kysely runs SQLite migrations outside a transaction (its SQLite adapter reports no transactional
 * DDL), but SQLite does support it: wrap each migration so a failure leaves nothing half-applied.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations see the schema as it was, not as typed now
export const transactional = (up: (db: Kysely<any>) => Promise<void>): Migration => ({
  up: (db) => db.transaction().execute((trx) => up(trx)),
});

import { transactional } from './transactional';

/**
 * Providers' own charter profiles: a manager's edited copy of a shipped profile. Every saved
 * version is kept (a row per version), so what a participant was promised on a given day can be
 * shown later; the highest version of an id is the one in force.
 */
export default transactional(async (db) => {
  await db.schema
    .createTable('charter_profiles')
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('based_on', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull()) // JSON: a CharterProfile
    .addColumn('saved_at', 'text', (c) => c.notNull())
    .addColumn('saved_by', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('charter_profiles_pk', ['id', 'version'])
    .execute();
});

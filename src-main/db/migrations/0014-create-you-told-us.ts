import { transactional } from './transactional';

/**
 * "You told us, we did": changes made because of feedback or complaints, and the links to what
 * lay behind each. A link is (source kind, source id) with no foreign key, so survey feedback
 * (another table, another branch) can be linked the same way as complaints.
 */
export default transactional(async (db) => {
  await db.schema
    .createTable('you_told_us')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('said', 'text', (c) => c.notNull())
    .addColumn('did', 'text', (c) => c.notNull())
    .addColumn('changed_on', 'text', (c) => c.notNull())
    .addColumn('recorded_by', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('you_told_us_sources')
    .addColumn('entry_id', 'text', (c) => c.notNull().references('you_told_us.id'))
    .addColumn('source_kind', 'text', (c) => c.notNull())
    .addColumn('source_id', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('you_told_us_sources_pk', ['entry_id', 'source_kind', 'source_id'])
    .execute();
  await db.schema
    .createIndex('you_told_us_sources_by_source')
    .on('you_told_us_sources')
    .columns(['source_kind', 'source_id'])
    .execute();
});

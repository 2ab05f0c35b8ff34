import { transactional } from './transactional';

/** Provider-editable letter wording (every saved version kept) and the letter log. */
export default transactional(async (db) => {
  await db.schema
    .createTable('document_templates')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull()) // JSON: the template's wording
    .addColumn('saved_at', 'text', (c) => c.notNull())
    .addColumn('saved_by', 'text', (c) => c.notNull())
    .addUniqueConstraint('document_templates_version', ['kind', 'language', 'version'])
    .execute();

  await db.schema
    .createTable('letter_log')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('participant_id', 'text', (c) => c.notNull().references('participants.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('template_versions', 'text', (c) => c.notNull()) // e.g. 'cy@0 en@3'
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('large_print', 'integer', (c) => c.notNull())
    .addColumn('method', 'text', (c) => c.notNull())
    .addColumn('issued_at', 'text', (c) => c.notNull())
    .addColumn('issued_by', 'text', (c) => c.notNull())
    .addColumn('snapshot', 'text', (c) => c.notNull()) // JSON: everything the document was built from
    .addColumn('content_sha256', 'text', (c) => c.notNull())
    .addColumn('outside_window_reason', 'text')
    .addColumn('reprint_of', 'text', (c) => c.references('letter_log.id'))
    .execute();
  await db.schema
    .createIndex('letter_log_by_participant')
    .on('letter_log')
    .columns(['participant_id', 'kind', 'issued_at'])
    .execute();
});

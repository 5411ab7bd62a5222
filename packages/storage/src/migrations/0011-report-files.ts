import { type Kysely, sql } from 'kysely';

/**
 * Full texts of reports: the PDF files attached to a record at the full-text stage. The bytes stay
 * in `uploads` (one upload, one file); a row keeps what screening and search need without reading
 * them: page count, the DOI found inside, the extracted text. Detaching keeps the row (reversible).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('report_files')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('project_id', 'uuid', (c) => c.notNull().references('projects.id'))
    .addColumn('record_id', 'uuid', (c) => c.notNull().references('records.id'))
    .addColumn('upload_id', 'uuid', (c) => c.notNull().references('uploads.id'))
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('byte_size', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('page_count', 'integer', (c) => c.notNull())
    .addColumn('doi', 'text')
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('matched_by', 'text', (c) =>
      c.notNull().check(sql`matched_by in ('manual', 'doi', 'title', 'file-name')`),
    )
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('attached', 'detached')`))
    .addColumn('attached_by', 'uuid', (c) => c.notNull())
    .addColumn('attached_at', 'timestamptz', (c) => c.notNull())
    .addColumn('detached_by', 'uuid')
    .addColumn('detached_at', 'timestamptz')
    .execute();
  await db.schema
    .createIndex('report_files_project_record_idx')
    .on('report_files')
    .columns(['project_id', 'record_id'])
    .execute();
  await db.schema
    .createIndex('report_files_project_sha_idx')
    .on('report_files')
    .columns(['project_id', 'sha256'])
    .execute();
}

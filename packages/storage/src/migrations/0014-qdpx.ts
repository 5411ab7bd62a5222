import { type Kysely, sql } from 'kysely';

/**
 * REFI-QDA interchange: files staged for import into a new project (uploads belong to a project,
 * and the project does not exist yet), the import report, where each imported thing came from
 * (its REFI guid and original creator), media files and the selections on them that Weft cannot
 * code yet (PDF/picture rectangles, audio/video time ranges), and code/source sets.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('qdpx_uploads')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('byte_size', 'integer', (c) => c.notNull())
    .addColumn('bytes', 'bytea', (c) => c.notNull())
    .addColumn('uploaded_by', 'uuid', (c) => c.notNull().references('users.id'))
    .addColumn('uploaded_at', 'timestamptz', (c) => c.notNull())
    .execute();
  await sql`alter table qdpx_uploads alter column bytes set storage external`.execute(db);

  await db.schema
    .createTable('qdpx_imports')
    .addColumn('project_id', 'uuid', (c) => c.primaryKey().references('projects.id'))
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('origin', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('report', 'jsonb', (c) => c.notNull())
    .addColumn('imported_at', 'timestamptz', (c) => c.notNull())
    .addColumn('imported_by', 'uuid', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('qdpx_origins')
    .addColumn('project_id', 'uuid', (c) => c.notNull().references('projects.id'))
    .addColumn('entity', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'uuid', (c) => c.notNull())
    .addColumn('guid', 'text', (c) => c.notNull())
    .addColumn('creator_guid', 'text')
    .addColumn('creator_name', 'text')
    .addPrimaryKeyConstraint('qdpx_origins_pkey', ['project_id', 'entity', 'entity_id'])
    .execute();

  await db.schema
    .createTable('qdpx_source_files')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('project_id', 'uuid', (c) => c.notNull().references('projects.id'))
    .addColumn('guid', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('pdf', 'picture', 'audio', 'video')`))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('path', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('document_id', 'uuid', (c) => c.references('documents.id'))
    .addColumn('byte_size', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('bytes', 'bytea')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .execute();
  await sql`alter table qdpx_source_files alter column bytes set storage external`.execute(db);
  await db.schema
    .createIndex('qdpx_source_files_project_idx')
    .on('qdpx_source_files')
    .column('project_id')
    .execute();

  await db.schema
    .createTable('qdpx_media_selections')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('project_id', 'uuid', (c) => c.notNull().references('projects.id'))
    .addColumn('source_file_id', 'uuid', (c) => c.notNull().references('qdpx_source_files.id'))
    .addColumn('guid', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) =>
      c.notNull().check(sql`kind in ('pdf', 'picture', 'audio', 'video', 'transcript')`),
    )
    .addColumn('name', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('geometry', 'jsonb', (c) => c.notNull())
    .addColumn('text', 'text')
    .addColumn('codings', 'jsonb', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('qdpx_media_selections_project_idx')
    .on('qdpx_media_selections')
    .column('project_id')
    .execute();

  await db.schema
    .createTable('qdpx_sets')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('project_id', 'uuid', (c) => c.notNull().references('projects.id'))
    .addColumn('guid', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('members', 'jsonb', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('qdpx_sets_project_idx').on('qdpx_sets').column('project_id').execute();
}

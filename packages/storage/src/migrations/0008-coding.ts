import { type Kysely, sql } from 'kysely';

/** Documents with versions, the codebook and codings (qualitative coding). */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('documents')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('project_id', 'uuid', (c) => c.notNull().references('projects.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('folder', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('study_id', 'uuid')
    .addColumn('case_id', 'uuid')
    .addColumn('current_version', 'integer', (c) => c.notNull().check(sql`current_version >= 1`))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('created_by', 'uuid', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('documents_project_idx')
    .on('documents')
    .columns(['project_id', 'folder'])
    .execute();

  await db.schema
    .createTable('document_versions')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('document_id', 'uuid', (c) => c.notNull().references('documents.id'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('structure', 'jsonb', (c) => c.notNull())
    .addColumn('pages', 'jsonb')
    .addColumn('meta', 'jsonb', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('created_by', 'uuid', (c) => c.notNull())
    .addUniqueConstraint('document_versions_document_version_key', ['document_id', 'version'])
    .execute();

  await db.schema
    .createTable('codes')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('project_id', 'uuid', (c) => c.notNull().references('projects.id'))
    .addColumn('parent_id', 'uuid')
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('inclusion', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('exclusion', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('example', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('colour', 'text')
    .addColumn('shortcut', 'text')
    .addColumn('position', 'double precision', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('active', 'deleted', 'merged')`))
    .addColumn('deleted_with', 'uuid')
    .addColumn('merge', 'jsonb')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('created_by', 'uuid', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('codes_project_idx').on('codes').columns(['project_id', 'parent_id']).execute();

  await db.schema
    .createTable('codings')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('project_id', 'uuid', (c) => c.notNull().references('projects.id'))
    .addColumn('code_id', 'uuid', (c) => c.notNull().references('codes.id'))
    .addColumn('document_id', 'uuid', (c) => c.notNull().references('documents.id'))
    .addColumn('version_id', 'uuid', (c) => c.notNull().references('document_versions.id'))
    .addColumn('start_offset', 'integer', (c) => c.notNull())
    .addColumn('end_offset', 'integer', (c) => c.notNull())
    .addColumn('exact', 'text', (c) => c.notNull())
    .addColumn('prefix', 'text', (c) => c.notNull())
    .addColumn('suffix', 'text', (c) => c.notNull())
    .addColumn('coder_id', 'uuid', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('active', 'removed')`))
    .addColumn('anchor_status', 'text', (c) =>
      c.notNull().check(sql`anchor_status in ('kept', 'moved', 'fuzzy', 'orphan')`),
    )
    .addColumn('score', 'double precision', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema
    .createIndex('codings_project_code_idx')
    .on('codings')
    .columns(['project_id', 'code_id', 'status'])
    .execute();
  await db.schema
    .createIndex('codings_document_idx')
    .on('codings')
    .columns(['document_id', 'status'])
    .execute();
}

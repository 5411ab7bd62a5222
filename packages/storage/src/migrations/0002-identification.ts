import { type Kysely, sql } from 'kysely';

// Forward-only, like every migration. Foreign keys all point at rows that are never deleted
// (records, groups and answers are kept; reversals are new rows and events).
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('uploads')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('project_id', 'uuid', (c) => c.notNull().references('projects.id'))
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('byte_size', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('bytes', 'bytea', (c) => c.notNull())
    .addColumn('uploaded_by', 'uuid', (c) => c.notNull())
    .addColumn('uploaded_at', 'timestamptz', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('searches')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('project_id', 'uuid', (c) => c.notNull().references('projects.id'))
    .addColumn('source_type', 'text', (c) =>
      c
        .notNull()
        .check(
          sql`source_type in ('database', 'register', 'website', 'organisation', 'citation-searching', 'other')`,
        ),
    )
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('platform', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('date_run', 'text', (c) => c.check(sql`date_run ~ '^\\d{4}-\\d{2}-\\d{2}$'`))
    .addColumn('query', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('reported_count', 'integer', (c) => c.check(sql`reported_count >= 0`))
    .addColumn('notes', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('created_by', 'uuid', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('searches_project_idx').on('searches').column('project_id').execute();

  await db.schema
    .createTable('imports')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('project_id', 'uuid', (c) => c.notNull().references('projects.id'))
    .addColumn('search_id', 'uuid', (c) => c.notNull().references('searches.id'))
    .addColumn('upload_id', 'uuid', (c) => c.references('uploads.id'))
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('format', 'text', (c) => c.notNull())
    .addColumn('encoding', 'text', (c) => c.notNull())
    .addColumn('record_count', 'integer', (c) => c.notNull())
    .addColumn('warnings', 'jsonb', (c) => c.notNull())
    .addColumn('imported_at', 'timestamptz', (c) => c.notNull())
    .addColumn('imported_by', 'uuid', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('imports_search_idx').on('imports').column('search_id').execute();

  await db.schema
    .createTable('source_records')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('project_id', 'uuid', (c) => c.notNull().references('projects.id'))
    .addColumn('import_id', 'uuid', (c) => c.notNull().references('imports.id'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('line', 'integer', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('duplicate_groups')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('project_id', 'uuid', (c) => c.notNull().references('projects.id'))
    .addColumn('method', 'text', (c) => c.notNull().check(sql`method in ('auto', 'manual')`))
    .addColumn('primary_record_id', 'uuid', (c) => c.notNull())
    .addColumn('member_ids', 'jsonb', (c) => c.notNull())
    .addColumn('merged', 'jsonb', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('created_by', 'uuid', (c) => c.notNull())
    .addColumn('dissolved_at', 'timestamptz')
    .addColumn('dissolved_by', 'uuid')
    .addColumn('dissolved_reason', 'text', (c) =>
      c.check(sql`dissolved_reason is null or dissolved_reason in ('unmerged', 'absorbed')`),
    )
    .execute();
  await db.schema
    .createIndex('duplicate_groups_project_idx')
    .on('duplicate_groups')
    .column('project_id')
    .execute();

  await db.schema
    .createTable('records')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('project_id', 'uuid', (c) => c.notNull().references('projects.id'))
    .addColumn('import_id', 'uuid', (c) => c.notNull().references('imports.id'))
    .addColumn('search_id', 'uuid', (c) => c.notNull().references('searches.id'))
    .addColumn('source_record_id', 'uuid', (c) => c.notNull().unique().references('source_records.id'))
    .addColumn('data', 'jsonb', (c) => c.notNull())
    .addColumn('title', 'text')
    .addColumn('year', 'integer')
    .addColumn('doi', 'text')
    .addColumn('pmid', 'text')
    .addColumn('first_author', 'text')
    .addColumn('group_id', 'uuid', (c) => c.references('duplicate_groups.id'))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('records_project_idx')
    .on('records')
    .columns(['project_id', 'created_at'])
    .execute();
  // Few indexes on records: each one slows the 100,000-row import. Most records have no group.
  await db.schema
    .createIndex('records_group_idx')
    .on('records')
    .column('group_id')
    .where(sql.ref('group_id'), 'is not', null)
    .execute();

  await db.schema
    .createTable('duplicate_candidates')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('project_id', 'uuid', (c) => c.notNull().references('projects.id'))
    .addColumn('record_a', 'uuid', (c) => c.notNull().references('records.id'))
    .addColumn('record_b', 'uuid', (c) => c.notNull().references('records.id'))
    .addColumn('decision', 'text', (c) =>
      c.notNull().check(sql`decision in ('certain', 'possible', 'manual')`),
    )
    .addColumn('score', 'real', (c) => c.notNull())
    .addColumn('evidence', 'jsonb', (c) => c.notNull())
    .addColumn('status', 'text', (c) =>
      c.notNull().check(sql`status in ('pending', 'duplicate', 'not-duplicate')`),
    )
    .addColumn('answered_by', 'uuid')
    .addColumn('answered_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    // One row per unordered pair: a < b, so an answer is found whichever way the pair comes up.
    .addCheckConstraint('duplicate_candidates_ordered', sql`record_a < record_b`)
    .addUniqueConstraint('duplicate_candidates_pair', ['project_id', 'record_a', 'record_b'])
    .execute();
  await db.schema
    .createIndex('duplicate_candidates_status_idx')
    .on('duplicate_candidates')
    .columns(['project_id', 'status'])
    .execute();
}

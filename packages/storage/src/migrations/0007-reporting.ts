import { type Kysely, sql } from 'kysely';

/**
 * Reports and studies for PRISMA 2020 (a record that passed title/abstract is a report sought for
 * retrieval; several reports can describe one study), and the diagram's per-project settings.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('reports')
    .addColumn('record_id', 'uuid', (c) => c.primaryKey().references('records.id'))
    .addColumn('project_id', 'uuid', (c) => c.notNull().references('projects.id'))
    .addColumn('retrieval', 'text', (c) => c.check(sql`retrieval in ('retrieved', 'not-retrieved')`))
    .addColumn('retrieval_note', 'text', (c) => c.notNull().defaultTo(''))
    // Reports of one study share the id of the study's first report; a report alone is its own study.
    .addColumn('study_id', 'uuid', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .addColumn('updated_by', 'uuid', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('reports_project_study_idx')
    .on('reports')
    .columns(['project_id', 'study_id'])
    .execute();

  await db.schema
    .createTable('prisma_settings')
    .addColumn('project_id', 'uuid', (c) => c.primaryKey().references('projects.id'))
    .addColumn('labels', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn('previous_studies', 'integer', (c) => c.check(sql`previous_studies >= 0`))
    .addColumn('previous_reports', 'integer', (c) => c.check(sql`previous_reports >= 0`))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
}

import { type Kysely, sql } from 'kysely';

/*
 * Records removed before screening for a reason other than duplication (PRISMA 2020's "records
 * marked as ineligible by automation tools" and "records removed for other reasons"). A table of
 * its own rather than columns on records: the wide records table is not rewritten, the few
 * removed records are found without scanning it (the PRISMA count path and the first stage's
 * pool join this table), and a removal is a fact a person stated, with its author and time, kept
 * apart from the imported record. One row per record currently removed: a restore deletes the
 * row; the event log keeps the history of both.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('record_removals')
    .addColumn('record_id', 'uuid', (c) => c.primaryKey().references('records.id'))
    .addColumn('project_id', 'uuid', (c) => c.notNull().references('projects.id'))
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('automation', 'other')`))
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('removed_by', 'uuid', (c) => c.notNull())
    .addColumn('removed_at', 'timestamptz', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('record_removals_project_idx')
    .on('record_removals')
    .column('project_id')
    .execute();
}

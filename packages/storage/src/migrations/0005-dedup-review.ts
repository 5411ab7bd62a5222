import type { Kysely } from 'kysely';

/*
 * Bulk answers in the duplicate review ("accept every pair scoring 0.9 or more") must be undoable
 * as one batch, so the rows a batch touched carry its id: the pairs it answered, the groups it
 * created, and the groups it absorbed (restored when the batch is undone). Nullable: single
 * answers and engine runs have no batch.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('duplicate_candidates').addColumn('batch_id', 'uuid').execute();
  await db.schema
    .alterTable('duplicate_groups')
    .addColumn('batch_id', 'uuid')
    .addColumn('absorbed_by_batch', 'uuid')
    .execute();
}

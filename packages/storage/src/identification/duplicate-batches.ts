import { type Kysely, sql, type Transaction } from 'kysely';
import type { Database } from '../schema.js';
import type { MergeMethod } from './duplicate-groups.js';

type Db = Kysely<Database> | Transaction<Database>;

/*
 * Bulk review answers ("every pair scoring 0.9 or more is a duplicate"). A batch is not a row of
 * its own: its id marks the pairs it answered and the groups it created or absorbed (migration
 * 0005), which is all that undoing it needs.
 */

export interface QueuedPair {
  id: string;
  recordA: string;
  recordB: string;
  score: number;
}

/**
 * Pending pairs scoring at least minScore, as the review queue shows them (a pair whose records
 * were since merged into one group is left out), highest score first.
 */
export async function queuedPairsAbove(db: Db, projectId: string, minScore: number): Promise<QueuedPair[]> {
  const rows = await db
    .selectFrom('duplicate_candidates as c')
    .innerJoin('records as ra', 'ra.id', 'c.record_a')
    .innerJoin('records as rb', 'rb.id', 'c.record_b')
    .select(['c.id', 'c.record_a', 'c.record_b', 'c.score'])
    .where('c.project_id', '=', projectId)
    .where('c.status', '=', 'pending')
    // real is single precision: compare in real, so 0.9 typed in the UI matches a stored 0.9.
    .where(sql<boolean>`c.score >= ${minScore}::real`)
    .where((eb) =>
      eb.or([
        eb('ra.group_id', 'is', null),
        eb('rb.group_id', 'is', null),
        eb('ra.group_id', '!=', sql.ref<string>('rb.group_id')),
      ]),
    )
    .orderBy('c.score', 'desc')
    .orderBy('c.id')
    .execute();
  return rows.map((row) => ({ id: row.id, recordA: row.record_a, recordB: row.record_b, score: row.score }));
}

/** "Not a duplicate" answers between any two of the given records. */
export async function distinctPairsAmong(
  db: Db,
  projectId: string,
  recordIds: readonly string[],
): Promise<Array<[string, string]>> {
  if (recordIds.length < 2) return [];
  const rows = await db
    .selectFrom('duplicate_candidates')
    .select(['record_a', 'record_b'])
    .where('project_id', '=', projectId)
    .where('status', '=', 'not-duplicate')
    .where('record_a', 'in', recordIds)
    .where('record_b', 'in', recordIds)
    .execute();
  return rows.map((row) => [row.record_a, row.record_b]);
}

/**
 * Marks as duplicates, for the batch, the given pairs and every other pending pair whose two
 * records now share one of the batch's groups (as a single merge does).
 */
export async function answerBatchPairs(
  trx: Transaction<Database>,
  projectId: string,
  batchId: string,
  candidateIds: readonly string[],
  actorId: string,
  at: Date,
): Promise<number> {
  let answered = 0;
  for (let start = 0; start < candidateIds.length; start += 5000) {
    const result = await trx
      .updateTable('duplicate_candidates')
      .set({ status: 'duplicate', answered_by: actorId, answered_at: at, batch_id: batchId })
      .where('project_id', '=', projectId)
      .where('status', '=', 'pending')
      .where('id', 'in', candidateIds.slice(start, start + 5000))
      .executeTakeFirst();
    answered += Number(result.numUpdatedRows);
  }
  const inGroups = await sql`update duplicate_candidates c
      set status = 'duplicate', answered_by = ${actorId}, answered_at = ${at}, batch_id = ${batchId}
      from records ra, records rb, duplicate_groups g
      where c.project_id = ${projectId} and c.status = 'pending'
        and ra.id = c.record_a and rb.id = c.record_b
        and ra.group_id = rb.group_id and g.id = ra.group_id and g.batch_id = ${batchId}`.execute(trx);
  return answered + Number(inGroups.numAffectedRows ?? 0);
}

export interface BatchGroups {
  created: Array<{ id: string; memberIds: string[]; dissolved: boolean }>;
  absorbed: Array<{ id: string; memberIds: string[]; method: MergeMethod }>;
}

/** The groups a batch created and the groups it absorbed. */
export async function findBatchGroups(db: Db, projectId: string, batchId: string): Promise<BatchGroups> {
  const [created, absorbed] = await Promise.all([
    db
      .selectFrom('duplicate_groups')
      .select(['id', 'member_ids', 'dissolved_at'])
      .where('project_id', '=', projectId)
      .where('batch_id', '=', batchId)
      .execute(),
    db
      .selectFrom('duplicate_groups')
      .select(['id', 'member_ids', 'method'])
      .where('project_id', '=', projectId)
      .where('absorbed_by_batch', '=', batchId)
      .execute(),
  ]);
  return {
    created: created.map((row) => ({
      id: row.id,
      memberIds: row.member_ids as string[],
      dissolved: row.dissolved_at !== null,
    })),
    absorbed: absorbed.map((row) => ({
      id: row.id,
      memberIds: row.member_ids as string[],
      method: row.method as MergeMethod,
    })),
  };
}

/** Returns the batch's answered pairs to the queue. */
export async function reopenBatchPairs(
  trx: Transaction<Database>,
  projectId: string,
  batchId: string,
): Promise<number> {
  const result = await trx
    .updateTable('duplicate_candidates')
    .set({ status: 'pending', answered_by: null, answered_at: null, batch_id: null })
    .where('project_id', '=', projectId)
    .where('batch_id', '=', batchId)
    .where('status', '=', 'duplicate')
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** Brings back the groups a batch absorbed, pointing their members at them again. */
export async function restoreAbsorbedGroups(
  trx: Transaction<Database>,
  projectId: string,
  batchId: string,
): Promise<string[]> {
  const groups = await trx
    .updateTable('duplicate_groups')
    .set({ dissolved_at: null, dissolved_by: null, dissolved_reason: null, absorbed_by_batch: null })
    .where('project_id', '=', projectId)
    .where('absorbed_by_batch', '=', batchId)
    .returning(['id', 'member_ids'])
    .execute();
  for (const group of groups) {
    await trx
      .updateTable('records')
      .set((eb) => ({ group_id: group.id, version: eb('version', '+', 1) }))
      .where('project_id', '=', projectId)
      .where('id', 'in', group.member_ids as string[])
      .execute();
  }
  return groups.map((group) => group.id);
}

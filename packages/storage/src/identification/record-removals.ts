import { type Kysely, sql, type Transaction } from 'kysely';
import type { Database } from '../schema.js';

type Db = Kysely<Database> | Transaction<Database>;

/*
 * Records removed before screening for another reason than duplication (migration 0015): PRISMA
 * 2020's "marked as ineligible by automation tools" (kind automation) and "removed for other
 * reasons" (kind other). A removed record is outside every stage's pool (firstStageEligibleSql).
 */

export type RemovalKind = 'automation' | 'other';

export interface RecordRemoval {
  recordId: string;
  kind: RemovalKind;
  reason: string;
  removedBy: string;
  removedAt: Date;
}

export async function findRemovals(
  db: Db,
  projectId: string,
  recordIds: readonly string[],
): Promise<Map<string, RecordRemoval>> {
  if (recordIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('record_removals')
    .selectAll()
    .where('project_id', '=', projectId)
    .where('record_id', 'in', recordIds)
    .execute();
  return new Map(rows.map((row) => [row.record_id, toRemoval(row)]));
}

function toRemoval(row: {
  record_id: string;
  kind: RemovalKind;
  reason: string;
  removed_by: string;
  removed_at: Date;
}): RecordRemoval {
  return {
    recordId: row.record_id,
    kind: row.kind,
    reason: row.reason,
    removedBy: row.removed_by,
    removedAt: new Date(row.removed_at),
  };
}

export async function insertRemovals(
  trx: Transaction<Database>,
  projectId: string,
  recordIds: readonly string[],
  removal: { kind: RemovalKind; reason: string; actorId: string; at: Date },
): Promise<void> {
  if (recordIds.length === 0) return;
  await trx
    .insertInto('record_removals')
    .values(
      recordIds.map((recordId) => ({
        record_id: recordId,
        project_id: projectId,
        kind: removal.kind,
        reason: removal.reason,
        removed_by: removal.actorId,
        removed_at: removal.at,
      })),
    )
    .execute();
}

export async function deleteRemovals(
  trx: Transaction<Database>,
  projectId: string,
  recordIds: readonly string[],
): Promise<void> {
  if (recordIds.length === 0) return;
  await trx
    .deleteFrom('record_removals')
    .where('project_id', '=', projectId)
    .where('record_id', 'in', recordIds)
    .execute();
}

/**
 * Of these records, those anyone holds a current decision or resolution on, at any stage: they
 * were screened, so PRISMA counts them where they were excluded, not as removed before screening.
 */
export async function recordsWithScreeningDecisions(
  db: Db,
  projectId: string,
  recordIds: readonly string[],
): Promise<string[]> {
  if (recordIds.length === 0) return [];
  const ids = sql`select value::uuid from jsonb_array_elements_text(${JSON.stringify(recordIds)}::jsonb)`;
  const { rows } = await sql<{ record_id: string }>`
    select distinct record_id from screening_decisions
      where project_id = ${projectId}::uuid and superseded_at is null and record_id in (${ids})
    union
    select distinct record_id from screening_resolutions
      where project_id = ${projectId}::uuid and superseded_at is null and record_id in (${ids})`.execute(db);
  return rows.map((row) => row.record_id);
}

/**
 * How many records are removed per kind and reason (the methods record lists them), counting as
 * PRISMA does: a removed record later folded into another as a duplicate counts as a duplicate.
 */
export async function removalReasonCounts(
  db: Db,
  projectId: string,
): Promise<Array<{ kind: RemovalKind; reason: string; count: number }>> {
  const rows = await db
    .selectFrom('record_removals as x')
    .innerJoin('records as r', 'r.id', 'x.record_id')
    .leftJoin('duplicate_groups as g', 'g.id', 'r.group_id')
    .select(['x.kind', 'x.reason', (eb) => eb.fn.countAll<number>().as('n')])
    .where('x.project_id', '=', projectId)
    .where((eb) => eb.or([eb('r.group_id', 'is', null), eb('g.primary_record_id', '=', eb.ref('r.id'))]))
    .groupBy(['x.kind', 'x.reason'])
    .orderBy('x.kind')
    .orderBy('x.reason')
    .execute();
  return rows.map((row) => ({ kind: row.kind, reason: row.reason, count: Number(row.n) }));
}

import { randomUUID } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../schema.js';

type Db = Kysely<Database> | Transaction<Database>;

export interface StoredCriterion {
  id: string;
  stageId: string;
  group: string;
  kind: 'include' | 'exclude';
  text: string;
  position: number;
}

export interface StoredReason {
  id: string;
  stageId: string;
  label: string;
  /** 1-based among the reasons in use. */
  position: number;
  retired: boolean;
}

export async function listCriteria(db: Db, stageIds: readonly string[]): Promise<StoredCriterion[]> {
  if (stageIds.length === 0) return [];
  const rows = await db
    .selectFrom('stage_criteria')
    .selectAll()
    .where('stage_id', 'in', stageIds)
    .orderBy('position')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    stageId: row.stage_id,
    group: row.criterion_group,
    kind: row.kind as 'include' | 'exclude',
    text: row.text,
    position: row.position,
  }));
}

/** Replaces a stage's criteria (they carry no history of their own: the event log keeps it). */
export async function replaceCriteria(
  trx: Db,
  projectId: string,
  stageId: string,
  criteria: ReadonlyArray<{ id?: string | undefined; group: string; kind: string; text: string }>,
): Promise<void> {
  const known = new Set((await listCriteria(trx, [stageId])).map((c) => c.id));
  await trx.deleteFrom('stage_criteria').where('stage_id', '=', stageId).execute();
  if (criteria.length === 0) return;
  await trx
    .insertInto('stage_criteria')
    .values(
      criteria.map((c, i) => ({
        id: c.id && known.has(c.id) ? c.id : randomUUID(),
        project_id: projectId,
        stage_id: stageId,
        criterion_group: c.group,
        kind: c.kind,
        text: c.text,
        position: i + 1,
      })),
    )
    .execute();
}

export async function listReasons(
  db: Db,
  stageIds: readonly string[],
  includeRetired = false,
): Promise<StoredReason[]> {
  if (stageIds.length === 0) return [];
  let query = db.selectFrom('exclusion_reasons').selectAll().where('stage_id', 'in', stageIds);
  if (!includeRetired) query = query.where('retired', '=', false);
  const rows = await query.orderBy('position').execute();
  return rows.map((row) => ({
    id: row.id,
    stageId: row.stage_id,
    label: row.label,
    position: row.position,
    retired: row.retired,
  }));
}

/**
 * Sets the reasons in use, in order. A reason given with its id keeps it (decisions citing it
 * stay attached); one left out is retired, never deleted. Returns the ids in the given order.
 */
export async function replaceReasons(
  trx: Db,
  projectId: string,
  stageId: string,
  reasons: ReadonlyArray<{ id?: string | undefined; label: string }>,
): Promise<string[]> {
  const existing = await listReasons(trx, [stageId], true);
  const known = new Set(existing.map((r) => r.id));
  const ids: string[] = [];
  for (const [i, reason] of reasons.entries()) {
    if (reason.id && known.has(reason.id)) {
      await trx
        .updateTable('exclusion_reasons')
        .set({ label: reason.label, position: i + 1, retired: false })
        .where('id', '=', reason.id)
        .execute();
      ids.push(reason.id);
    } else {
      // An unknown id (another stage's, or made up) never becomes a key: a fresh one is drawn.
      const id = randomUUID();
      await trx
        .insertInto('exclusion_reasons')
        .values({
          id,
          project_id: projectId,
          stage_id: stageId,
          label: reason.label,
          position: i + 1,
          retired: false,
        })
        .execute();
      ids.push(id);
    }
  }
  const kept = new Set(ids);
  const retire = existing.filter((r) => !kept.has(r.id) && !r.retired).map((r) => r.id);
  if (retire.length > 0)
    await trx
      .updateTable('exclusion_reasons')
      .set({ retired: true, position: 1000 })
      .where('id', 'in', retire)
      .execute();
  return ids;
}

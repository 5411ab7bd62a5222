import { randomUUID } from 'node:crypto';
import type { Kysely, Selectable, Transaction } from 'kysely';
import type { Database } from '../schema.js';
import type { ScreeningDecisionsTable } from '../screening-schema.js';
import { refreshStageOutcomes } from './stage-outcomes.js';

type Db = Kysely<Database> | Transaction<Database>;

export type Verdict = 'include' | 'exclude' | 'maybe';

export interface StoredDecision {
  id: string;
  stageId: string;
  recordId: string;
  reviewerId: string;
  reviewerName: string;
  decision: Verdict;
  reasonIds: string[];
  note: string;
  source: 'weft' | 'import';
  at: Date;
  supersededAt: Date | null;
  retracted: boolean;
}

/** One decision to record (see insertDecisions). */
export interface NewDecision {
  projectId: string;
  stageId: string;
  recordId: string;
  reviewerId: string;
  decision: Verdict;
  reasonIds?: readonly string[];
  note?: string;
  source: 'weft' | 'import';
  at: Date;
  /** The command that recorded it (links the row to the event log). */
  commandId?: string | null;
}

function toDecision(row: Selectable<ScreeningDecisionsTable> & { reviewer_name: string }): StoredDecision {
  return {
    id: row.id,
    stageId: row.stage_id,
    recordId: row.record_id,
    reviewerId: row.reviewer_id,
    reviewerName: row.reviewer_name,
    decision: row.decision as Verdict,
    reasonIds: row.reason_ids as string[],
    note: row.note,
    source: row.source as 'weft' | 'import',
    at: row.at,
    supersededAt: row.superseded_at,
    retracted: row.retracted,
  };
}

/**
 * Records decisions inside the caller's transaction: each becomes the reviewer's current
 * decision on its record at its stage, the one it replaces is marked superseded (history is
 * kept), and a resolution of the record no longer applies (the decisions it settled changed).
 * When rows repeat a (stage, record, reviewer), the last one wins. Returns the ids of the rows
 * inserted, in order. Used by screening.decide and by the decision import (`source: 'import'`);
 * callers check the stage is open and the records are eligible. The records' stage outcomes are
 * rewritten in the same transaction.
 */
export async function insertDecisions(
  trx: Transaction<Database>,
  given: readonly NewDecision[],
): Promise<string[]> {
  const last = new Map<string, NewDecision>();
  for (const row of given) {
    const key = `${row.stageId}:${row.recordId}:${row.reviewerId}`;
    last.delete(key);
    last.set(key, row);
  }
  const rows = [...last.values()];
  const ids: string[] = [];
  for (let i = 0; i < rows.length; i += 1000) {
    const batch = rows.slice(i, i + 1000);
    for (const stageId of new Set(batch.map((r) => r.stageId))) {
      const ofStage = batch.filter((r) => r.stageId === stageId);
      const at = ofStage[0]?.at ?? new Date();
      for (const reviewerId of new Set(ofStage.map((r) => r.reviewerId))) {
        await trx
          .updateTable('screening_decisions')
          .set({ superseded_at: at })
          .where('stage_id', '=', stageId)
          .where('reviewer_id', '=', reviewerId)
          .where(
            'record_id',
            'in',
            ofStage.filter((r) => r.reviewerId === reviewerId).map((r) => r.recordId),
          )
          .where('superseded_at', 'is', null)
          .execute();
      }
      await supersedeResolutions(
        trx,
        stageId,
        ofStage.map((r) => r.recordId),
        at,
      );
    }
    const values = batch.map((r) => {
      const id = randomUUID();
      ids.push(id);
      return {
        id,
        project_id: r.projectId,
        stage_id: r.stageId,
        record_id: r.recordId,
        reviewer_id: r.reviewerId,
        decision: r.decision,
        reason_ids: JSON.stringify(r.reasonIds ?? []),
        note: r.note ?? '',
        source: r.source,
        at: r.at,
        command_id: r.commandId ?? null,
      };
    });
    await trx.insertInto('screening_decisions').values(values).execute();
  }
  const byStage = new Map<string, { projectId: string; recordIds: string[] }>();
  for (const row of rows) {
    const entry = byStage.get(row.stageId) ?? { projectId: row.projectId, recordIds: [] };
    entry.recordIds.push(row.recordId);
    byStage.set(row.stageId, entry);
  }
  for (const [stageId, { projectId, recordIds }] of byStage)
    await refreshStageOutcomes(trx, projectId, { fromStageId: stageId, recordIds });
  return ids;
}

async function supersedeResolutions(trx: Db, stageId: string, recordIds: readonly string[], at: Date) {
  if (recordIds.length === 0) return;
  await trx
    .updateTable('screening_resolutions')
    .set({ superseded_at: at })
    .where('stage_id', '=', stageId)
    .where('record_id', 'in', recordIds)
    .where('superseded_at', 'is', null)
    .execute();
}

/** Withdraws the reviewer's current decision on a record (outcomes follow); returns its id, or undefined if none. */
export async function retractDecision(
  trx: Transaction<Database>,
  stageId: string,
  recordId: string,
  reviewerId: string,
  at: Date,
): Promise<string | undefined> {
  const row = await trx
    .updateTable('screening_decisions')
    .set({ superseded_at: at, retracted: true })
    .where('stage_id', '=', stageId)
    .where('record_id', '=', recordId)
    .where('reviewer_id', '=', reviewerId)
    .where('superseded_at', 'is', null)
    .returning('id')
    .executeTakeFirst();
  if (row) {
    await supersedeResolutions(trx, stageId, [recordId], at);
    const stage = await trx
      .selectFrom('stages')
      .select('project_id')
      .where('id', '=', stageId)
      .executeTakeFirstOrThrow();
    await refreshStageOutcomes(trx, stage.project_id, { fromStageId: stageId, recordIds: [recordId] });
  }
  return row?.id;
}

function decisionsQuery(db: Db, stageId: string) {
  return db
    .selectFrom('screening_decisions as d')
    .innerJoin('users as u', 'u.id', 'd.reviewer_id')
    .selectAll('d')
    .select('u.display_name as reviewer_name')
    .where('d.stage_id', '=', stageId);
}

/** Current decisions on these records (every reviewer's: callers decide what the asker may see). */
export async function currentDecisions(
  db: Db,
  stageId: string,
  recordIds?: readonly string[],
): Promise<StoredDecision[]> {
  if (recordIds && recordIds.length === 0) return [];
  let query = decisionsQuery(db, stageId).where('d.superseded_at', 'is', null);
  if (recordIds) query = query.where('d.record_id', 'in', recordIds);
  const rows = await query.orderBy('d.at').orderBy('d.id').execute();
  return rows.map(toDecision);
}

/** Every decision ever made on a record at a stage, oldest first. */
export async function decisionHistory(db: Db, stageId: string, recordId: string): Promise<StoredDecision[]> {
  const rows = await decisionsQuery(db, stageId)
    .where('d.record_id', '=', recordId)
    .orderBy('d.at')
    .orderBy('d.id')
    .execute();
  return rows.map(toDecision);
}

/** The reviewer's current decision on a record, if any. */
export async function findCurrentDecision(
  db: Db,
  stageId: string,
  recordId: string,
  reviewerId: string,
): Promise<StoredDecision | undefined> {
  const row = await decisionsQuery(db, stageId)
    .where('d.record_id', '=', recordId)
    .where('d.reviewer_id', '=', reviewerId)
    .where('d.superseded_at', 'is', null)
    .executeTakeFirst();
  return row ? toDecision(row) : undefined;
}

/** Current decisions per reviewer at a stage (dashboard). */
export async function decisionCountsByReviewer(
  db: Db,
  stageId: string,
): Promise<Array<{ reviewerId: string; name: string; decisions: number }>> {
  const rows = await db
    .selectFrom('screening_decisions as d')
    .innerJoin('users as u', 'u.id', 'd.reviewer_id')
    .select(['d.reviewer_id', 'u.display_name'])
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('d.stage_id', '=', stageId)
    .where('d.superseded_at', 'is', null)
    .groupBy(['d.reviewer_id', 'u.display_name'])
    .orderBy('u.display_name')
    .execute();
  return rows.map((row) => ({
    reviewerId: row.reviewer_id,
    name: row.display_name,
    decisions: Number(row.n),
  }));
}

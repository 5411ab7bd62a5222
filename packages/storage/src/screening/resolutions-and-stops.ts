import type { Kysely, Selectable, Transaction } from 'kysely';
import type { Database } from '../schema.js';
import type { ModelRunsTable, ScreeningResolutionsTable } from '../screening-schema.js';
import type { Verdict } from './decisions.js';
import { refreshStageOutcomes } from './stage-outcomes.js';

type Db = Kysely<Database> | Transaction<Database>;

export interface StoredResolution {
  id: string;
  stageId: string;
  recordId: string;
  method: 'consensus' | 'third-reviewer';
  decision: Verdict;
  reasonIds: string[];
  participantIds: string[];
  resolvedBy: string;
  note: string;
  at: Date;
  supersededAt: Date | null;
}

function toResolution(row: Selectable<ScreeningResolutionsTable>): StoredResolution {
  return {
    id: row.id,
    stageId: row.stage_id,
    recordId: row.record_id,
    method: row.method as StoredResolution['method'],
    decision: row.decision as Verdict,
    reasonIds: row.reason_ids as string[],
    participantIds: row.participant_ids as string[],
    resolvedBy: row.resolved_by,
    note: row.note,
    at: row.at,
    supersededAt: row.superseded_at,
  };
}

export interface NewResolution {
  id: string;
  projectId: string;
  stageId: string;
  recordId: string;
  method: 'consensus' | 'third-reviewer';
  decision: Verdict;
  reasonIds: readonly string[];
  participantIds: readonly string[];
  resolvedBy: string;
  note: string;
  at: Date;
}

/**
 * Records a resolution; an earlier one on the record is superseded (kept in the history) and the
 * record's stage outcomes are rewritten in the same transaction.
 */
export async function insertResolution(trx: Transaction<Database>, resolution: NewResolution): Promise<void> {
  await trx
    .updateTable('screening_resolutions')
    .set({ superseded_at: resolution.at })
    .where('stage_id', '=', resolution.stageId)
    .where('record_id', '=', resolution.recordId)
    .where('superseded_at', 'is', null)
    .execute();
  await trx
    .insertInto('screening_resolutions')
    .values({
      id: resolution.id,
      project_id: resolution.projectId,
      stage_id: resolution.stageId,
      record_id: resolution.recordId,
      method: resolution.method,
      decision: resolution.decision,
      reason_ids: JSON.stringify(resolution.reasonIds),
      participant_ids: JSON.stringify(resolution.participantIds),
      resolved_by: resolution.resolvedBy,
      note: resolution.note,
      at: resolution.at,
    })
    .execute();
  await refreshStageOutcomes(trx, resolution.projectId, {
    fromStageId: resolution.stageId,
    recordIds: [resolution.recordId],
  });
}

/** Resolutions of these records (current only unless `all`), oldest first. */
export async function listResolutions(
  db: Db,
  stageId: string,
  recordIds: readonly string[],
  all = false,
): Promise<StoredResolution[]> {
  if (recordIds.length === 0) return [];
  let query = db
    .selectFrom('screening_resolutions')
    .selectAll()
    .where('stage_id', '=', stageId)
    .where('record_id', 'in', recordIds);
  if (!all) query = query.where('superseded_at', 'is', null);
  const rows = await query.orderBy('at').orderBy('id').execute();
  return rows.map(toResolution);
}

export interface StoredStop {
  id: string;
  at: Date;
  stoppedBy: string;
  stoppedByName: string;
  note: string;
  evidence: unknown;
}

export async function insertStop(
  trx: Db,
  stop: {
    id: string;
    projectId: string;
    stageId: string;
    at: Date;
    by: string;
    note: string;
    evidence: unknown;
  },
): Promise<void> {
  await trx
    .insertInto('stage_stops')
    .values({
      id: stop.id,
      project_id: stop.projectId,
      stage_id: stop.stageId,
      at: stop.at,
      stopped_by: stop.by,
      note: stop.note,
      evidence: JSON.stringify(stop.evidence),
    })
    .execute();
}

/** Stopping decisions of a stage, newest first. */
export async function listStops(db: Db, stageId: string): Promise<StoredStop[]> {
  const rows = await db
    .selectFrom('stage_stops as s')
    .innerJoin('users as u', 'u.id', 's.stopped_by')
    .selectAll('s')
    .select('u.display_name')
    .where('s.stage_id', '=', stageId)
    .orderBy('s.at', 'desc')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    at: row.at,
    stoppedBy: row.stopped_by,
    stoppedByName: row.display_name,
    note: row.note,
    evidence: row.evidence,
  }));
}

export type StoredModelRun = Selectable<ModelRunsTable>;

/** The stage's latest model run (highest version), if the worker has made one. */
export async function latestModelRun(db: Db, stageId: string): Promise<StoredModelRun | undefined> {
  return db
    .selectFrom('model_runs')
    .selectAll()
    .where('stage_id', '=', stageId)
    .orderBy('version', 'desc')
    .limit(1)
    .executeTakeFirst();
}

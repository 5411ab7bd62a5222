import type { Kysely, Selectable, Transaction } from 'kysely';
import type { Database } from '../schema.js';
import type { StagesTable } from '../screening-schema.js';

type Db = Kysely<Database> | Transaction<Database>;

export type StoredStageMode = 'single' | 'dual' | 'sample';
export type StoredStageStatus = 'open' | 'stopped' | 'closed';

export interface StoredStage {
  id: string;
  projectId: string;
  key: string;
  name: string;
  position: number;
  mode: StoredStageMode;
  samplePercent: number | null;
  sampleSeed: number;
  sampleDrawnAt: Date | null;
  reviewerIds: string[];
  reasonRequired: boolean;
  status: StoredStageStatus;
  blinded: boolean;
  includeKeywords: string[];
  excludeKeywords: string[];
  stoppingSampleSeed: number | null;
  stoppingSampleStartedAt: Date | null;
  version: number;
  createdAt: Date;
}

function toStage(row: Selectable<StagesTable>): StoredStage {
  return {
    id: row.id,
    projectId: row.project_id,
    key: row.key,
    name: row.name,
    position: row.position,
    mode: row.mode as StoredStageMode,
    samplePercent: row.sample_percent === null ? null : Number(row.sample_percent),
    sampleSeed: row.sample_seed,
    sampleDrawnAt: row.sample_drawn_at,
    reviewerIds: row.reviewer_ids as string[],
    reasonRequired: row.reason_required,
    status: row.status as StoredStageStatus,
    blinded: row.blinded,
    includeKeywords: row.include_keywords as string[],
    excludeKeywords: row.exclude_keywords as string[],
    stoppingSampleSeed: row.stopping_sample_seed,
    stoppingSampleStartedAt: row.stopping_sample_started_at,
    version: row.version,
    createdAt: row.created_at,
  };
}

export interface NewStage {
  id: string;
  projectId: string;
  key: string;
  name: string;
  position: number;
  mode: StoredStageMode;
  samplePercent: number | null;
  sampleSeed: number;
  reviewerIds: string[];
  reasonRequired: boolean;
  at: Date;
}

export async function insertStage(trx: Db, stage: NewStage): Promise<StoredStage> {
  const row = await trx
    .insertInto('stages')
    .values({
      id: stage.id,
      project_id: stage.projectId,
      key: stage.key,
      name: stage.name,
      position: stage.position,
      mode: stage.mode,
      sample_percent: stage.samplePercent,
      sample_seed: stage.sampleSeed,
      reviewer_ids: JSON.stringify(stage.reviewerIds),
      reason_required: stage.reasonRequired,
      status: 'open',
      blinded: true,
      include_keywords: '[]',
      exclude_keywords: '[]',
      version: 1,
      created_at: stage.at,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toStage(row);
}

export async function listStages(db: Db, projectId: string): Promise<StoredStage[]> {
  const rows = await db
    .selectFrom('stages')
    .selectAll()
    .where('project_id', '=', projectId)
    .orderBy('position')
    .execute();
  return rows.map(toStage);
}

/** The stage, locked for the rest of the transaction when `forUpdate` (serialises writers). */
export async function findStage(
  db: Db,
  projectId: string,
  stageId: string,
  forUpdate = false,
): Promise<StoredStage | undefined> {
  let query = db
    .selectFrom('stages')
    .selectAll()
    .where('project_id', '=', projectId)
    .where('id', '=', stageId);
  if (forUpdate) query = query.forUpdate();
  const row = await query.executeTakeFirst();
  return row ? toStage(row) : undefined;
}

export interface StageChanges {
  name?: string;
  mode?: StoredStageMode;
  samplePercent?: number | null;
  reviewerIds?: string[];
  reasonRequired?: boolean;
  status?: StoredStageStatus;
  blinded?: boolean;
  includeKeywords?: string[];
  excludeKeywords?: string[];
  stoppingSampleSeed?: number | null;
  stoppingSampleStartedAt?: Date | null;
  sampleDrawnAt?: Date | null;
}

/** Applies changes and bumps the version; returns the new version. */
export async function updateStage(trx: Db, stageId: string, changes: StageChanges): Promise<number> {
  const row = await trx
    .updateTable('stages')
    .set((eb) => ({
      version: eb('version', '+', 1),
      ...(changes.name !== undefined ? { name: changes.name } : {}),
      ...(changes.mode !== undefined ? { mode: changes.mode } : {}),
      ...(changes.samplePercent !== undefined ? { sample_percent: changes.samplePercent } : {}),
      ...(changes.reviewerIds !== undefined ? { reviewer_ids: JSON.stringify(changes.reviewerIds) } : {}),
      ...(changes.reasonRequired !== undefined ? { reason_required: changes.reasonRequired } : {}),
      ...(changes.status !== undefined ? { status: changes.status } : {}),
      ...(changes.blinded !== undefined ? { blinded: changes.blinded } : {}),
      ...(changes.includeKeywords !== undefined
        ? { include_keywords: JSON.stringify(changes.includeKeywords) }
        : {}),
      ...(changes.excludeKeywords !== undefined
        ? { exclude_keywords: JSON.stringify(changes.excludeKeywords) }
        : {}),
      ...(changes.stoppingSampleSeed !== undefined
        ? { stopping_sample_seed: changes.stoppingSampleSeed }
        : {}),
      ...(changes.stoppingSampleStartedAt !== undefined
        ? { stopping_sample_started_at: changes.stoppingSampleStartedAt }
        : {}),
      ...(changes.sampleDrawnAt !== undefined ? { sample_drawn_at: changes.sampleDrawnAt } : {}),
    }))
    .where('id', '=', stageId)
    .returning('version')
    .executeTakeFirstOrThrow();
  return row.version;
}

/** The stage just before this one (by position), whose final decisions feed it. */
export async function previousStage(db: Db, stage: StoredStage): Promise<StoredStage | undefined> {
  const row = await db
    .selectFrom('stages')
    .selectAll()
    .where('project_id', '=', stage.projectId)
    .where('position', '<', stage.position)
    .orderBy('position', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row ? toStage(row) : undefined;
}

/** The stage and every stage before it, first stage first (eligibility chains through them). */
export async function stageChain(db: Db, stage: StoredStage): Promise<StoredStage[]> {
  const rows = await db
    .selectFrom('stages')
    .selectAll()
    .where('project_id', '=', stage.projectId)
    .where('position', '<=', stage.position)
    .orderBy('position')
    .execute();
  return rows.map(toStage);
}

import { randomUUID } from 'node:crypto';
import { type Kysely, sql, type Transaction } from 'kysely';
import { appendEvent } from '../event-log.js';
import type { Database } from '../schema.js';
import { outcomesSql } from './stage-outcomes.js';
import type { StoredStage } from './stages.js';

type Db = Kysely<Database> | Transaction<Database>;

/**
 * Who appends `model.trained`: the prioritisation worker, not a person. Events need an actor id
 * but no users row (events.actor_id has no foreign key), so no account exists that could log in.
 */
export const PRIORITISER_ACTOR = {
  id: '00000000-0000-4000-8000-00000000a1a1',
  name: 'Weft prioritisation',
} as const;

/** A stage's eligible records in record-id order with the text the model reads (title + abstract). */
export interface StageCorpus {
  recordIds: string[];
  texts: string[];
}

export async function stageCorpus(db: Db, chain: readonly StoredStage[]): Promise<StageCorpus> {
  const { rows } = await sql<{
    record_id: string;
    title: string | null;
    abstract: string | null;
  }>`select s.record_id,
      d.data->>'title' as title, d.data->>'abstract' as abstract
    from (${outcomesSql(chain[chain.length - 1] as StoredStage)}) s
    join records r on r.id = s.record_id
    left join duplicate_groups g on g.id = r.group_id
    cross join lateral (select case when g.primary_record_id = r.id then g.merged else r.data end as data) d
    order by s.record_id`.execute(db);
  return {
    recordIds: rows.map((row) => row.record_id),
    texts: rows.map((row) => `${row.title ?? ''} ${row.abstract ?? ''}`.trim()),
  };
}

/** A training label: include or maybe = relevant, exclude = irrelevant. */
export interface TrainingLabel {
  recordId: string;
  relevant: boolean;
}

/**
 * The stage's training labels from its decisions alone (no eligibility join, so it stays cheap
 * on a large project; the caller keeps the labels of records it ranks). The same rule as
 * screenedLabels: the final decision where the record has one — a resolution when current
 * decisions differ — else any current decision (include or maybe = relevant).
 */
export async function trainingLabels(db: Db, stageId: string): Promise<TrainingLabel[]> {
  const { rows } = await sql<{ record_id: string; relevant: boolean }>`select d.record_id,
      case when d.nd > 1 and res.decision is not null then res.decision in ('include', 'maybe')
           else d.any_relevant end as relevant
    from (select record_id, count(distinct decision) as nd,
                 bool_or(decision in ('include', 'maybe')) as any_relevant
          from screening_decisions
          where stage_id = ${stageId}::uuid and superseded_at is null
          group by record_id) d
    left join screening_resolutions res
      on res.stage_id = ${stageId}::uuid and res.record_id = d.record_id and res.superseded_at is null
    order by d.record_id`.execute(db);
  return rows.map((row) => ({ recordId: row.record_id, relevant: row.relevant }));
}

/**
 * How many of the best-scored records a run stores. The queue reads the ranking from its top
 * and the model is retrained after every batch of decisions, so the rest of a 100,000-record
 * ranking would be rewritten many times before anyone reached it; records past the limit are
 * offered after the ranked ones in the stage's seeded random order (as records without a score).
 */
export const STORED_RANKING_LIMIT = 10_000;

export interface NewModelRun {
  projectId: string;
  stageId: string;
  /** ModelSettings plus the training seed: enough to reproduce the ranking from the labels. */
  settings: unknown;
  includes: number;
  excludes: number;
  trainedAt: Date;
  message?: string | null;
  /** Every eligible record with its score; ranks are given by descending score, ties by id. */
  recordIds: readonly string[];
  scores: ArrayLike<number>;
  /** Store only this many best-scored records (default STORED_RANKING_LIMIT). */
  limit?: number;
}

/**
 * Stores a finished model run: the next version for the stage, its ranking (replacing the
 * previous one, so the queue follows the newest model) and a `model.trained` event, in one
 * transaction. Rankings are derived data (like an index), not a command; the event keeps the
 * audit trail of which model ordered the queue. The project row, then the stage row, are locked (the
 * order commands take them in) so two runs that finish together get distinct versions.
 */
export async function saveModelRun(
  db: Kysely<Database>,
  run: NewModelRun,
): Promise<{ version: number; runId: string } | undefined> {
  return db.transaction().execute(async (trx) => {
    // Commands lock the project row first and a stage row after it; appending the event below
    // updates the project row too. Taking the stage first would deadlock with a command on
    // PostgreSQL (seen while a reviewer decided during a retrain), so the project goes first here too.
    await trx.selectFrom('projects').select('id').where('id', '=', run.projectId).forUpdate().execute();
    const stage = await trx
      .selectFrom('stages')
      .select('id')
      .where('id', '=', run.stageId)
      .forUpdate()
      .executeTakeFirst();
    if (!stage) return undefined;
    const last = await trx
      .selectFrom('model_runs')
      .select((eb) => eb.fn.max('version').as('v'))
      .where('stage_id', '=', run.stageId)
      .executeTakeFirst();
    const version = Number(last?.v ?? 0) + 1;
    const runId = randomUUID();
    await trx
      .insertInto('model_runs')
      .values({
        id: runId,
        project_id: run.projectId,
        stage_id: run.stageId,
        version,
        // The state names of ModelStatusView: a finished run is the ranking in use.
        state: 'ready',
        settings: JSON.stringify(run.settings),
        includes: run.includes,
        excludes: run.excludes,
        trained_at: run.trainedAt,
        message: run.message ?? null,
        label_count: run.includes + run.excludes,
      })
      .execute();
    await replaceRanking(
      trx,
      run.stageId,
      version,
      run.recordIds,
      run.scores,
      run.limit ?? STORED_RANKING_LIMIT,
    );
    await appendEvent(trx, {
      projectId: run.projectId,
      commandId: randomUUID(),
      actorId: PRIORITISER_ACTOR.id,
      actorName: PRIORITISER_ACTOR.name,
      eventType: 'model.trained',
      payload: {
        stageId: run.stageId,
        version,
        includes: run.includes,
        excludes: run.excludes,
        settings: run.settings,
      },
      at: run.trainedAt,
    });
    return { version, runId };
  });
}

/** The top `limit` records by score (ties by id), in one statement per 20,000 rows (arrays unnested). */
async function replaceRanking(
  trx: Transaction<Database>,
  stageId: string,
  version: number,
  recordIds: readonly string[],
  scores: ArrayLike<number>,
  limit: number,
): Promise<void> {
  await trx.deleteFrom('screening_rankings').where('stage_id', '=', stageId).execute();
  const score = (i: number) => {
    const v = scores[i] as number;
    return Number.isFinite(v) ? v : 0;
  };
  const order = recordIds.map((_, i) => i);
  order.sort((a, b) => score(b) - score(a) || ((recordIds[a] as string) < (recordIds[b] as string) ? -1 : 1));
  const kept = order.slice(0, limit);
  const batch = 20_000;
  for (let start = 0; start < kept.length; start += batch) {
    const rows = kept.slice(start, start + batch);
    const ids = rows.map((i) => recordIds[i] as string);
    const s = rows.map(score);
    const r = rows.map((_, k) => start + k + 1);
    await sql`insert into screening_rankings (stage_id, record_id, score, rank, model_version)
      select ${stageId}::uuid, u.record_id, u.score, u.rank, ${version}
      from unnest(${ids}::uuid[], ${s}::float8[], ${r}::int[]) as u(record_id, score, rank)`.execute(trx);
  }
}

/** The scores of the stage's current ranking, by record (for tests and the dashboard). */
export async function listRanking(
  db: Db,
  stageId: string,
): Promise<{ recordId: string; score: number; rank: number; modelVersion: number }[]> {
  const rows = await db
    .selectFrom('screening_rankings')
    .selectAll()
    .where('stage_id', '=', stageId)
    .orderBy('rank')
    .execute();
  return rows.map((row) => ({
    recordId: row.record_id,
    score: Number(row.score),
    rank: row.rank,
    modelVersion: row.model_version,
  }));
}

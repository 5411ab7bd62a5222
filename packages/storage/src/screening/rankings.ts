import { randomUUID } from 'node:crypto';
import { type Kysely, sql, type Transaction } from 'kysely';
import { appendEvent } from '../event-log.js';
import type { Database } from '../schema.js';
import { statesSql } from './stage-states.js';
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
    from (${statesSql(chain)}) s
    join records r on r.id = s.record_id
    left join duplicate_groups g on g.id = r.group_id
    cross join lateral (select case when g.primary_record_id = r.id then g.merged else r.data end as data) d
    order by s.record_id`.execute(db);
  return {
    recordIds: rows.map((row) => row.record_id),
    texts: rows.map((row) => `${row.title ?? ''} ${row.abstract ?? ''}`.trim()),
  };
}

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
}

/**
 * Stores a finished model run: the next version for the stage, its ranking (replacing the
 * previous one, so the queue follows the newest model) and a `model.trained` event, in one
 * transaction. Rankings are derived data (like an index), not a command; the event keeps the
 * audit trail of which model ordered the queue. The stage row is locked so two runs that finish
 * together get distinct versions.
 */
export async function saveModelRun(
  db: Kysely<Database>,
  run: NewModelRun,
): Promise<{ version: number; runId: string } | undefined> {
  return db.transaction().execute(async (trx) => {
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
        state: 'trained',
        settings: JSON.stringify(run.settings),
        includes: run.includes,
        excludes: run.excludes,
        trained_at: run.trainedAt,
        message: run.message ?? null,
        label_count: run.includes + run.excludes,
      })
      .execute();
    await replaceRanking(trx, run.stageId, version, run.recordIds, run.scores);
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

/** One statement per 20,000 rows, arrays unnested server-side (far fewer round trips than VALUES lists). */
async function replaceRanking(
  trx: Transaction<Database>,
  stageId: string,
  version: number,
  recordIds: readonly string[],
  scores: ArrayLike<number>,
): Promise<void> {
  await trx.deleteFrom('screening_rankings').where('stage_id', '=', stageId).execute();
  const order = recordIds.map((_, i) => i);
  order.sort(
    (a, b) =>
      (scores[b] as number) - (scores[a] as number) ||
      ((recordIds[a] as string) < (recordIds[b] as string) ? -1 : 1),
  );
  const rank = new Int32Array(recordIds.length);
  order.forEach((row, position) => {
    rank[row] = position + 1;
  });
  const batch = 20_000;
  for (let start = 0; start < recordIds.length; start += batch) {
    const end = Math.min(start + batch, recordIds.length);
    const ids = recordIds.slice(start, end);
    const s = Array.from({ length: end - start }, (_, k) => {
      const v = scores[start + k] as number;
      return Number.isFinite(v) ? v : 0;
    });
    const r = Array.from(rank.subarray(start, end));
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

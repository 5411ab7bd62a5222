import type { BibliographicRecord } from '@weft/core';
import { type Kysely, type RawBuilder, sql, type Transaction } from 'kysely';
import type { Database } from '../schema.js';
import { outcomesSql } from './stage-outcomes.js';
import type { StageStateRow } from './stage-states.js';
import type { StoredStage } from './stages.js';

type Db = Kysely<Database> | Transaction<Database>;

/*
 * Reads over a stage's eligible records. `chain` is the stage and every stage before it, first
 * first (stageChain()); the last one is the stage asked about.
 */

function target(chain: readonly StoredStage[]): StoredStage {
  const stage = chain[chain.length - 1];
  if (!stage) throw new Error('empty stage chain');
  return stage;
}

export interface StageCounts {
  eligible: number;
  decided: number;
  included: number;
  excluded: number;
  maybe: number;
  conflicts: number;
  dualScreened: number;
  /** Records still needing someone's decision (not final, not in conflict). */
  remaining: number;
}

/**
 * Counts over the stage's records in one pass; with `reviewerId`, also that reviewer's queue
 * (`myQueue`), so a screen's progress costs one scan of the stage.
 */
function countsSelect(stage: StoredStage, reviewerId: string | undefined): RawBuilder<unknown> {
  const queue = reviewerId ? sql`count(*) filter (where ${queueWhere(reviewerId, stage.id)})` : sql`0`;
  return sql`count(*) as eligible,
      count(*) filter (where s.final is not null) as decided,
      count(*) filter (where s.final = 'include') as included,
      count(*) filter (where s.final = 'exclude') as excluded,
      count(*) filter (where s.final = 'maybe') as maybe,
      count(*) filter (where s.conflict) as conflicts,
      count(*) filter (where s.in_sample) as "dualScreened",
      count(*) filter (where s.final is null and not s.conflict) as remaining,
      ${queue} as "myQueue"`;
}

function parseCounts(row: Record<string, unknown> | undefined): StageCounts & { myQueue: number } {
  const n = (key: string) => Number(row?.[key] ?? 0);
  return {
    eligible: n('eligible'),
    decided: n('decided'),
    included: n('included'),
    excluded: n('excluded'),
    maybe: n('maybe'),
    conflicts: n('conflicts'),
    dualScreened: n('dualScreened'),
    remaining: n('remaining'),
    myQueue: n('myQueue'),
  };
}

/**
 * Counts over the stage's records in one pass; with `reviewerId`, also that reviewer's queue
 * (`myQueue`), so a screen's progress costs one scan of the stage.
 */
export async function stageCounts(
  db: Db,
  chain: readonly StoredStage[],
  reviewerId?: string,
): Promise<StageCounts & { myQueue: number }> {
  const stage = target(chain);
  const { rows } = await sql<Record<string, unknown>>`select ${countsSelect(stage, reviewerId)}
    from (${outcomesSql(target(chain))}) s`.execute(db);
  return parseCounts(rows[0]);
}

/**
 * Records the reviewer may still screen: not decided by them, still short of the decisions needed.
 * A record nobody has decided needs no look-up (the whole queue in single mode). Otherwise the
 * reviewer is compared as text so that the probe goes through the (stage, record) index of
 * current decisions (two rows at most) and never through the (stage, reviewer) one, which
 * without table statistics (PGlite never analyses) the planner may pick, turning the count
 * into a scan of every decision of the reviewer per record.
 */
function queueWhere(reviewerId: string, stageId: string): RawBuilder<unknown> {
  return sql`s.final is null and not s.conflict and s.n < s.needed
    and (s.n = 0 or not exists (select 1 from screening_decisions mine
      where mine.stage_id = ${stageId}::uuid and mine.record_id = s.record_id
        and mine.superseded_at is null and mine.reviewer_id::text = ${reviewerId}))`;
}

export async function queueSize(db: Db, chain: readonly StoredStage[], reviewerId: string): Promise<number> {
  const stage = target(chain);
  const { rows } = await sql<{
    n: string | number;
  }>`select count(*) as n from (${outcomesSql(target(chain))}) s
    where ${queueWhere(reviewerId, stage.id)}`.execute(db);
  return Number(rows[0]?.n ?? 0);
}

export async function myDecisionCount(db: Db, stageId: string, reviewerId: string): Promise<number> {
  const row = await db
    .selectFrom('screening_decisions')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('stage_id', '=', stageId)
    .where('reviewer_id', '=', reviewerId)
    .where('superseded_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export interface StageRecord {
  recordId: string;
  record: BibliographicRecord;
  score: number | null;
  inSample: boolean;
  state: StageStateRow;
}

const recordColumns = sql`case when g.primary_record_id = r.id then g.merged else r.data end as data`;

interface RecordRow extends StageStateRow {
  data: BibliographicRecord;
  score: number | null;
}

function toStageRecord(row: RecordRow): StageRecord {
  return {
    recordId: row.record_id,
    record: row.data,
    score: row.score === null ? null : Number(row.score),
    inSample: row.in_sample,
    state: {
      record_id: row.record_id,
      needed: Number(row.needed),
      in_sample: row.in_sample,
      n: Number(row.n),
      verdicts: Number(row.verdicts),
      final: row.final,
      conflict: row.conflict,
      resolved: row.resolved,
    },
  };
}

export interface QueueOrder {
  order: 'ranked' | 'random';
}

/**
 * The reviewer's next records, in queue order: during a stopping sample, seeded random order
 * (the sample's seed); otherwise the stage's latest ranking (highest score first, unscored
 * after), then seeded random order (the stage's sample seed). Every reviewer gets one order.
 */
export async function nextRecords(
  db: Db,
  chain: readonly StoredStage[],
  reviewerId: string,
  count: number,
): Promise<{
  records: StageRecord[];
  order: 'ranked' | 'random';
  counts: StageCounts & { myQueue: number };
}> {
  const stage = target(chain);
  const stopping = stage.stoppingSampleStartedAt !== null && stage.stoppingSampleSeed !== null;
  const ranked =
    !stopping &&
    (await db
      .selectFrom('screening_rankings')
      .select('record_id')
      .where('stage_id', '=', stage.id)
      .limit(1)
      .executeTakeFirst()) !== undefined;
  // The seeded random order: PostgreSQL's portable 64-bit text hash (the one hash partitioning
  // relies on), several times cheaper per row than md5 and the same on every backend.
  const seed = stopping ? (stage.stoppingSampleSeed as number) : stage.sampleSeed;
  const randomKey = (id: RawBuilder<unknown>) => sql`hashtextextended(${id}::text, ${seed}::bigint)`;
  const orderBy = ranked
    ? sql`rk.score desc nulls last, ${randomKey(sql`s.record_id`)}, s.record_id`
    : sql`${randomKey(sql`s.record_id`)}, s.record_id`;
  // One scan of the stage serves both the page and the counts (materialised once); the (wide)
  // record data is read for the page only: sorting whole records is the slow part.
  const { rows } = await sql<
    RecordRow & Record<string, unknown>
  >`with s as materialized (${outcomesSql(target(chain))}),
    c as (select ${countsSelect(stage, reviewerId)} from s),
    p as (select s.*, rk.score from s
      left join screening_rankings rk on rk.stage_id = ${stage.id}::uuid and rk.record_id = s.record_id
      where ${queueWhere(reviewerId, stage.id)}
      order by ${orderBy}
      limit ${count})
    select c.*, p.*, ${recordColumns}
    from c left join p on true
    left join records r on r.id = p.record_id
    left join duplicate_groups g on g.id = r.group_id
    order by ${ranked ? sql`p.score desc nulls last, ` : sql``}${randomKey(sql`p.record_id`)}, p.record_id`.execute(
    db,
  );
  return {
    records: rows.filter((row) => row.record_id !== null).map(toStageRecord),
    order: ranked ? 'ranked' : 'random',
    counts: parseCounts(rows[0]),
  };
}

export interface StageRecordFilters {
  /** Final decision (or `undecided`), unless `decisionOf` names whose current decision to test. */
  decision?: 'include' | 'exclude' | 'maybe' | 'undecided' | undefined;
  decisionOf?: string | undefined;
  conflict?: boolean | undefined;
  /** Records this reviewer has a current decision on. */
  reviewerId?: string | undefined;
  /** Records whose current decisions (by `reasonOf` only, when given) or resolution cite the reason. */
  reasonId?: string | undefined;
  reasonOf?: string | undefined;
  q?: string | undefined;
  offset: number;
  limit: number;
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** A page of the stage's eligible records with their states, in a stable order (title, id). */
export async function listStageRecords(
  db: Db,
  chain: readonly StoredStage[],
  filters: StageRecordFilters,
): Promise<{ records: StageRecord[]; total: number }> {
  const stage = target(chain);
  const conditions: RawBuilder<unknown>[] = [];
  const current = (alias: string) =>
    sql`${sql.raw(alias)}.stage_id = ${stage.id}::uuid and ${sql.raw(alias)}.record_id = s.record_id and ${sql.raw(alias)}.superseded_at is null`;
  if (filters.decision) {
    if (filters.decisionOf) {
      conditions.push(
        filters.decision === 'undecided'
          ? sql`not exists (select 1 from screening_decisions d1 where ${current('d1')} and d1.reviewer_id = ${filters.decisionOf}::uuid)`
          : sql`exists (select 1 from screening_decisions d1 where ${current('d1')} and d1.reviewer_id = ${filters.decisionOf}::uuid and d1.decision = ${filters.decision})`,
      );
    } else if (filters.decision === 'undecided') conditions.push(sql`s.final is null`);
    else conditions.push(sql`s.final = ${filters.decision}`);
  }
  if (filters.conflict !== undefined)
    conditions.push(filters.conflict ? sql`s.conflict` : sql`not s.conflict`);
  if (filters.reviewerId)
    conditions.push(
      sql`exists (select 1 from screening_decisions d2 where ${current('d2')} and d2.reviewer_id = ${filters.reviewerId}::uuid)`,
    );
  if (filters.reasonId) {
    const reason = JSON.stringify([filters.reasonId]);
    const byWhom = filters.reasonOf ? sql`and d3.reviewer_id = ${filters.reasonOf}::uuid` : sql``;
    const resolution = filters.reasonOf
      ? sql``
      : sql`or exists (select 1 from screening_resolutions r3 where ${current('r3')} and r3.reason_ids @> ${reason}::jsonb)`;
    conditions.push(
      sql`(exists (select 1 from screening_decisions d3 where ${current('d3')} ${byWhom} and d3.reason_ids @> ${reason}::jsonb) ${resolution})`,
    );
  }
  if (filters.q?.trim()) {
    const like = `%${escapeLike(filters.q.trim())}%`;
    conditions.push(
      sql`((case when g.primary_record_id = r.id then g.merged else r.data end)->>'title' ilike ${like}
        or (case when g.primary_record_id = r.id then g.merged else r.data end)->>'abstract' ilike ${like})`,
    );
  }
  const where = conditions.length > 0 ? sql`where ${sql.join(conditions, sql` and `)}` : sql``;
  const from = sql`from (${outcomesSql(target(chain))}) s
    join records r on r.id = s.record_id
    left join duplicate_groups g on g.id = r.group_id
    left join screening_rankings rk on rk.stage_id = ${stage.id}::uuid and rk.record_id = s.record_id
    ${where}`;
  const [page, total] = await Promise.all([
    sql<RecordRow>`select p.*, ${recordColumns}
      from (select s.*, rk.score, lower(coalesce(r.title, '')) as sort_title ${from}
        order by sort_title, s.record_id
        offset ${filters.offset} limit ${filters.limit}) p
      join records r on r.id = p.record_id
      left join duplicate_groups g on g.id = r.group_id
      order by p.sort_title, p.record_id`.execute(db),
    sql<{ n: string | number }>`select count(*) as n ${from}`.execute(db),
  ]);
  return { records: page.rows.map(toStageRecord), total: Number(total.rows[0]?.n ?? 0) };
}

/** Records of the stage with differing current verdicts (resolved or not), by record id. */
export async function conflictRecords(db: Db, chain: readonly StoredStage[]): Promise<StageRecord[]> {
  const stage = target(chain);
  const { rows } = await sql<RecordRow>`select s.*, ${recordColumns}, rk.score
    from (${outcomesSql(target(chain))}) s
    join records r on r.id = s.record_id
    left join duplicate_groups g on g.id = r.group_id
    left join screening_rankings rk on rk.stage_id = ${stage.id}::uuid and rk.record_id = s.record_id
    where s.verdicts > 1
    order by s.conflict desc, lower(coalesce(r.title, '')), s.record_id`.execute(db);
  return rows.map(toStageRecord);
}

/** One eligible record's state, or undefined when the record is not eligible at the stage. */
export async function stageRecordState(
  db: Db,
  chain: readonly StoredStage[],
  recordId: string,
): Promise<StageStateRow | undefined> {
  const { rows } = await sql<StageStateRow>`select * from (${outcomesSql(target(chain))}) s
    where s.record_id = ${recordId}::uuid`.execute(db);
  const row = rows[0];
  return row
    ? { ...row, needed: Number(row.needed), n: Number(row.n), verdicts: Number(row.verdicts) }
    : undefined;
}

export async function eligibleRecordIds(db: Db, chain: readonly StoredStage[]): Promise<string[]> {
  const { rows } = await sql<{ record_id: string }>`select s.record_id from (${outcomesSql(target(chain))}) s
    order by s.record_id`.execute(db);
  return rows.map((row) => row.record_id);
}

/** A screened record for the stopping evidence: when it was first decided and whether it is relevant. */
export interface ScreenedLabel {
  recordId: string;
  firstDecidedAt: Date;
  /** Final decision when there is one, else any current decision: include or maybe = relevant. */
  relevant: boolean;
}

/**
 * Eligible records with at least one current decision, in the order they were first decided.
 * `finalOnly`: only records with a final decision (what a blinded reviewer may know: a single
 * decision on a record that needs two must not show through counts).
 */
export async function screenedLabels(
  db: Db,
  chain: readonly StoredStage[],
  finalOnly = false,
): Promise<ScreenedLabel[]> {
  const stage = target(chain);
  const onlyFinal = finalOnly ? sql`where s.final is not null` : sql``;
  const { rows } = await sql<{ record_id: string; first_at: Date; relevant: boolean }>`select s.record_id,
      d.first_at,
      coalesce(s.final in ('include', 'maybe'), d.any_relevant) as relevant
    from (${outcomesSql(target(chain))}) s
    join (select record_id, min(at) as first_at, bool_or(decision in ('include', 'maybe')) as any_relevant
          from screening_decisions where stage_id = ${stage.id}::uuid and superseded_at is null
          group by record_id) d on d.record_id = s.record_id
    ${onlyFinal}
    order by d.first_at, s.record_id`.execute(db);
  return rows.map((row) => ({
    recordId: row.record_id,
    firstDecidedAt: new Date(row.first_at),
    relevant: row.relevant,
  }));
}

/**
 * Final exclusions per reason (PRISMA's "excluded, with reasons"): a resolved record counts
 * the resolution's reasons, any other the reasons its current decisions cite.
 */
export async function excludedByReason(db: Db, chain: readonly StoredStage[]): Promise<Map<string, number>> {
  const stage = target(chain);
  // Most title/abstract stages cite no reasons: skip the scan of the stage's records.
  const cited = await sql`select 1 from screening_decisions where stage_id = ${stage.id}::uuid
      and superseded_at is null and reason_ids <> '[]'::jsonb
    union all select 1 from screening_resolutions where stage_id = ${stage.id}::uuid
      and superseded_at is null and reason_ids <> '[]'::jsonb
    limit 1`.execute(db);
  if (cited.rows.length === 0) return new Map();
  const { rows } = await sql<{
    reason_id: string;
    n: string | number;
  }>`select x.reason_id, count(distinct s.record_id) as n
    from (${outcomesSql(target(chain))}) s
    cross join lateral (
      select jsonb_array_elements_text(res.reason_ids) as reason_id from screening_resolutions res
        where res.stage_id = ${stage.id}::uuid and res.record_id = s.record_id and res.superseded_at is null
      union
      select jsonb_array_elements_text(d.reason_ids) from screening_decisions d
        where d.stage_id = ${stage.id}::uuid and d.record_id = s.record_id and d.superseded_at is null
          and not s.resolved
    ) x
    where s.final = 'exclude'
    group by x.reason_id`.execute(db);
  return new Map(rows.map((row) => [row.reason_id, Number(row.n)]));
}

import type { FinalDecision, PrismaFlowInput, PrismaRecord } from '@weft/core';
import { type Kysely, sql, type Transaction } from 'kysely';
import { pendingDuplicatePairs } from '../identification/identification-counts.js';
import type { Database } from '../schema.js';
import { listStages } from '../screening/stages.js';
import {
  prismaRecordsStoppedAt,
  prismaSearches,
  prismaStoppedStages,
  reportRetrieved,
} from './prisma-facts.js';
import { gatherPrismaFlowInput } from './prisma-flow-input.js';
import { type PoolClass, pairPool } from './prisma-pool-pairing.js';
import { getPrismaSettings } from './prisma-settings.js';

type Db = Kysely<Database> | Transaction<Database>;

/** One row of the count query; `kind` says which of its parts (see `countRows`) and which columns are set. */
interface CountRow {
  kind: 'search' | 'own' | 'ta' | 'own-ta' | 'ft' | 'after';
  search_id: string | null;
  record_id: string | null;
  group_id: string | null;
  method: string | null;
  is_primary: boolean | null;
  at_ta: boolean | null;
  ta_final: FinalDecision;
  /** Whether anyone holds a current decision on the record at the first stage. */
  ta_has: boolean | null;
  ft_final: FinalDecision;
  retrieval: string | null;
  study: string | null;
  reason_ids: string | null;
  /** Of an own record: imported after title/abstract screening was stopped. */
  after_stop: boolean | null;
  /** Of an own record: removed before screening for another reason (record_removals). */
  removal: 'automation' | 'other' | null;
  n: number;
}

/** What the flow reads of a record's outcomes: the first stage's final decision and, at the last, its report. */
interface Outcome {
  ta: FinalDecision;
  taHas: boolean;
  ft?: CountRow;
  /** Undecided and imported after the stop (`PrismaRecord.importedAfterStop`). */
  after?: boolean;
}

/**
 * The same facts as `gatherPrismaFlowInput`, counted in the database, in one statement (one
 * snapshot). Reading 100,000 wide records and joining each to its outcomes cost most of the
 * diagram's time on the embedded store, so records are split in two:
 * - the pool: records of a database or register search in no duplicate group. Each is its own
 *   survivor in the main column, so the flow needs only how many there are per search (each
 *   import records how many it stored, in its transaction; records are never deleted: the
 *   identification screen counts them so too) and, separately, how their outcomes are
 *   distributed: the stages' outcomes minus everyone else's;
 * - the others (grouped, from another kind of source, or removed before screening), usually
 *   few, each read with its own outcomes.
 * Nothing in the flow crosses a search with a decision, so the pool's entries pair per-search
 * counts with outcome classes in any order that keeps both totals (`pairPool`). After a stop at
 * title/abstract, the pool's undecided records split by import time (ADR 0006). The ids of the
 * entries are not record ids: ask `gatherPrismaFlowInput` for the records behind a box.
 */
export async function gatherPrismaFlowCounts(db: Db, projectId: string): Promise<PrismaFlowInput> {
  const [searches, stages, settings, reasons, imports] = await Promise.all([
    db
      .selectFrom('searches')
      .select(['id', 'name', 'source_type'])
      .where('project_id', '=', projectId)
      .orderBy('created_at')
      .orderBy('id')
      .execute(),
    listStages(db, projectId),
    getPrismaSettings(db, projectId),
    db.selectFrom('exclusion_reasons').select(['id', 'label']).where('project_id', '=', projectId).execute(),
    db
      .selectFrom('imports as i')
      .innerJoin('searches as s', 's.id', 'i.search_id')
      .select(['i.id', 'i.imported_at', 'i.record_count', 's.source_type'])
      .where('i.project_id', '=', projectId)
      .execute(),
  ]);
  const isDbr = (type: string) => type === 'database' || type === 'register';
  const otherImports = imports.filter((i) => !isDbr(i.source_type));
  const hasEligibilityStage = stages.length >= 2;
  const taId = stages[0]?.id ?? null;
  const ftId = hasEligibilityStage ? (stages[stages.length - 1]?.id ?? null) : null;
  const stopped = await prismaStoppedStages(db, stages);
  const stoppedAt = await prismaRecordsStoppedAt(db, stages, stopped);
  // An import after the stop is a different import: its records all carry the later time, so the
  // pool splits by import, never record by record.
  const afterImports =
    stoppedAt === null
      ? []
      : imports.filter((i) => isDbr(i.source_type) && new Date(i.imported_at) > stoppedAt);
  const [{ rows }, pendingPairs] = await Promise.all([
    countRows(db, projectId, taId, ftId, otherImports, { at: stoppedAt, imports: afterImports }),
    pendingDuplicatePairs(db, projectId),
  ]);
  const of = (kind: CountRow['kind']) => rows.filter((r) => r.kind === kind);

  const dbr = new Set(
    searches.filter((s) => s.source_type === 'database' || s.source_type === 'register').map((s) => s.id),
  );
  const labels = new Map(reasons.map((r) => [r.id, r.label]));
  // PRISMA counts one reason per excluded report: the first of the chosen decision's that names a reason.
  const firstReason = (ids: string | null): string[] => {
    const label = ((ids === null ? [] : JSON.parse(ids)) as string[])
      .map((id) => labels.get(id))
      .find((l) => l !== undefined);
    return label === undefined ? [] : [label];
  };
  const screening = (
    outcome: Outcome,
    id: string,
  ): Pick<PrismaRecord, 'recordDecision' | 'recordHasDecisions' | 'report'> => {
    const { ft } = outcome;
    const decided = {
      ...(outcome.taHas ? { recordHasDecisions: true } : {}),
      ...(outcome.after ? { importedAfterStop: true } : {}),
    };
    if (!hasEligibilityStage || ft === undefined) return { recordDecision: outcome.ta, ...decided };
    return {
      recordDecision: outcome.ta,
      ...decided,
      report: {
        retrieved: reportRetrieved(ft.retrieval, ft.ft_final),
        decision: ft.ft_final,
        reasons: ft.ft_final === 'exclude' ? firstReason(ft.reason_ids) : [],
        studyId: ft.study ?? id,
      },
    };
  };

  const own = of('own');
  const ownTa = new Map(
    of('own-ta').map((r) => [r.record_id as string, { ta: r.ta_final, taHas: r.ta_has === true }]),
  );
  const ft = of('ft');
  const ownFt = new Map(ft.filter((r) => r.record_id !== null).map((r) => [r.record_id as string, r]));
  const groupsWithDbr = new Set(
    own.filter((r) => r.group_id !== null && dbr.has(r.search_id as string)).map((r) => r.group_id),
  );
  const records: PrismaRecord[] = [];
  for (const row of own) {
    const id = row.record_id as string;
    const removed = row.group_id !== null && !row.is_primary;
    const ftRow = ownFt.get(id);
    const outcomes = screening(
      { ...(ownTa.get(id) ?? { ta: null, taHas: false }), ...(ftRow ? { ft: ftRow } : {}) },
      id,
    );
    records.push({
      id,
      searchId: row.search_id as string,
      duplicateRemoval: removed ? (row.method === 'manual' ? 'manual' : 'automatic') : null,
      groupHasDatabaseOrRegister: dbr.has(row.search_id as string) || groupsWithDbr.has(row.group_id),
      ...(row.after_stop ? { importedAfterStop: true } : {}),
      ...(row.removal ? { otherRemoval: row.removal } : {}),
      // A duplicate removed before screening has no decision of its own, as in the record-by-record read.
      ...(removed
        ? { recordDecision: null, ...(outcomes.report ? { report: outcomes.report } : {}) }
        : outcomes),
    });
  }

  // The pool: per search, its records less those with their own entry; its outcomes, every
  // outcome less those of the records with their own entry.
  const pool = new Map(of('search').map((r) => [r.search_id as string, r.n]));
  for (const row of own) pool.set(row.search_id as string, (pool.get(row.search_id as string) ?? 0) - 1);
  const taOnly = new Map<string, { outcome: Outcome; n: number }>();
  const keyOf = (o: Outcome) => `${o.ta}/${o.taHas}`;
  for (const r of of('ta')) {
    const outcome = { ta: r.ta_final, taHas: r.ta_has === true };
    taOnly.set(keyOf(outcome), { outcome, n: r.n });
  }
  const less = (outcome: Outcome, n: number) => {
    const entry = taOnly.get(keyOf(outcome));
    if (entry) entry.n -= n;
    else taOnly.set(keyOf(outcome), { outcome, n: -n });
  };
  for (const row of ft) if (row.at_ta) less({ ta: row.ta_final, taHas: row.ta_has === true }, row.n);
  for (const [id, outcome] of ownTa) if (!ownFt.has(id)) less(outcome, 1);
  // The pool's undecided records (no outcome, or one nobody decided) split by the stop: those of
  // imports after it, less the ones someone decided on since, await screening.
  const undecidedKey = keyOf({ ta: null, taHas: false });
  const classes: Array<PoolClass<Outcome>> = [
    ...[...taOnly]
      .filter(([key]) => key !== undecidedKey)
      .map(([, { outcome, n }]) => ({ weight: n, value: outcome })),
    ...ft
      .filter((r) => r.record_id === null)
      .map((r) => ({
        weight: r.n,
        value: { ta: r.at_ta ? r.ta_final : null, taHas: r.ta_has === true, ft: r },
      })),
  ];
  const unscreened =
    [...pool.values()].reduce((a, b) => a + b, 0) - classes.reduce((a, c) => a + c.weight, 0);
  const ownAfterInDbr = own.filter((r) => r.after_stop && dbr.has(r.search_id as string)).length;
  const undecidedAfter =
    afterImports.reduce((a, i) => a + i.record_count, 0) -
    ownAfterInDbr -
    of('after').reduce((a, r) => a + r.n, 0);
  // The split rests on invariants (every record comes from an import that counted it; outcomes
  // exist only for screened records). Should one not hold, read record by record instead.
  const consistent =
    unscreened >= 0 &&
    undecidedAfter >= 0 &&
    undecidedAfter <= unscreened &&
    [...taOnly.values()].every(({ n }) => n >= 0) &&
    [...pool].every(([searchId, n]) => n >= 0 && (n === 0 || dbr.has(searchId)));
  if (!consistent) return gatherPrismaFlowInput(db, projectId);
  classes.push(
    { weight: unscreened - undecidedAfter, value: null },
    { weight: undecidedAfter, value: { ta: null, taHas: false, after: true } },
  );
  for (const [i, entry] of pairPool(pool, classes).entries()) {
    const id = `count-${i}`;
    records.push({
      id,
      searchId: entry.key,
      weight: entry.weight,
      duplicateRemoval: null,
      groupHasDatabaseOrRegister: true,
      ...screening(entry.value ?? { ta: null, taHas: false }, id),
    });
  }
  return {
    searches: prismaSearches(searches),
    records,
    hasEligibilityStage,
    previous: settings.previous,
    stopped,
    pendingDuplicatePairs: pendingPairs,
  };
}

/**
 * A null stage id matches nothing (no stages, or no eligibility stage). Final decisions come from
 * the materialised outcomes (ADR 0005). The exclusion reasons of a report are the current
 * resolution's when it excluded, else the earliest current exclusion's, as in
 * `gatherPrismaFlowInput`; they come back as the JSON array of reason ids (few distinct ones).
 * No part reads the records table beyond the few records with their own entry, joins every
 * record with its outcomes, or sorts 100,000 rows.
 */
function countRows(
  db: Db,
  projectId: string,
  taId: string | null,
  ftId: string | null,
  otherImports: ReadonlyArray<{ id: string; imported_at: Date }>,
  stop: { at: Date | null; imports: ReadonlyArray<{ id: string; imported_at: Date }> },
) {
  // An import's records carry its time, so the records index finds them. The times are passed
  // as values: compared with a column, the planner guessed each import held half the records.
  const ofImports = (list: ReadonlyArray<{ id: string; imported_at: Date }>) =>
    list.length === 0
      ? sql`false`
      : sql.join(
          list.map(
            (i) => sql`(r.created_at = ${i.imported_at}::timestamptz and r.import_id = ${i.id}::uuid)`,
          ),
          sql` or `,
        );
  const ofOtherImports = ofImports(otherImports);
  const afterStop = stop.at === null ? sql`false` : sql`r.created_at > ${stop.at}::timestamptz`;
  return sql<CountRow>`
    with
    -- Records that get their own entry: those in a duplicate group (the partial index finds
    -- them), those imported into searches other than databases and registers, and those removed
    -- before screening for another reason (usually few).
    own as (
      select r.id, r.search_id, r.group_id, ${afterStop} as after_stop from records r
      where r.project_id = ${projectId}::uuid and r.group_id is not null
      union
      select r.id, r.search_id, r.group_id, ${afterStop} from records r
      where r.project_id = ${projectId}::uuid and (${ofOtherImports})
      union
      select r.id, r.search_id, r.group_id, ${afterStop} from record_removals x
      join records r on r.id = x.record_id
      where x.project_id = ${projectId}::uuid
    ),
    ft_reasons as (
      select distinct on (record_id) record_id, reason_ids from (
        select record_id, reason_ids, 0 as rank, null::timestamptz as at, null::uuid as id
        from screening_resolutions
        where stage_id = ${ftId}::uuid and superseded_at is null and decision = 'exclude'
        union all
        select record_id, reason_ids, 1, at, id from screening_decisions
        where stage_id = ${ftId}::uuid and superseded_at is null and decision = 'exclude'
      ) x
      order by record_id, rank, at, id
    ),
    ft as (
      select f.record_id, t.record_id is not null as at_ta, t.final as ta_final,
        coalesce(t.n, 0) > 0 as ta_has, f.final as ft_final,
        rep.retrieval,
        case when f.final = 'include' then coalesce(rep.study_id, f.record_id)::text end as study,
        case when f.final = 'exclude' then fr.reason_ids::text end as reason_ids
      from stage_outcomes f
      left join stage_outcomes t on t.stage_id = ${taId}::uuid and t.record_id = f.record_id
      left join reports rep on rep.record_id = f.record_id
      left join ft_reasons fr on fr.record_id = f.record_id
      where f.stage_id = ${ftId}::uuid
    )
    select 'search' as kind, search_id, null::uuid as record_id, null::uuid as group_id, null as method,
      null::boolean as is_primary, null::boolean as at_ta, null as ta_final, null::boolean as ta_has,
      null as ft_final,
      null as retrieval, null as study, null as reason_ids, null::boolean as after_stop, null as removal,
      sum(record_count)::int as n
    from imports where project_id = ${projectId}::uuid group by search_id
    union all
    select 'own', o.search_id, o.id, g.id, g.method, g.primary_record_id = o.id,
      null, null, null, null, null, null, null, o.after_stop, x.kind, 1
    from own o left join duplicate_groups g on g.id = o.group_id and g.dissolved_at is null
    left join record_removals x on x.record_id = o.id
    union all
    select 'ta', null, null, null, null, null, null, final, n > 0, null, null, null, null, null, null, count(*)::int
    from stage_outcomes where stage_id = ${taId}::uuid group by final, n > 0
    union all
    select 'own-ta', null, t.record_id, null, null, null, null, t.final, t.n > 0, null, null, null, null, null, null, 1
    from stage_outcomes t join own o on o.id = t.record_id where t.stage_id = ${taId}::uuid
    union all
    select 'ft', null, o.id, null, null, null, ft.at_ta, ft.ta_final, ft.ta_has, ft.ft_final, ft.retrieval, ft.study,
      ft.reason_ids, null, null, count(*)::int
    from ft left join own o on o.id = ft.record_id
    group by o.id, ft.at_ta, ft.ta_final, ft.ta_has, ft.ft_final, ft.retrieval, ft.study, ft.reason_ids
    union all
    -- Pool records of imports after the stop that someone decided on since (usually none).
    select 'after', null, null, null, null, null, null, null, null, null, null, null, null, null, null,
      count(*)::int
    from records r join stage_outcomes t on t.record_id = r.id and t.stage_id = ${taId}::uuid
    where r.project_id = ${projectId}::uuid and r.group_id is null and (${ofImports(stop.imports)})
      and (t.final is not null or t.n > 0)`.execute(db);
}

import { type RawBuilder, sql } from 'kysely';
import { hashFractionSql } from './sample.js';
import type { StoredStage } from './stages.js';

/*
 * Every eligible record of a stage with where it stands, as one SQL subquery (columns below).
 * Eligibility chains through the stages: the first stage takes every record that remains after
 * deduplication (stands alone, or is its duplicate group's primary record, as the identification
 * counts and the "remaining" export do) and was not removed before screening; each later stage takes the records whose final decision
 * at the stage before is include or maybe (maybe passes on: the conservative choice).
 *
 * Final decision: with two or more different current verdicts the record is in conflict and its
 * final decision is the current resolution's (none until resolved); otherwise, once it has the
 * decisions it needs (1, or 2 in dual mode and for sampled records), the shared verdict.
 *
 * Columns: record_id, needed (1 or 2), in_sample (bool), n (current decisions), verdicts
 * (distinct verdicts among them), final ('include' | 'exclude' | 'maybe' | null),
 * conflict (unresolved), resolved (a current resolution applies).
 */
export interface StageStateRow {
  record_id: string;
  needed: number;
  in_sample: boolean;
  n: number;
  verdicts: number;
  final: 'include' | 'exclude' | 'maybe' | null;
  conflict: boolean;
  resolved: boolean;
}

/**
 * Records that can pass `stage` (a current include/maybe decision or resolution there): a
 * record's final decision can only be include or maybe if one of these exists, so a later
 * stage starts from this short list instead of every record of the project.
 */
function passingCandidatesSql(stage: StoredStage): RawBuilder<unknown> {
  return sql`select record_id from screening_decisions
      where stage_id = ${stage.id}::uuid and superseded_at is null and decision in ('include', 'maybe')
    union
    select record_id from screening_resolutions
      where stage_id = ${stage.id}::uuid and superseded_at is null and decision in ('include', 'maybe')`;
}

/**
 * Records the first stage screens: every record that remains after deduplication, less those
 * removed before screening for another reason (record_removals, migration 0015).
 */
export function firstStageEligibleSql(projectId: string, restrict: RawBuilder<unknown> = sql``) {
  return sql`select r.id as record_id
      from records r left join duplicate_groups g on g.id = r.group_id
      where r.project_id = ${projectId}::uuid and (r.group_id is null or g.primary_record_id = r.id)
        and not exists (select 1 from record_removals x where x.record_id = r.id)
      ${restrict}`;
}

function eligibleSql(
  chain: readonly StoredStage[],
  index: number,
  within?: RawBuilder<unknown>,
): RawBuilder<unknown> {
  const stage = chain[index] as StoredStage;
  const restrict = within ? sql`and r.id in (${within})` : sql``;
  if (index === 0) return firstStageEligibleSql(stage.projectId, restrict);
  const previous = chain[index - 1] as StoredStage;
  const candidates = within
    ? sql`select c.record_id from (${passingCandidatesSql(previous)}) c where c.record_id in (${within})`
    : passingCandidatesSql(previous);
  return sql`select prev.record_id from (${statesSql(chain, index - 1, candidates)}) prev
    where prev.final in ('include', 'maybe')`;
}

function inSampleSql(stage: StoredStage): RawBuilder<boolean> {
  if (stage.mode === 'dual') return sql<boolean>`true`;
  if (stage.mode !== 'sample' || stage.samplePercent === null) return sql<boolean>`false`;
  return sql<boolean>`coalesce(smp.in_sample, ${hashFractionSql(stage.sampleSeed, sql`e.record_id`)} < ${stage.samplePercent / 100})`;
}

/** The states subquery for `chain[index]` (chain: the stages up to and including it, in order). */
export function statesSql(
  chain: readonly StoredStage[],
  index = chain.length - 1,
  /** Only these record ids (a subquery), when the caller knows no others can qualify. */
  within?: RawBuilder<unknown>,
): RawBuilder<StageStateRow> {
  return stateColumnsSql(chain[index] as StoredStage, eligibleSql(chain, index, within), within);
}

/**
 * Where each record of `eligible` (a subquery of record ids) stands at `stage`: the columns
 * above, from the stage's current decisions, resolution and sample. The one definition of a
 * final decision, shared by the from-scratch derivation (statesSql) and the materialised
 * outcomes (stage-outcomes.ts), which differ only in where eligibility comes from.
 */
export function stateColumnsSql(
  stage: StoredStage,
  eligible: RawBuilder<unknown>,
  /** Only these record ids (a subquery): narrows the decisions read, not the answer. */
  within?: RawBuilder<unknown>,
): RawBuilder<StageStateRow> {
  const inSample = inSampleSql(stage);
  const needed = sql`case when ${inSample} then 2 else 1 end`;
  const onlyWithin = within ? sql`and record_id in (${within})` : sql``;
  return sql<StageStateRow>`select e.record_id,
      (${needed})::int as needed,
      (${inSample}) as in_sample,
      coalesce(d.n, 0)::int as n,
      coalesce(d.nd, 0)::int as verdicts,
      case when coalesce(d.nd, 0) > 1 then res.decision
           when coalesce(d.n, 0) >= ${needed} then d.d
           else null end as final,
      (coalesce(d.nd, 0) > 1 and res.decision is null) as conflict,
      (res.decision is not null) as resolved
    from (${eligible}) e
    left join (
      select record_id, count(*) as n, count(distinct decision) as nd, min(decision) as d
      from screening_decisions
      where stage_id = ${stage.id}::uuid and superseded_at is null ${onlyWithin}
      group by record_id
    ) d on d.record_id = e.record_id
    left join screening_resolutions res
      on res.stage_id = ${stage.id}::uuid and res.record_id = e.record_id and res.superseded_at is null
    left join screening_sample smp on smp.stage_id = ${stage.id}::uuid and smp.record_id = e.record_id`;
}

import { type Kysely, type RawBuilder, sql, type Transaction } from 'kysely';
import type { Database } from '../schema.js';
import { firstStageEligibleSql, type StageStateRow, stateColumnsSql } from './stage-states.js';
import { listStages, type StoredStage } from './stages.js';

type Db = Kysely<Database> | Transaction<Database>;

/*
 * The materialised stage outcomes (table stage_outcomes, ADR 0005): one row per eligible record
 * and stage with the columns of StageStateRow. It is a projection, never typed in: every command
 * that changes what statesSql reads (decisions, retractions, resolutions, a stage's creation,
 * mode or sample, records entering or leaving deduplication's survivors) rewrites the rows it
 * affects in its own transaction, through the functions below, so a read never sees the table
 * disagree with the facts. statesSql stays the reference the table is tested against.
 *
 * Rows are rewritten stage by stage in order: a later stage's eligibility is read from the
 * stage before's rows, which the same call has just rewritten.
 */

/** The stage's outcomes, as the same columns as statesSql (reads select from this). */
export function outcomesSql(stage: StoredStage): RawBuilder<StageStateRow> {
  return sql<StageStateRow>`select o.record_id, o.needed, o.in_sample, o.n, o.verdicts, o.final, o.conflict, o.resolved
    from stage_outcomes o where o.stage_id = ${stage.id}::uuid`;
}

/** A list of record ids as a subquery (one parameter, whatever the length). */
function idsSql(ids: readonly string[]): RawBuilder<unknown> {
  return sql`select value::uuid from jsonb_array_elements_text(${JSON.stringify(ids)}::jsonb)`;
}

/** The stage's states with eligibility taken from the previous stage's materialised rows. */
function derivedSql(
  stage: StoredStage,
  previous: StoredStage | undefined,
  within: RawBuilder<unknown> | undefined,
): RawBuilder<StageStateRow> {
  const eligible =
    previous === undefined
      ? firstStageEligibleSql(stage.projectId, within ? sql`and r.id in (${within})` : sql``)
      : sql`select o.record_id from stage_outcomes o
          where o.stage_id = ${previous.id}::uuid and o.final in ('include', 'maybe')
          ${within ? sql`and o.record_id in (${within})` : sql``}`;
  return stateColumnsSql(stage, eligible, within);
}

/**
 * Serialises the writers of a project's outcomes: a decision and a deduplication racing on
 * PostgreSQL must not each rewrite a record from a view the other is changing. Every command
 * takes this row lock anyway when it appends its event.
 */
async function lockProject(trx: Transaction<Database>, projectId: string): Promise<void> {
  await trx.selectFrom('projects').select('id').where('id', '=', projectId).forUpdate().execute();
}

export interface OutcomeScope {
  /** The first stage to rewrite (default: the first stage); every later stage follows. */
  fromStageId?: string;
  /** Only these records (default: every record). */
  recordIds?: readonly string[];
}

/**
 * Rewrites the outcomes of the records in scope at the stage and every later one, inside the
 * caller's transaction. Called by the writers after they changed the facts.
 */
export async function refreshStageOutcomes(
  trx: Transaction<Database>,
  projectId: string,
  scope: OutcomeScope = {},
): Promise<void> {
  if (scope.recordIds && scope.recordIds.length === 0) return;
  await lockProject(trx, projectId);
  const stages = await listStages(trx, projectId);
  const start = scope.fromStageId ? stages.findIndex((s) => s.id === scope.fromStageId) : 0;
  if (start < 0) throw new Error(`stage ${scope.fromStageId} is not a stage of project ${projectId}`);
  const within = scope.recordIds ? idsSql([...new Set(scope.recordIds)]) : undefined;
  // Rewriting many rows: give the planner statistics first and after each stage (PGlite never
  // analyses by itself; without them it may re-aggregate a stage's decisions once per record).
  const many = within === undefined || (scope.recordIds?.length ?? 0) > 1000;
  if (many) await analyze(trx, ['records', 'screening_decisions', 'screening_resolutions', 'stage_outcomes']);
  for (let i = start; i < stages.length; i++) {
    const stage = stages[i] as StoredStage;
    await sql`delete from stage_outcomes where stage_id = ${stage.id}::uuid
      ${within ? sql`and record_id in (${within})` : sql``}`.execute(trx);
    await sql`insert into stage_outcomes
        (stage_id, record_id, project_id, needed, in_sample, n, verdicts, final, conflict, resolved)
      select ${stage.id}::uuid, s.record_id, ${projectId}::uuid, s.needed, s.in_sample, s.n, s.verdicts,
        s.final, s.conflict, s.resolved
      from (${derivedSql(stage, stages[i - 1], within)}) s`.execute(trx);
    if (many) await analyze(trx, ['stage_outcomes']);
  }
}

/** ANALYZE may run inside a transaction (unlike VACUUM); it only refreshes planner statistics. */
async function analyze(trx: Transaction<Database>, tables: readonly string[]): Promise<void> {
  await sql`analyze ${sql.join(tables.map((t) => sql.table(t)))}`.execute(trx);
}

/** Rewrites every outcome of the project from the facts (the migration's backfill, a restore). */
export async function rebuildStageOutcomes(db: Db, projectId: string): Promise<void> {
  if (db.isTransaction) return refreshStageOutcomes(db as Transaction<Database>, projectId);
  await db.transaction().execute((trx) => refreshStageOutcomes(trx, projectId));
}

/**
 * After records were imported, merged, unmerged, removed before screening or restored: rewrites the records whose place among
 * deduplication's survivors (the first stage's eligible records) changed, at every stage.
 * Finds them by comparing the first stage's rows with the records, so a writer need not know.
 */
export async function syncScreeningEligibility(trx: Transaction<Database>, projectId: string): Promise<void> {
  const first = (await listStages(trx, projectId))[0];
  if (!first) return;
  await lockProject(trx, projectId);
  const { rows } = await sql<{ record_id: string }>`
    select e.record_id from (${firstStageEligibleSql(projectId)}) e
      where not exists (select 1 from stage_outcomes o where o.stage_id = ${first.id}::uuid and o.record_id = e.record_id)
    union all
    select o.record_id from stage_outcomes o
      join records r on r.id = o.record_id
      left join duplicate_groups g on g.id = r.group_id
      where o.stage_id = ${first.id}::uuid and (not (r.group_id is null or g.primary_record_id = r.id)
        or exists (select 1 from record_removals x where x.record_id = r.id))`.execute(trx);
  await refreshStageOutcomes(trx, projectId, { recordIds: rows.map((row) => row.record_id) });
}

/** Rewrites the outcomes of every project with stages (after a restore: backups leave them out). */
export async function rebuildAllStageOutcomes(db: Db): Promise<void> {
  const projects = await db.selectFrom('stages').select('project_id').distinct().execute();
  for (const { project_id } of projects) await rebuildStageOutcomes(db, project_id);
}

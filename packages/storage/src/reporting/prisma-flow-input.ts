import type { FinalDecision, PrismaFlowInput, PrismaRecord } from '@weft/core';
import { type Kysely, sql, type Transaction } from 'kysely';
import { pendingDuplicatePairs } from '../identification/identification-counts.js';
import type { Database } from '../schema.js';
import { outcomesSql } from '../screening/stage-outcomes.js';
import { listStages, type StoredStage } from '../screening/stages.js';
import {
  prismaRecordsStoppedAt,
  prismaSearches,
  prismaStoppedStages,
  reportRetrieved,
} from './prisma-facts.js';
import { getPrismaSettings } from './prisma-settings.js';

type Db = Kysely<Database> | Transaction<Database>;

/**
 * Everything the PRISMA 2020 flow is computed from, read from the project's stored facts: the
 * searches, every imported record with its duplicate group, the final decision at the first stage
 * (records) and at the last (reports, when there are two or more stages), retrieval and study
 * links, and removals before screening for other reasons. Nothing here is typed in by hand except the previous version's counts.
 */
export async function gatherPrismaFlowInput(db: Db, projectId: string): Promise<PrismaFlowInput> {
  const searches = await db
    .selectFrom('searches')
    .select(['id', 'name', 'source_type'])
    .where('project_id', '=', projectId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();

  const rows = await db
    .selectFrom('records as r')
    .leftJoin('duplicate_groups as g', (join) =>
      join.onRef('g.id', '=', 'r.group_id').on('g.dissolved_at', 'is', null),
    )
    .select(['r.id', 'r.search_id', 'r.created_at', 'g.primary_record_id', 'g.method', 'g.member_ids'])
    .where('r.project_id', '=', projectId)
    .execute();

  const stages = await listStages(db, projectId);
  const recordOutcomes = stages.length > 0 ? await outcomes(db, stages, 0) : new Map<string, Outcome>();
  const hasEligibilityStage = stages.length >= 2;
  const reportFinal = new Map(
    [...(hasEligibilityStage ? await outcomes(db, stages, stages.length - 1) : [])].map(([id, o]) => [
      id,
      o.final,
    ]),
  );
  const exclusionReasons = hasEligibilityStage
    ? await finalExclusionReasons(db, stages[stages.length - 1]?.id as string, projectId)
    : new Map<string, string[]>();
  const reports = new Map(
    (
      await db
        .selectFrom('reports')
        .select(['record_id', 'retrieval', 'study_id'])
        .where('project_id', '=', projectId)
        .execute()
    ).map((r) => [r.record_id, r]),
  );

  const removals = new Map(
    (
      await db
        .selectFrom('record_removals')
        .select(['record_id', 'kind'])
        .where('project_id', '=', projectId)
        .execute()
    ).map((r) => [r.record_id, r.kind]),
  );

  const stopped = await prismaStoppedStages(db, stages);
  const stoppedAt = await prismaRecordsStoppedAt(db, stages, stopped);

  const records: PrismaRecord[] = rows.map((row) => {
    const grouped = row.primary_record_id !== null;
    const removedAsDuplicate = grouped && row.primary_record_id !== row.id;
    const record: PrismaRecord = {
      id: row.id,
      searchId: row.search_id,
      duplicateRemoval: removedAsDuplicate ? (row.method === 'manual' ? 'manual' : 'automatic') : null,
      groupRecordIds: grouped ? (row.member_ids as string[]) : undefined,
      recordDecision: removedAsDuplicate ? null : (recordOutcomes.get(row.id)?.final ?? null),
    };
    const otherRemoval = removals.get(row.id);
    if (otherRemoval) record.otherRemoval = otherRemoval;
    if (!removedAsDuplicate && (recordOutcomes.get(row.id)?.n ?? 0) > 0) record.recordHasDecisions = true;
    if (stoppedAt !== null && new Date(row.created_at as unknown as string | Date) > stoppedAt)
      record.importedAfterStop = true;
    // A record that reached the last stage is a report sought for retrieval.
    if (hasEligibilityStage && reportFinal.has(row.id)) {
      const stored = reports.get(row.id);
      const decision = reportFinal.get(row.id) ?? null;
      record.report = {
        // A full-text decision means the report was read, so it was retrieved.
        retrieved: reportRetrieved(stored?.retrieval, decision),
        decision,
        reasons: exclusionReasons.get(row.id) ?? [],
        studyId: stored?.study_id ?? row.id,
      };
    }
    return record;
  });

  const [settings, pendingPairs] = await Promise.all([
    getPrismaSettings(db, projectId),
    pendingDuplicatePairs(db, projectId),
  ]);
  return {
    searches: prismaSearches(searches),
    records,
    hasEligibilityStage,
    previous: settings.previous,
    stopped,
    pendingDuplicatePairs: pendingPairs,
  };
}

/** A record's final decision at a stage and how many current decisions it has there. */
interface Outcome {
  final: FinalDecision;
  n: number;
}

/** The outcome per eligible record of `stages[index]` (a record absent from the map is not eligible there). */
async function outcomes(
  db: Db,
  stages: Awaited<ReturnType<typeof listStages>>,
  index: number,
): Promise<Map<string, Outcome>> {
  const { rows } = await sql<{
    record_id: string;
    final: FinalDecision;
    n: number;
  }>`select record_id, final, n from (${outcomesSql(stages[index] as StoredStage)}) s`.execute(db);
  return new Map(rows.map((r) => [r.record_id, { final: r.final, n: Number(r.n) }]));
}

/**
 * Labels of the reasons behind each final exclusion at a stage: the resolution's when a conflict
 * was resolved, else those of the earliest current decision (agreeing reviewers may cite
 * different reasons; PRISMA counts one reason per report).
 */
async function finalExclusionReasons(
  db: Db,
  stageId: string,
  projectId: string,
): Promise<Map<string, string[]>> {
  const labels = new Map(
    (
      await db
        .selectFrom('exclusion_reasons')
        .select(['id', 'label'])
        .where('project_id', '=', projectId)
        .execute()
    ).map((r) => [r.id, r.label]),
  );
  const resolutions = await db
    .selectFrom('screening_resolutions')
    .select(['record_id', 'reason_ids'])
    .where('stage_id', '=', stageId)
    .where('superseded_at', 'is', null)
    .where('decision', '=', 'exclude')
    .execute();
  const decisions = await db
    .selectFrom('screening_decisions')
    .select(['record_id', 'reason_ids'])
    .where('stage_id', '=', stageId)
    .where('superseded_at', 'is', null)
    .where('decision', '=', 'exclude')
    .orderBy('at')
    .orderBy('id')
    .execute();
  const byRecord = new Map<string, string[]>();
  for (const d of decisions)
    if (!byRecord.has(d.record_id)) byRecord.set(d.record_id, d.reason_ids as string[]);
  for (const r of resolutions) byRecord.set(r.record_id, r.reason_ids as string[]);
  const named = new Map<string, string[]>();
  for (const [recordId, ids] of byRecord)
    named.set(
      recordId,
      ids.map((id) => labels.get(id)).filter((l): l is string => l !== undefined),
    );
  return named;
}

import {
  computePrismaFlow,
  type MethodsQueue,
  type MethodsRecordInput,
  type MethodsStage,
  type MethodsStop,
} from '@weft/core';
import type { StoppingEvidenceView } from '@weft/protocol';
import {
  currentDecisions,
  type Database,
  gatherPrismaFlowCounts,
  identificationCounts,
  latestModelRun,
  listCriteria,
  listReasons,
  listSearches,
  listStages,
  listStops,
  removalReasonCounts,
  type StoredDecision,
  type StoredStage,
  stageCounts,
} from '@weft/storage';
import type { Kysely } from 'kysely';
import { stageAgreement } from '../screening/stage-agreement.js';

/** Everything the methods record says, read from the project's stored facts. */
export async function gatherMethodsRecord(
  db: Kysely<Database>,
  project: { id: string; name: string },
  softwareVersion: string,
  now: Date,
): Promise<MethodsRecordInput> {
  const [searches, counts, stages, flowInput, removals] = await Promise.all([
    listSearches(db, project.id),
    identificationCounts(db, project.id),
    listStages(db, project.id),
    gatherPrismaFlowCounts(db, project.id),
    removalReasonCounts(db, project.id),
  ]);
  const methodsStages: MethodsStage[] = [];
  for (let i = 0; i < stages.length; i++) methodsStages.push(await stageFacts(db, stages.slice(0, i + 1)));
  return {
    projectName: project.name,
    softwareVersion,
    generatedAt: now.toISOString(),
    searches: searches.map((s) => ({
      name: s.name,
      sourceType: s.sourceType,
      platform: s.platform,
      dateRun: s.dateRun,
      query: s.query,
      reportedCount: s.reportedCount,
      imported: s.recordCount,
    })),
    deduplication: {
      identified: counts.identified,
      automatic: counts.duplicatesRemovedAutomatically,
      manual: counts.duplicatesRemovedManually,
      pendingPairs: counts.pendingDuplicatePairs,
      remaining: counts.remaining,
    },
    stages: methodsStages,
    // Counted as the diagram counts (loadPrismaReport), so the record says what the diagram draws.
    flow: computePrismaFlow(flowInput),
    removals,
  };
}

async function stageFacts(db: Kysely<Database>, chain: StoredStage[]): Promise<MethodsStage> {
  const stage = chain[chain.length - 1] as StoredStage;
  const [counts, decisions, reasons, criteria, stops, model, resolutions, firstRun, currentResolutions] =
    await Promise.all([
      stageCounts(db, chain),
      currentDecisions(db, stage.id),
      listReasons(db, [stage.id]),
      listCriteria(db, [stage.id]),
      listStops(db, stage.id),
      latestModelRun(db, stage.id),
      db
        .selectFrom('screening_resolutions')
        .select(['method'])
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('stage_id', '=', stage.id)
        .where('superseded_at', 'is', null)
        .groupBy('method')
        .execute(),
      db
        .selectFrom('model_runs')
        .select('trained_at')
        .where('stage_id', '=', stage.id)
        .orderBy('version')
        .limit(1)
        .executeTakeFirst(),
      db
        .selectFrom('screening_resolutions')
        .select(['record_id', 'reason_ids'])
        .where('stage_id', '=', stage.id)
        .where('superseded_at', 'is', null)
        .execute(),
    ]);
  // Records citing each reason, in a current decision or resolution; only reasons in use are told.
  const citing = new Map<string, Set<string>>();
  const cite = (recordId: string, reasonIds: readonly string[]) => {
    for (const id of reasonIds) citing.set(id, (citing.get(id) ?? new Set()).add(recordId));
  };
  for (const d of decisions) cite(d.recordId, d.reasonIds);
  for (const r of currentResolutions) cite(r.record_id, r.reason_ids as string[]);
  const resolved = (method: string) => Number(resolutions.find((r) => r.method === method)?.n ?? 0);
  return {
    name: stage.name,
    mode: stage.mode,
    samplePercent: stage.samplePercent,
    sampleSeed: stage.sampleSeed,
    status: stage.status,
    eligible: counts.eligible,
    decided: counts.decided,
    reviewers: new Set(decisions.map((d) => d.reviewerId)).size,
    importedDecisions: decisions.filter((d) => d.source === 'import').length,
    criteria: criteria.map((c) => ({ group: c.group, kind: c.kind, text: c.text })),
    reasonsUsed: reasons
      .filter((r) => citing.has(r.id))
      .map((r) => ({ label: r.label, records: citing.get(r.id)?.size ?? 0 })),
    agreement: stageAgreement(stage.id, decisions, reasons).overall,
    conflicts: {
      consensus: resolved('consensus'),
      thirdReviewer: resolved('third-reviewer'),
      unresolved: counts.conflicts,
    },
    stops: stops.map((stop): MethodsStop => {
      const evidence = stop.evidence as Partial<StoppingEvidenceView>;
      return {
        at: stop.at.toISOString(),
        by: stop.stoppedByName,
        note: stop.note,
        screened: evidence.screened ?? 0,
        includes: evidence.includes ?? 0,
        sinceLastInclude: evidence.sinceLastInclude ?? 0,
        pValue: evidence.stoppingTest?.pValue ?? null,
        targetRecall: evidence.stoppingTest?.targetRecall ?? null,
      };
    }),
    model:
      model && model.state === 'ready'
        ? { version: model.version, settings: model.settings as Record<string, unknown> }
        : null,
    queue: queuePeriods(decisions, firstRun?.trained_at ?? null, stage.stoppingSampleStartedAt),
  };
}

/**
 * The queue's order at any moment follows from the stage's facts (nextRecords): seeded random
 * until a ranking is stored (a model run stores one with its `model.trained` event), the ranking
 * from then on, seeded random again once a stopping sample started. Decisions imported from
 * another tool never went through the queue.
 */
function queuePeriods(
  decisions: readonly StoredDecision[],
  rankedFrom: Date | null,
  stoppingSampleFrom: Date | null,
): MethodsQueue {
  const queue: MethodsQueue = {
    rankedFrom: rankedFrom?.toISOString() ?? null,
    beforeRanking: 0,
    ranked: 0,
    stoppingSampleFrom: stoppingSampleFrom?.toISOString() ?? null,
    inStoppingSample: 0,
  };
  for (const d of decisions) {
    if (d.source === 'import') continue;
    if (stoppingSampleFrom !== null && d.at >= stoppingSampleFrom) queue.inStoppingSample++;
    else if (rankedFrom !== null && d.at >= rankedFrom) queue.ranked++;
    else queue.beforeRanking++;
  }
  return queue;
}

import { randomSampleStoppingTest } from '@weft/core';
import type { ModelStatusView, StoppingEvidenceView } from '@weft/protocol';
import { type Database, latestModelRun, type StoredStage, screenedLabels, stageCounts } from '@weft/storage';
import type { Kysely, Transaction } from 'kysely';

type Db = Kysely<Database> | Transaction<Database>;

const TARGET_RECALL = 0.95;

const MODEL_STATES = new Set(['waiting-for-labels', 'training', 'ready', 'failed']);

/** The prioritisation model's status for the stage, as the worker last recorded it. */
export async function modelStatus(db: Db, stageId: string): Promise<ModelStatusView> {
  const run = await latestModelRun(db, stageId);
  if (!run)
    return {
      state: 'waiting-for-labels',
      version: 0,
      trainedAt: null,
      includes: 0,
      excludes: 0,
      settings: null,
      message: null,
    };
  return {
    state: (MODEL_STATES.has(run.state) ? run.state : 'failed') as ModelStatusView['state'],
    version: run.version,
    trainedAt: run.trained_at ? run.trained_at.toISOString() : null,
    includes: run.includes,
    excludes: run.excludes,
    settings: (run.settings ?? null) as Record<string, unknown> | null,
    message: run.message,
  };
}

/**
 * The model's status for a reviewer of a blinded stage. The model trains on single decisions of
 * records that need two, so its label counts would move when another reviewer decides: they are
 * replaced by the counts of final decisions, which that reviewer may see.
 */
export function blindModelStatus(
  model: ModelStatusView,
  counts: { included: number; excluded: number; maybe: number },
): ModelStatusView {
  return { ...model, includes: counts.included + counts.maybe, excludes: counts.excluded };
}

const finite = (x: number): number | null => (Number.isFinite(x) ? x : null);

/**
 * What the lead sees before deciding to stop (`blinded`: as a reviewer of a blinded stage may
 * see it, from final decisions only). A record counts as screened once anyone decided
 * it, and as relevant when its final decision (or, before there is one, any current decision)
 * is include or maybe — maybe counts, so the test errs towards screening on. The stopping test
 * (Callaghan & Müller-Hansen 2020, target recall 95 %) is computed on the records first decided
 * since the stopping sample started: the queue serves those in seeded random order, so they are
 * a random sample of the records remaining then.
 */
export async function stoppingEvidence(
  db: Db,
  chain: readonly StoredStage[],
  blinded = false,
): Promise<StoppingEvidenceView> {
  const stage = chain[chain.length - 1] as StoredStage;
  const [labels, counts, run] = await Promise.all([
    screenedLabels(db, chain, blinded),
    stageCounts(db, chain),
    modelStatus(db, stage.id),
  ]);
  const model = blinded ? blindModelStatus(run, counts) : run;
  let includes = 0;
  let sinceLastInclude = 0;
  for (const label of labels) {
    if (label.relevant) {
      includes++;
      sinceLastInclude = 0;
    } else sinceLastInclude++;
  }
  let stoppingTest: StoppingEvidenceView['stoppingTest'] = null;
  let estimatedRemainingRelevant: number | null = null;
  const started = stage.stoppingSampleStartedAt;
  if (started) {
    const before = labels.filter((l) => l.firstDecidedAt < started);
    const sample = labels.filter((l) => l.firstDecidedAt >= started);
    const relevantBefore = before.filter((l) => l.relevant).length;
    const relevantInSample = sample.filter((l) => l.relevant).length;
    const total = Math.max(counts.eligible, labels.length);
    const result = randomSampleStoppingTest({
      totalRecords: total,
      screenedBeforeSample: before.length,
      relevantBeforeSample: relevantBefore,
      sampleSize: sample.length,
      relevantInSample,
      targetRecall: TARGET_RECALL,
    });
    stoppingTest = {
      targetRecall: TARGET_RECALL,
      sampleSize: sample.length,
      includesInSample: relevantInSample,
      pValue: result.pValue,
      canStop: result.stop,
    };
    estimatedRemainingRelevant = sample.length > 0 ? finite(result.estimatedRelevantRemaining) : null;
  }
  return {
    screened: labels.length,
    includes,
    sinceLastInclude,
    estimatedRemainingRelevant,
    stoppingTest,
    model,
  };
}

import { createVectorizer, type LinearModel, type ModelSettings, trainClassifier } from '@weft/core';
import {
  type FrequencyOrderedMatrix,
  orderColumnsByFrequency,
  scoreOrdered,
} from './frequency-ordered-matrix.js';

/** One retrain request for a stage: labels as row indexes into the corpus the key names. */
export interface TrainRequest {
  stageId: string;
  /** Identifies the corpus (the stage's eligible records, in order); a new key means new texts. */
  corpusKey: string;
  /** Sent only when the model does not hold this corpus yet. */
  texts?: readonly string[];
  labelledRows: Int32Array;
  /** 1 = relevant (include or maybe), 0 = irrelevant (exclude), per labelledRows entry. */
  labels: Uint8Array;
  settings: ModelSettings;
  seed: number;
}

export interface TrainTimings {
  vectoriseMs: number;
  trainMs: number;
  rankMs: number;
}

export type TrainOutcome =
  | { kind: 'need-corpus' }
  | { kind: 'trained'; scores: Float64Array; epochs: number; warmStart: boolean; timings: TrainTimings };

interface CachedStage {
  corpusKey: string;
  ordered: FrequencyOrderedMatrix;
  featuresKey: string;
  model?: LinearModel;
  /** Labels the cached model was trained on, row → 0/1. */
  trainedLabels?: Map<number, number>;
}

/**
 * The worker's state: per stage, the TF-IDF matrix of its records (rebuilt only when the
 * records change, the slow part on a large project) and the last model (a warm start when the
 * new labels only add to the old ones, as in a simulation). Training and scoring are core's,
 * exactly what `weft simulate` runs.
 */
export class StageModels {
  private readonly stages = new Map<string, CachedStage>();

  train(request: TrainRequest): TrainOutcome {
    const featuresKey = JSON.stringify(request.settings.features);
    let cached = this.stages.get(request.stageId);
    let vectoriseMs = 0;
    if (!cached || cached.corpusKey !== request.corpusKey || cached.featuresKey !== featuresKey) {
      if (!request.texts) return { kind: 'need-corpus' };
      const start = performance.now();
      const ordered = orderColumnsByFrequency(createVectorizer(request.texts, request.settings.features));
      vectoriseMs = performance.now() - start;
      cached = { corpusKey: request.corpusKey, ordered, featuresKey };
      this.stages.set(request.stageId, cached);
    }
    const rows = Array.from(request.labelledRows);
    const labels = Array.from(request.labels, (l) => l === 1);
    const warm = this.canWarmStart(cached, rows, request.labels) ? cached.model : undefined;
    const trainStart = performance.now();
    const { matrix } = cached.ordered;
    const model = trainClassifier(matrix, rows, labels, request.settings.classifier, warm, request.seed);
    const rankStart = performance.now();
    const labelled = new Uint8Array(matrix.rowCount);
    for (const row of rows) labelled[row] = 1;
    const scores = scoreOrdered(cached.ordered, model, labelled);
    const end = performance.now();
    cached.model = model;
    cached.trainedLabels = new Map(rows.map((row, k) => [row, request.labels[k] as number]));
    return {
      kind: 'trained',
      scores,
      epochs: model.epochs,
      warmStart: warm !== undefined,
      timings: { vectoriseMs, trainMs: rankStart - trainStart, rankMs: end - rankStart },
    };
  }

  forget(stageId: string): void {
    this.stages.delete(stageId);
  }

  /** core's warm start is valid only from a training on a subset of these rows with the same labels. */
  private canWarmStart(cached: CachedStage, rows: readonly number[], labels: Uint8Array): boolean {
    if (!cached.model || !cached.trainedLabels) return false;
    const now = new Map(rows.map((row, k) => [row, labels[k] as number]));
    for (const [row, label] of cached.trainedLabels) if (now.get(row) !== label) return false;
    return true;
  }
}

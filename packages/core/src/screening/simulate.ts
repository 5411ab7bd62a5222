import { createVectorizer } from './create-vectorizer.js';
import { defaultModelSettings, type ModelSettings } from './model-settings.js';
import { rankUnlabelled } from './rank-unlabelled.js';
import { computeScreeningMetrics, type ScreeningMetrics } from './screening-metrics.js';
import { createSeededRandom, sampleWithoutReplacement } from './seeded-random.js';
import type { SparseMatrix } from './sparse-matrix.js';
import { type LinearModel, trainClassifier } from './train-classifier.js';

export interface SimulationInput {
  /** Title + abstract of each record. */
  readonly texts: readonly string[];
  /** The true label of each record (true = relevant). */
  readonly labels: readonly boolean[];
  readonly seed: number;
  /** Prior knowledge: this many relevant and irrelevant records, drawn with the seeded PRNG. */
  readonly priorIncluded?: number;
  readonly priorExcluded?: number;
  readonly settings?: ModelSettings;
  /** A matrix already built from `texts` with `settings.features` (saves vectorising per seed). */
  readonly matrix?: SparseMatrix;
}

export interface SimulationResult {
  readonly type: 'simulation-result';
  readonly settings: ModelSettings;
  readonly seed: number;
  /** Row indices of the prior records. */
  readonly priors: readonly number[];
  /** Row indices in screening order, priors excluded, up to the last relevant record. */
  readonly order: readonly number[];
  readonly labelsInOrder: readonly boolean[];
  readonly metrics: ScreeningMetrics;
  /** How many times the classifier was trained. */
  readonly trainings: number;
}

/**
 * Replay a review: start from the priors, screen the top-ranked record, learn its true label,
 * retrain (every label early, then in batches growing with the labelled set, see
 * ModelSettings.retrain), until every relevant record is found. Pure and deterministic given
 * texts, labels, seed and settings.
 */
export function simulateScreening(input: SimulationInput): SimulationResult {
  const settings = input.settings ?? defaultModelSettings;
  const { labels, seed } = input;
  const matrix = input.matrix ?? createVectorizer(input.texts, settings.features);
  if (matrix.rowCount !== labels.length) throw new RangeError('texts and labels differ in length');
  const random = createSeededRandom(seed);
  const relevantRows: number[] = [];
  const irrelevantRows: number[] = [];
  labels.forEach((l, r) => {
    (l ? relevantRows : irrelevantRows).push(r);
  });
  const priors = [
    ...sampleWithoutReplacement(relevantRows, input.priorIncluded ?? 1, random),
    ...sampleWithoutReplacement(irrelevantRows, input.priorExcluded ?? 1, random),
  ];

  const labelled = new Uint8Array(labels.length);
  const labelledRows: number[] = [];
  const labelledValues: boolean[] = [];
  const mark = (row: number) => {
    labelled[row] = 1;
    labelledRows.push(row);
    labelledValues.push(labels[row] as boolean);
  };
  for (const row of priors) mark(row);

  let remaining = relevantRows.length - (input.priorIncluded ?? 1);
  const order: number[] = [];
  let model: LinearModel | undefined;
  let queue: number[] = [];
  let position = 0;
  let sinceTraining = 0;
  let step = 0;
  let trainings = 0;
  while (remaining > 0 && labelledRows.length < labels.length) {
    if (sinceTraining >= step || position >= queue.length) {
      model = trainClassifier(
        matrix,
        labelledRows,
        labelledValues,
        settings.classifier,
        model,
        seed + trainings,
      );
      trainings++;
      const n = labelledRows.length;
      step =
        n < settings.retrain.everyLabelUntil ? 1 : Math.max(1, Math.ceil(settings.retrain.batchFraction * n));
      queue = rankUnlabelled(matrix, model, labelled, step);
      position = 0;
      sinceTraining = 0;
    }
    const row = queue[position++] as number;
    mark(row);
    order.push(row);
    sinceTraining++;
    if (labels[row]) remaining--;
  }

  const labelsInOrder = order.map((r) => labels[r] as boolean);
  const metrics = computeScreeningMetrics({
    labelsInOrder,
    totalRecords: labels.length - priors.length,
    totalRelevant: relevantRows.length - (input.priorIncluded ?? 1),
  });
  return { type: 'simulation-result', settings, seed, priors, order, labelsInOrder, metrics, trainings };
}

import {
  defaultModelSettings,
  type ModelSettings,
  recallCurve,
  simulateScreening,
  WeftError,
} from '@weft/core';

export interface SimulationOptions {
  readonly texts: readonly string[];
  readonly labels: readonly boolean[];
  /** Seeds 0 .. seeds − 1, as scripts/bench/screening-sim.mjs uses, so the figures agree. */
  readonly seeds: number;
  readonly priorIncluded: number;
  readonly priorExcluded: number;
  readonly settings?: ModelSettings;
  /** Called after each seed with the number of seeds done. */
  readonly onSeed?: (done: number, total: number) => void;
  readonly now?: () => number;
}

export interface SeedOutcome {
  readonly seed: number;
  readonly wss95: number | null;
  readonly wss100: number | null;
  readonly rrf10: number;
  readonly atd: number | null;
  /** Wall time of the whole simulation of this seed, vectorising included. */
  readonly seconds: number;
  /** Records screened (priors excluded) until the last relevant one was found. */
  readonly screened: number;
  readonly recordsPerSecond: number;
  readonly trainings: number;
  /** Row indices (0-based, in file order) of the prior records. */
  readonly priors: readonly number[];
  /** recall[k] after k records screened, k = 0 .. screened. */
  readonly recall: readonly number[];
}

export interface SimulationSummary {
  readonly records: number;
  readonly relevant: number;
  /** Records and relevant records left once the priors are taken out: what the metrics count. */
  readonly pool: number;
  readonly poolRelevant: number;
  readonly settings: ModelSettings;
  readonly wss95: number | null;
  readonly wss100: number | null;
  readonly rrf10: number;
  readonly atd: number | null;
  readonly seconds: number;
  readonly recordsPerSecond: number;
  readonly perSeed: readonly SeedOutcome[];
}

function mean(values: readonly number[]): number {
  return values.reduce((sum, v) => sum + v, 0) / values.length;
}

/** Mean of a metric over seeds; null if any seed lacks it (it never reached that recall). */
function meanOrNull(values: readonly (number | null)[]): number | null {
  return values.some((v) => v === null) ? null : mean(values as number[]);
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** The refusals a user can act on, checked before any work. */
export function checkSimulationInput(
  labels: readonly boolean[],
  priorIncluded: number,
  priorExcluded: number,
  fileName: string,
): void {
  const relevant = labels.filter(Boolean).length;
  const irrelevant = labels.length - relevant;
  if (relevant === 0) throw new WeftError('bad-input', `${fileName} has no relevant records (label 1).`);
  if (irrelevant === 0) throw new WeftError('bad-input', `${fileName} has no irrelevant records (label 0).`);
  if (relevant <= priorIncluded) {
    throw new WeftError(
      'bad-input',
      `${fileName} has ${plural(relevant, 'relevant record')}: --prior-included ${priorIncluded} leaves none to find.`,
    );
  }
  if (irrelevant < priorExcluded) {
    throw new WeftError(
      'bad-input',
      `${fileName} has ${plural(irrelevant, 'irrelevant record')}, fewer than --prior-excluded ${priorExcluded}.`,
    );
  }
}

/**
 * Replays the review once per seed with the app's model (core's simulateScreening), one record
 * at a time until every relevant record is found. Each seed starts from the texts, as a real
 * simulation would, so `seconds` is comparable with the bench and the scikit-learn baseline.
 */
export function runSimulation(options: SimulationOptions): SimulationSummary {
  const settings = options.settings ?? defaultModelSettings;
  const now = options.now ?? (() => performance.now());
  const { texts, labels, priorIncluded, priorExcluded } = options;
  const relevant = labels.filter(Boolean).length;
  const pool = labels.length - priorIncluded - priorExcluded;
  const poolRelevant = relevant - priorIncluded;
  const perSeed: SeedOutcome[] = [];
  for (let seed = 0; seed < options.seeds; seed++) {
    const started = now();
    const result = simulateScreening({ texts, labels, seed, priorIncluded, priorExcluded, settings });
    const seconds = (now() - started) / 1000;
    const screened = result.order.length;
    perSeed.push({
      seed,
      ...result.metrics,
      seconds,
      screened,
      recordsPerSecond: seconds > 0 ? screened / seconds : Number.POSITIVE_INFINITY,
      trainings: result.trainings,
      priors: result.priors,
      recall: recallCurve({
        labelsInOrder: result.labelsInOrder,
        totalRecords: pool,
        totalRelevant: poolRelevant,
      }),
    });
    options.onSeed?.(seed + 1, options.seeds);
  }
  const seconds = mean(perSeed.map((s) => s.seconds));
  const screened = perSeed.reduce((sum, s) => sum + s.screened, 0);
  const totalSeconds = perSeed.reduce((sum, s) => sum + s.seconds, 0);
  return {
    records: labels.length,
    relevant,
    pool,
    poolRelevant,
    settings,
    wss95: meanOrNull(perSeed.map((s) => s.wss95)),
    wss100: meanOrNull(perSeed.map((s) => s.wss100)),
    rrf10: mean(perSeed.map((s) => s.rrf10)),
    atd: meanOrNull(perSeed.map((s) => s.atd)),
    seconds,
    recordsPerSecond: totalSeconds > 0 ? screened / totalSeconds : Number.POSITIVE_INFINITY,
    perSeed,
  };
}

/**
 * Recall after k of the pool's records were screened, k = 0 .. pool, averaged over seeds. A
 * seed's curve stops at its last relevant record; past it, its recall stays 1.
 */
export function meanRecallCurve(curves: readonly (readonly number[])[], pool: number): Float64Array {
  const out = new Float64Array(pool + 1);
  for (const curve of curves) {
    const last = curve.length - 1;
    for (let k = 0; k <= pool; k++) out[k] = (out[k] as number) + (curve[Math.min(k, last)] as number);
  }
  for (let k = 0; k <= pool; k++) out[k] = (out[k] as number) / curves.length;
  return out;
}

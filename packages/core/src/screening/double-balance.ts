import type { RandomSource } from './seeded-random.js';

/**
 * ASReview's "double" balance strategy (asreview v1, `asreview.models.balance.double`):
 * dynamic resampling that keeps the training set at the labelled-set size but gives the rare
 * relevant records a share that starts high and falls slowly as more of them are found.
 *
 *   one weight  w1 = a × (n1 / n0)^(−alpha)
 *   zero weight w0 = 1 − (1 − b) × (1 + ln(n1 + n0))^(−beta)
 *   relevant rows in the training set  = randomRound(w1 n1 (n1 + n0) / (w1 n1 + w0 n0)),
 *     clamped to [1, n1 + n0 − 2]; irrelevant rows = the rest.
 *
 * ASReview's defaults: a = 2.155, alpha = 0.94, b = 0.789, beta = 1.0.
 */
export interface DoubleBalanceSettings {
  readonly kind: 'double';
  readonly a: number;
  readonly alpha: number;
  readonly b: number;
  readonly beta: number;
}

export const asreviewDoubleBalance: DoubleBalanceSettings = {
  kind: 'double',
  a: 2.155,
  alpha: 0.94,
  b: 0.789,
  beta: 1.0,
};

/** How many relevant (`ones`) and irrelevant (`zeros`) rows the resampled training set has. */
export interface DoubleBalanceSizes {
  readonly ones: number;
  readonly zeros: number;
}

/**
 * The expected (real-valued) number of relevant rows before random rounding, for n1 relevant
 * and n0 irrelevant labelled rows (both at least 1).
 */
export function doubleBalanceExpectedOnes(n1: number, n0: number, settings: DoubleBalanceSettings): number {
  const oneWeight = settings.a * (n1 / n0) ** -settings.alpha;
  const zeroWeight = 1 - (1 - settings.b) * (1 + Math.log(n1 + n0)) ** -settings.beta;
  return (oneWeight * n1 * (n1 + n0)) / (oneWeight * n1 + zeroWeight * n0);
}

/**
 * Sample sizes of the resampled training set. Rounds the expected count up with probability
 * equal to its fractional part (one draw from `random`), as ASReview's `random_round`.
 */
export function doubleBalanceSizes(
  n1: number,
  n0: number,
  settings: DoubleBalanceSettings,
  random: RandomSource,
): DoubleBalanceSizes {
  if (n1 < 1 || n0 < 1) throw new RangeError('double balance needs at least one record of each class');
  const expected = doubleBalanceExpectedOnes(n1, n0, settings);
  let ones = Math.floor(expected);
  if (random() < expected - ones) ones++;
  const n = n1 + n0;
  ones = Math.max(1, Math.min(n - 2, ones));
  return { ones, zeros: n - ones };
}

/**
 * How many times each of `count` source rows enters a training set of `size` rows: every row
 * floor(size / count) times, plus once more for size mod count rows drawn without replacement
 * (ASReview's `fill_training`). Returns one multiplicity per source row.
 */
export function fillTraining(count: number, size: number, random: RandomSource): Uint32Array {
  const copies = Math.floor(size / count);
  const extra = size - copies * count;
  const times = new Uint32Array(count).fill(copies);
  if (extra === 0) return times;
  // Partial Fisher–Yates: the first `extra` positions of a shuffled index list.
  const pool = Int32Array.from({ length: count }, (_, i) => i);
  for (let i = 0; i < extra; i++) {
    const j = i + Math.floor(random() * (count - i));
    const tmp = pool[i] as number;
    pool[i] = pool[j] as number;
    pool[j] = tmp;
    const chosen = pool[i] as number;
    times[chosen] = (times[chosen] as number) + 1;
  }
  return times;
}

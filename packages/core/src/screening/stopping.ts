import { hypergeometricCdf } from './hypergeometric.js';

/**
 * Statistical stopping criterion of Callaghan & Müller-Hansen (2020, "Statistical stopping
 * criteria for automated screening in systematic reviews", Systematic Reviews 9:273; the
 * `buscar` package). After the prioritised phase, reviewers screen a random sample of the
 * remaining records. H0: "recall is below the target τ". Under H0 the records remaining when
 * sampling started hold at least
 *
 *   K_tar = ⌊ρ_seen / τ − ρ_AL + 1⌋
 *
 * relevant records (ρ_AL found before sampling, ρ_seen found in total), and the number found
 * in a sample of n is hypergeometric; the p-value is P(X ≤ k) at K = K_tar (the CDF falls as
 * K grows, so the smallest K under H0 is the least favourable). Stop when p < α.
 */
export interface RandomSampleStoppingInput {
  /** All records in the pool (N). */
  readonly totalRecords: number;
  /** Records screened before the random sample started (prioritised phase, priors included). */
  readonly screenedBeforeSample: number;
  /** Relevant records among those (ρ_AL). */
  readonly relevantBeforeSample: number;
  /** Records drawn at random from the rest and screened (n). */
  readonly sampleSize: number;
  /** Relevant records among them (k). */
  readonly relevantInSample: number;
  /** τ, default 0.95. */
  readonly targetRecall?: number;
  /** Significance level α, default 0.05; also sets the upper bound's confidence 1 − α. */
  readonly alpha?: number;
}

export interface StoppingTestResult {
  readonly pValue: number;
  /** pValue < alpha: recall ≥ target can be claimed, screening may stop. */
  readonly stop: boolean;
  /** Relevant records the unscreened part must have held under H0 (K_tar). */
  readonly relevantUnderNull: number;
  /** Point estimate of relevant records still unscreened: k/n × (records left after the sample). */
  readonly estimatedRelevantRemaining: number;
  /**
   * One-sided (1 − α) upper bound on relevant records still unscreened: the largest K with
   * P(X ≤ k | K) ≥ α, minus the k already found.
   */
  readonly upperBoundRelevantRemaining: number;
}

export function randomSampleStoppingTest(input: RandomSampleStoppingInput): StoppingTestResult {
  const tau = input.targetRecall ?? 0.95;
  const alpha = input.alpha ?? 0.05;
  const population = input.totalRecords - input.screenedBeforeSample;
  const n = input.sampleSize;
  const k = input.relevantInSample;
  if (!(tau > 0 && tau <= 1)) throw new RangeError('targetRecall must be in (0, 1]');
  if (n < 0 || n > population) throw new RangeError(`sample of ${n} from ${population} remaining records`);
  if (k < 0 || k > n) throw new RangeError(`${k} relevant in a sample of ${n}`);
  const { pValue, relevantUnderNull } = nullPValue(population, input.relevantBeforeSample, n, k, tau);
  const estimatedRelevantRemaining = n > 0 ? (k / n) * (population - n) : Number.NaN;
  let upper = k;
  while (upper < population - (n - k) && hypergeometricCdf(k, population, upper + 1, n) >= alpha) upper++;
  return {
    pValue,
    stop: pValue < alpha,
    relevantUnderNull,
    estimatedRelevantRemaining,
    upperBoundRelevantRemaining: upper - k,
  };
}

function nullPValue(
  population: number,
  relevantBeforeSample: number,
  n: number,
  k: number,
  tau: number,
): { pValue: number; relevantUnderNull: number } {
  // The 1e-9 absorbs float error in ρ/τ (95 / 0.95 must be exactly 100).
  const relevantUnderNull = Math.max(
    k,
    Math.floor((relevantBeforeSample + k) / tau + 1e-9) - relevantBeforeSample + 1,
  );
  // More relevant records than the unsampled rest can hold: H0 is impossible.
  const pValue =
    relevantUnderNull > population - (n - k) ? 0 : hypergeometricCdf(k, population, relevantUnderNull, n);
  return { pValue, relevantUnderNull };
}

/**
 * buscar's variant for an order that was prioritised throughout (no separate random sample):
 * each tail of the screening order — the last n records screened — is treated as if it were a
 * random sample of what remained when it started, and the smallest p-value is reported
 * (Callaghan & Müller-Hansen 2020, "ranked quasi-sampling"). Prioritisation puts relevant
 * records early, so a tail holds no more relevant records than a random sample would: the test
 * errs on the side of continuing. `labelsInOrder` covers every screened record, priors included.
 */
export function rankedStoppingTest(
  labelsInOrder: readonly boolean[],
  totalRecords: number,
  targetRecall = 0.95,
  alpha = 0.05,
): { readonly pValue: number; readonly stop: boolean; readonly tailSize: number } {
  const screened = labelsInOrder.length;
  let relevantSeen = 0;
  for (const l of labelsInOrder) if (l) relevantSeen++;
  let best = 1;
  let bestTail = 0;
  let inTail = 0;
  for (let n = 1; n <= screened; n++) {
    if (labelsInOrder[screened - n]) inTail++;
    const { pValue } = nullPValue(
      totalRecords - (screened - n),
      relevantSeen - inTail,
      n,
      inTail,
      targetRecall,
    );
    if (pValue < best) {
      best = pValue;
      bestTail = n;
    }
  }
  return { pValue: best, stop: best < alpha, tailSize: bestTail };
}

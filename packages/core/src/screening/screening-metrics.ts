/**
 * Screening performance metrics as defined for Weft's benchmarks (shared/data/README.md), after
 * Cohen et al. 2006 (WSS, JAMIA 13:206) and Ferdinands et al. 2023 (RRF, ATD; Systematic
 * Reviews 12:100).
 *
 * Input: the labels of the records in the order they were screened, prior (training seed)
 * records excluded. The order may stop early (a simulation stops at the last relevant
 * record), so the size of the whole pool and the number of relevant records in it are passed
 * separately when they differ from the order.
 */
export interface ScreeningOutcome {
  /** true = relevant, in screening order, priors excluded. */
  readonly labelsInOrder: readonly boolean[];
  /** Records in the pool (priors excluded); defaults to labelsInOrder.length. */
  readonly totalRecords?: number;
  /** Relevant records in the pool (priors excluded); defaults to the count in labelsInOrder. */
  readonly totalRelevant?: number;
}

export interface ScreeningMetrics {
  /** WSS at 95 % recall, a fraction (0.777 = 77.7 %). null when the order never reaches it. */
  readonly wss95: number | null;
  readonly wss100: number | null;
  /** Recall after 10 % of the records were screened. */
  readonly rrf10: number;
  /** Average time to discovery, a fraction of all records. null if some relevant record was never found. */
  readonly atd: number | null;
}

function totals(outcome: ScreeningOutcome): { n: number; relevant: number } {
  const n = outcome.totalRecords ?? outcome.labelsInOrder.length;
  let found = 0;
  for (const l of outcome.labelsInOrder) if (l) found++;
  return { n, relevant: outcome.totalRelevant ?? found };
}

/** recall[k] = recall after k records screened, k = 0 .. labelsInOrder.length. */
export function recallCurve(outcome: ScreeningOutcome): number[] {
  const { relevant } = totals(outcome);
  const curve = [0];
  let found = 0;
  for (const l of outcome.labelsInOrder) {
    if (l) found++;
    curve.push(relevant === 0 ? 1 : found / relevant);
  }
  return curve;
}

/**
 * Work saved over sampling at recall r (Cohen et al. 2006): (TN + FN)/N − (1 − r) at the first
 * point where recall ≥ r. With k records screened, TN + FN are the N − k not yet screened.
 */
export function workSavedOverSampling(outcome: ScreeningOutcome, r: number): number | null {
  const { n, relevant } = totals(outcome);
  if (n === 0) return null;
  // Recall is a ratio of integers: compare counts, with slack for r × relevant rounding.
  const needed = r * relevant - 1e-9;
  let found = 0;
  if (found >= needed) return 1 - (1 - r);
  for (let k = 0; k < outcome.labelsInOrder.length; k++) {
    if (outcome.labelsInOrder[k]) found++;
    if (found >= needed) return (n - (k + 1)) / n - (1 - r);
  }
  return null;
}

/**
 * Relevant records found after screening `fraction` of the records (0.1 for RRF@10): recall at
 * the first k with k / N ≥ fraction, i.e. k = ⌈fraction × N⌉ (as asreview-insights does).
 */
export function relevantRecordsFound(outcome: ScreeningOutcome, fraction: number): number {
  const { n } = totals(outcome);
  const k = Math.min(Math.ceil(fraction * n - 1e-9), outcome.labelsInOrder.length);
  return recallCurve(outcome)[k] as number;
}

/**
 * Average time to discovery: the mean over relevant records of the fraction of all records
 * screened before it was found (its 0-based position / N).
 */
export function averageTimeToDiscovery(outcome: ScreeningOutcome): number | null {
  const { n, relevant } = totals(outcome);
  if (relevant === 0 || n === 0) return null;
  let sum = 0;
  let found = 0;
  outcome.labelsInOrder.forEach((l, k) => {
    if (l) {
      sum += k / n;
      found++;
    }
  });
  return found < relevant ? null : sum / relevant;
}

export function computeScreeningMetrics(outcome: ScreeningOutcome): ScreeningMetrics {
  return {
    wss95: workSavedOverSampling(outcome, 0.95),
    wss100: workSavedOverSampling(outcome, 1),
    rrf10: relevantRecordsFound(outcome, 0.1),
    atd: averageTimeToDiscovery(outcome),
  };
}

import { type ContingencyTable, proportions } from './contingency-table.js';
import { waldInterval } from './normal-quantile.js';
import { percentAgreement } from './percent-agreement.js';

export interface GwetAc1 {
  readonly ac1: number;
  readonly observed: number;
  /** Chance agreement p_e = Σ_k π_k (1 − π_k) / (q − 1), π_k the mean of both raters' marginals. */
  readonly expected: number;
  /** Gwet 2008 variance of AC1 (two raters, not conditional on independence of raters). */
  readonly variance: number;
  readonly standardError: number;
  readonly ci95: readonly [number, number];
}

/**
 * Gwet's first-order agreement coefficient AC1 (Gwet 2008, Br J Math Stat Psychol 61:29,
 * eq. 14 for two raters). Unlike κ it stays close to p_o when one category dominates (the
 * "kappa paradox"), which is the normal case in title/abstract screening.
 *
 * `samplingFraction` f = n / N is the finite-population correction of Gwet's variance (0 when
 * the units are a sample from a large population, the usual case).
 */
export function gwetAc1(table: ContingencyTable, samplingFraction = 0): GwetAc1 {
  const { p, rows, cols } = proportions(table);
  const q = table.categories.length;
  const pa = percentAgreement(table);
  const pi = rows.map((r, k) => (r + (cols[k] as number)) / 2);
  let pe = 0;
  for (const x of pi) pe += x * (1 - x);
  pe /= q - 1;
  const ac1 = (pa - pe) / (1 - pe);

  // Gwet 2008, variance of AC1 for two raters:
  // v = (1 − f)/(n (1 − p_e)²) · { p_a(1 − p_a)
  //       − 4(1 − AC1) [ Σ_k p_kk (1 − π_k)/(q − 1) − p_a p_e ]
  //       + 4(1 − AC1)² [ Σ_k Σ_l p_kl (1 − (π_k + π_l)/2)² / (q − 1)² − p_e² ] }
  let s1 = 0;
  let s2 = 0;
  for (let k = 0; k < q; k++) {
    s1 += ((p[k] as number[])[k] as number) * (1 - (pi[k] as number));
    for (let l = 0; l < q; l++) {
      s2 += ((p[k] as number[])[l] as number) * (1 - ((pi[k] as number) + (pi[l] as number)) / 2) ** 2;
    }
  }
  s1 /= q - 1;
  s2 /= (q - 1) ** 2;
  const braces = pa * (1 - pa) - 4 * (1 - ac1) * (s1 - pa * pe) + 4 * (1 - ac1) ** 2 * (s2 - pe * pe);
  const variance = Math.max(0, ((1 - samplingFraction) / (table.n * (1 - pe) ** 2)) * braces);
  const standardError = Math.sqrt(variance);
  return { ac1, observed: pa, expected: pe, variance, standardError, ci95: waldInterval(ac1, standardError) };
}

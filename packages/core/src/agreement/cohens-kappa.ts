import { type ContingencyTable, proportions } from './contingency-table.js';
import { waldInterval } from './normal-quantile.js';
import { percentAgreement } from './percent-agreement.js';

export interface CohensKappa {
  readonly kappa: number;
  /** Observed agreement p_o. */
  readonly observed: number;
  /** Chance agreement p_e = Σ p_i. p_.i (Cohen 1960). */
  readonly expected: number;
  /**
   * Large-sample standard error when κ ≠ 0: Fleiss, Cohen & Everitt (1969, Psychological
   * Bulletin 72:323), eq. 13 — the "ASE" SAS PROC FREQ prints. Used for the interval.
   */
  readonly standardError: number;
  /** Standard error under H0: κ = 0 (Fleiss, Cohen & Everitt 1969, eq. 14), for the z test. */
  readonly standardErrorNull: number;
  /** κ ± 1.96 × standardError. */
  readonly ci95: readonly [number, number];
  readonly n: number;
}

/** Cohen's (1960) unweighted κ for two raters on nominal categories. */
export function cohensKappa(table: ContingencyTable): CohensKappa {
  const { p, rows, cols } = proportions(table);
  const k = table.categories.length;
  const po = percentAgreement(table);
  let pe = 0;
  for (let i = 0; i < k; i++) pe += (rows[i] as number) * (cols[i] as number);
  const kappa = (po - pe) / (1 - pe);

  // FCE 1969 eq. 13: var = [A + B − C] / (n (1 − p_e)^4) with
  //   A = Σ_i p_ii [(1 − p_e) − (p_i. + p_.i)(1 − p_o)]²
  //   B = (1 − p_o)² Σ_{i≠j} p_ij (p_.i + p_j.)²
  //   C = (p_o p_e − 2 p_e + p_o)²
  let a = 0;
  let b = 0;
  for (let i = 0; i < k; i++) {
    for (let j = 0; j < k; j++) {
      const pij = (p[i] as number[])[j] as number;
      if (i === j) a += pij * (1 - pe - ((rows[i] as number) + (cols[i] as number)) * (1 - po)) ** 2;
      else b += pij * ((cols[i] as number) + (rows[j] as number)) ** 2;
    }
  }
  b *= (1 - po) ** 2;
  const c = (po * pe - 2 * pe + po) ** 2;
  const standardError = Math.sqrt(Math.max(0, a + b - c)) / ((1 - pe) ** 2 * Math.sqrt(table.n));

  // FCE 1969 eq. 14: var0 = [p_e + p_e² − Σ_i p_i. p_.i (p_i. + p_.i)] / (n (1 − p_e)²)
  let s = 0;
  for (let i = 0; i < k; i++)
    s += (rows[i] as number) * (cols[i] as number) * ((rows[i] as number) + (cols[i] as number));
  const standardErrorNull = Math.sqrt(Math.max(0, pe + pe * pe - s)) / ((1 - pe) * Math.sqrt(table.n));

  return {
    kappa,
    observed: po,
    expected: pe,
    standardError,
    standardErrorNull,
    ci95: waldInterval(kappa, standardError),
    n: table.n,
  };
}

import { describe, expect, it } from 'vitest';
import { cohensKappa } from './cohens-kappa.js';
import { contingencyTable, crossTabulate } from './contingency-table.js';
import { pabak } from './pabak.js';
import { percentAgreement } from './percent-agreement.js';

describe('cohensKappa', () => {
  it('reproduces Fleiss, Levin & Paik (2003, Statistical Methods for Rates and Proportions, 3rd ed., §18.1, Table 18.1): κ = 0.676', () => {
    // 100 subjects diagnosed psychotic / neurotic / organic by two raters (cell proportions
    // ×100). Published: p_o = .89, p_e = .66, κ = .676.
    const table = contingencyTable(
      [
        [75, 1, 4],
        [5, 4, 1],
        [0, 0, 10],
      ],
      ['psychotic', 'neurotic', 'organic'],
    );
    const result = cohensKappa(table);
    expect(result.observed).toBeCloseTo(0.89, 10);
    expect(result.expected).toBeCloseTo(0.66, 10);
    expect(result.kappa).toBeCloseTo(0.676, 3);
    // Standard error derived by hand from Fleiss, Cohen & Everitt 1969 eq. 13 (not a value
    // quoted from the book): marginals A = (.80, .10, .10), B = (.80, .05, .15);
    //   Σ_i p_ii[(1 − .66) − (p_i. + p_.i)(1 − .89)]² = .75(.34 − 1.6·.11)² + .04(.34 − .15·.11)²
    //                                                 + .10(.34 − .25·.11)² = .034124
    //   (1 − .89)² Σ_{i≠j} p_ij (p_.i + p_j.)² = .0121 · .076850 = .000930
    //   (p_o p_e − 2 p_e + p_o)² = (.5874 − 1.32 + .89)² = .024775
    //   se = √(.034124 + .000930 − .024775) / ((1 − .66)² √100) = 0.0877
    expect(result.standardError).toBeCloseTo(0.0877, 4);
    // Null standard error, FCE 1969 eq. 14, by hand:
    //   √(.66 + .4356 − [.8·.8·1.6 + .1·.05·.15 + .1·.15·.25]) / (.34 · 10) = √.0671 / 3.4 = 0.0762
    expect(result.standardErrorNull).toBeCloseTo(0.0762, 4);
  });

  it('matches the SAS PROC FREQ printout for the 3 × 3 table [[0,4,1],[0,8,0],[0,1,5]] (κ 0.4842, ASE 0.1380, CI 0.2137–0.7547, ASE under H0 0.1484)', () => {
    // SAS computes the ASE with Fleiss, Cohen & Everitt 1969 — the same formula as here. The
    // printout is reproduced in statsmodels' stats/tests/test_inter_rater.py (UnweightedCohens).
    const result = cohensKappa(
      contingencyTable([
        [0, 4, 1],
        [0, 8, 0],
        [0, 1, 5],
      ]),
    );
    expect(result.kappa).toBeCloseTo(0.4842, 4);
    expect(result.standardError).toBeCloseTo(0.138, 4);
    expect(result.ci95[0]).toBeCloseTo(0.2137, 4);
    expect(result.ci95[1]).toBeCloseTo(0.7547, 4);
    expect(result.standardErrorNull).toBeCloseTo(0.1484, 4);
  });

  it('gives κ = 0.4 for the 2 × 2 table 20 / 5 / 10 / 15 (p_o = .7, p_e = .5)', () => {
    // By hand: p_o = (20 + 15)/50 = .7; rater A says yes 25/50 = .5, rater B 30/50 = .6;
    // p_e = .5·.6 + .5·.4 = .5; κ = (.7 − .5)/(1 − .5) = .4.
    const pairs: [string, string][] = [
      ...Array.from({ length: 20 }, (): [string, string] => ['yes', 'yes']),
      ...Array.from({ length: 5 }, (): [string, string] => ['yes', 'no']),
      ...Array.from({ length: 10 }, (): [string, string] => ['no', 'yes']),
      ...Array.from({ length: 15 }, (): [string, string] => ['no', 'no']),
    ];
    const table = crossTabulate(pairs, ['yes', 'no']);
    expect(table.counts).toEqual([
      [20, 5],
      [10, 15],
    ]);
    expect(percentAgreement(table)).toBeCloseTo(0.7, 12);
    expect(cohensKappa(table).kappa).toBeCloseTo(0.4, 12);
    // PABAK (Byrt, Bishop & Carlin 1993) = 2 p_o − 1 = 0.4 here too.
    expect(pabak(table)).toBeCloseTo(0.4, 12);
  });

  it('shows the kappa paradox PABAK corrects: high agreement, one dominant category', () => {
    // Byrt, Bishop & Carlin 1993's point: 90 of 100 agree but κ is near zero when nearly all
    // are "exclude". By hand: p_o = .90, p_e = .95·.95 + .05·.05 = .905, κ = −.0526;
    // PABAK = 2·.90 − 1 = .80.
    const table = contingencyTable([
      [90, 5],
      [5, 0],
    ]);
    expect(cohensKappa(table).kappa).toBeCloseTo(-0.05263, 4);
    expect(pabak(table)).toBeCloseTo(0.8, 12);
  });
});

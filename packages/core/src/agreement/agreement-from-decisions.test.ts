import { describe, expect, it } from 'vitest';
import { agreementFromDecisions, type DecisionPair } from './agreement-from-decisions.js';

describe('agreementFromDecisions', () => {
  it('summarises a dual-screened sample (the 20 / 5 / 10 / 15 table, values derived by hand)', () => {
    const make = (count: number, first: string, second: string, offset: number): DecisionPair[] =>
      Array.from({ length: count }, (_, i) => ({ recordId: `r${offset + i}`, first, second }));
    const pairs = [
      ...make(20, 'include', 'include', 0),
      ...make(5, 'include', 'exclude', 20),
      ...make(10, 'exclude', 'include', 25),
      ...make(15, 'exclude', 'exclude', 35),
    ];
    const summary = agreementFromDecisions(pairs, ['include', 'exclude', 'maybe']);
    expect(summary.n).toBe(50);
    expect(summary.percentAgreement).toBeCloseTo(0.7, 12);
    expect(summary.cohensKappa.kappa).toBeCloseTo(0.4, 12);
    // Three categories offered: PABAK = (3·.7 − 1)/2 = .55.
    expect(summary.pabak).toBeCloseTo(0.55, 12);
    // Nominal α by hand: 100 values, coincidences o(in,in) = 40, o(ex,ex) = 30, o(in,ex) = 15
    // each way; n_in = 55, n_ex = 45; α = 1 − 99·30 / (2·55·45) = 1 − 2970/4950 = .4.
    expect(summary.krippendorffAlpha).toBeCloseTo(0.4, 12);
  });
});

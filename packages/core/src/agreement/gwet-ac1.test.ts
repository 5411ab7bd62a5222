import { describe, expect, it } from 'vitest';
import { contingencyTable } from './contingency-table.js';
import { gwetAc1 } from './gwet-ac1.js';

describe('gwetAc1', () => {
  it('computes AC1 and its Gwet 2008 variance on the 20 / 5 / 10 / 15 table (derived by hand)', () => {
    // No published AC1 value is quoted here: this is derived by hand from Gwet 2008 eq. 14
    // and the two-rater variance formula.
    //   p_a = 35/50 = .70; π_yes = (25/50 + 30/50)/2 = .55, π_no = .45
    //   p_e = [.55·.45 + .45·.55]/(2 − 1) = .495
    //   AC1 = (.70 − .495)/(1 − .495) = .405941
    //   Σ_k p_kk (1 − π_k) = .40·.45 + .30·.55 = .345
    //   Σ_k Σ_l p_kl (1 − (π_k + π_l)/2)² = .40·.45² + .10·.5² + .20·.5² + .30·.55² = .24675
    //   braces = .7·.3 − 4(.594059)(.345 − .3465) + 4(.594059)²(.24675 − .245025) = .215999
    //   var = .215999/(50 · .505²) = .0169395, se = .130152
    const result = gwetAc1(
      contingencyTable([
        [20, 5],
        [10, 15],
      ]),
    );
    expect(result.observed).toBeCloseTo(0.7, 12);
    expect(result.expected).toBeCloseTo(0.495, 12);
    expect(result.ac1).toBeCloseTo(0.405941, 6);
    expect(result.variance).toBeCloseTo(0.0169395, 7);
    expect(result.standardError).toBeCloseTo(0.130152, 6);
  });

  it('stays near the observed agreement when one category dominates (Gwet 2008, §2)', () => {
    // 90 agree "exclude", 5 + 5 disagree: κ ≈ −.05 but AC1, by hand:
    //   π_ex = .95, π_in = .05, p_e = 2(.95·.05) = .095, AC1 = (.90 − .095)/.905 = .889503
    const result = gwetAc1(
      contingencyTable([
        [90, 5],
        [5, 0],
      ]),
    );
    expect(result.ac1).toBeCloseTo(0.889503, 6);
  });

  it('scales the variance by the finite-population correction 1 − f', () => {
    const table = contingencyTable([
      [20, 5],
      [10, 15],
    ]);
    expect(gwetAc1(table, 0.5).variance).toBeCloseTo(gwetAc1(table).variance / 2, 12);
  });
});

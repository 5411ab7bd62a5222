import { describe, expect, it } from 'vitest';
import { countRatings, fleissKappa } from './fleiss-kappa.js';

describe('fleissKappa', () => {
  it('reproduces Fleiss 1971 (Psychological Bulletin 76:378): 30 patients, 6 psychiatrists, 5 diagnoses, κ = 0.430', () => {
    // The rater-level data as distributed in R's irr package (`diagnoses`), categories
    // 1 depression, 2 personality disorder, 3 schizophrenia, 4 neurosis, 5 other; Fleiss
    // reports κ = .430 (irr: 0.4302445).
    const diagnoses = [
      [4, 4, 4, 4, 4, 4],
      [2, 2, 2, 5, 5, 5],
      [2, 3, 3, 3, 3, 5],
      [5, 5, 5, 5, 5, 5],
      [2, 2, 2, 4, 4, 4],
      [1, 1, 3, 3, 3, 3],
      [3, 3, 3, 3, 5, 5],
      [1, 1, 3, 3, 3, 4],
      [1, 1, 4, 4, 4, 4],
      [5, 5, 5, 5, 5, 5],
      [1, 4, 4, 4, 4, 4],
      [1, 2, 4, 4, 4, 4],
      [2, 2, 2, 3, 3, 3],
      [1, 4, 4, 4, 4, 4],
      [2, 2, 4, 4, 4, 5],
      [3, 3, 3, 3, 3, 5],
      [1, 1, 1, 4, 5, 5],
      [1, 1, 1, 1, 1, 2],
      [2, 2, 4, 4, 4, 4],
      [1, 3, 3, 5, 5, 5],
      [5, 5, 5, 5, 5, 5],
      [2, 4, 4, 4, 4, 4],
      [2, 2, 4, 5, 5, 5],
      [1, 1, 4, 4, 4, 4],
      [1, 4, 4, 4, 4, 5],
      [2, 2, 2, 2, 2, 4],
      [1, 1, 1, 1, 5, 5],
      [2, 2, 4, 4, 4, 4],
      [1, 3, 3, 3, 3, 3],
      [5, 5, 5, 5, 5, 5],
    ];
    const { counts } = countRatings(diagnoses, [1, 2, 3, 4, 5]);
    expect(counts.reduce((a, row) => a.map((x, j) => x + (row[j] as number)), [0, 0, 0, 0, 0])).toEqual([
      26, 26, 30, 55, 43,
    ]);
    expect(fleissKappa(counts).kappa).toBeCloseTo(0.4302445, 7);
  });

  it('reproduces the Wikipedia "Fleiss\' kappa" worked example: 10 subjects, 14 raters, P̄ = 0.378, P̄e = 0.213, κ = 0.210', () => {
    const counts = [
      [0, 0, 0, 0, 14],
      [0, 2, 6, 4, 2],
      [0, 0, 3, 5, 6],
      [0, 3, 9, 2, 0],
      [2, 2, 8, 1, 1],
      [7, 7, 0, 0, 0],
      [3, 2, 6, 3, 0],
      [2, 5, 3, 2, 2],
      [6, 5, 2, 1, 0],
      [0, 2, 2, 3, 7],
    ];
    const result = fleissKappa(counts);
    expect(result.observed).toBeCloseTo(0.378, 3);
    expect(result.expected).toBeCloseTo(0.213, 3);
    expect(result.kappa).toBeCloseTo(0.21, 3);
  });

  it('rejects subjects with different numbers of ratings', () => {
    expect(() =>
      fleissKappa([
        [1, 1],
        [2, 1],
      ]),
    ).toThrow(RangeError);
  });
});

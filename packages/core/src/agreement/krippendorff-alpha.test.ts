import { describe, expect, it } from 'vitest';
import { krippendorffAlpha } from './krippendorff-alpha.js';

// Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", section C: reliability
// data of 4 coders (A–D) × 12 units, values 1–5, with missing values (null). Published:
// nominal α = .743, ordinal α = .815, interval α = .849, ratio α = .797.
const data = [
  [1, 2, 3, 3, 2, 1, 4, 1, 2, null, null, null],
  [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, null, 3],
  [null, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, null],
  [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, null],
];

describe('krippendorffAlpha', () => {
  it('reproduces Krippendorff 2011: nominal α = 0.743', () => {
    const result = krippendorffAlpha(data, 'nominal');
    // Unit 12 has a single value and is not pairable: n = 40 pairable values.
    expect(result.pairableValues).toBeCloseTo(40, 12);
    expect(result.alpha).toBeCloseTo(0.743, 3);
  });

  it('reproduces Krippendorff 2011: ordinal α = 0.815', () => {
    expect(krippendorffAlpha(data, 'ordinal').alpha).toBeCloseTo(0.815, 3);
  });

  it('reproduces Krippendorff 2011: interval α = 0.849', () => {
    expect(krippendorffAlpha(data, 'interval').alpha).toBeCloseTo(0.849, 3);
  });

  it('reproduces Krippendorff 2011: ratio α = 0.797', () => {
    expect(krippendorffAlpha(data, 'ratio').alpha).toBeCloseTo(0.797, 3);
  });

  it('accepts string categories at the nominal level and is 1 for perfect agreement', () => {
    const result = krippendorffAlpha([
      ['include', 'exclude', 'exclude', null],
      ['include', 'exclude', 'exclude', 'include'],
    ]);
    expect(result.alpha).toBe(1);
  });

  it('refuses strings at the interval level', () => {
    expect(() => krippendorffAlpha([['a'], ['b']], 'interval')).toThrow(RangeError);
  });
});

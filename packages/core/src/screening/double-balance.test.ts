import { describe, expect, it } from 'vitest';
import {
  asreviewDoubleBalance,
  doubleBalanceExpectedOnes,
  doubleBalanceSizes,
  fillTraining,
} from './double-balance.js';
import { createSeededRandom } from './seeded-random.js';

describe('double balance', () => {
  it('gives the sample sizes of its formula', () => {
    // 10 relevant, 490 irrelevant: w1 = 2.155 × (10/490)^−0.94, w0 = 1 − 0.211 × (1 + ln 500)^−1.
    const w1 = 2.155 * (10 / 490) ** -0.94;
    const w0 = 1 - 0.211 / (1 + Math.log(500));
    expect(w1).toBeCloseTo(83.6, 1);
    expect(w0).toBeCloseTo(0.9708, 4);
    const expected = (w1 * 10 * 500) / (w1 * 10 + w0 * 490);
    expect(expected).toBeCloseTo(318.7, 1);
    expect(doubleBalanceExpectedOnes(10, 490, asreviewDoubleBalance)).toBeCloseTo(expected, 10);
    const sizes = doubleBalanceSizes(10, 490, asreviewDoubleBalance, createSeededRandom(3));
    expect([318, 319]).toContain(sizes.ones);
    expect(sizes.ones + sizes.zeros).toBe(500);
  });

  it('keeps at least one relevant and two irrelevant rows', () => {
    // 1 + 1: the formula asks for about 1.4 relevant rows; ASReview clamps to at most n − 2,
    // then at least 1, so 1 + 1. With 1 + 3 it asks for about 2.76, clamped to 2.
    expect(doubleBalanceSizes(1, 1, asreviewDoubleBalance, createSeededRandom(1))).toEqual({
      ones: 1,
      zeros: 1,
    });
    const s = doubleBalanceSizes(1, 3, asreviewDoubleBalance, createSeededRandom(1));
    expect(s.ones).toBe(2);
    expect(s.zeros).toBe(2);
  });

  it('rounds up with probability equal to the fraction', () => {
    const random = createSeededRandom(9);
    const expected = doubleBalanceExpectedOnes(10, 490, asreviewDoubleBalance);
    let total = 0;
    for (let i = 0; i < 4000; i++) total += doubleBalanceSizes(10, 490, asreviewDoubleBalance, random).ones;
    expect(total / 4000).toBeCloseTo(expected, 1);
  });

  it('fills a training set by copying, then sampling the remainder without replacement', () => {
    const times = fillTraining(3, 8, createSeededRandom(5));
    expect(Array.from(times).reduce((a, b) => a + b, 0)).toBe(8);
    expect(Array.from(times).sort()).toEqual([2, 3, 3]);
    const sub = fillTraining(10, 4, createSeededRandom(5));
    expect(Array.from(sub).filter((t) => t === 1)).toHaveLength(4);
    expect(Array.from(sub).every((t) => t <= 1)).toBe(true);
  });
});

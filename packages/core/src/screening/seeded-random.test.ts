import { describe, expect, it } from 'vitest';
import { createSeededRandom, sampleWithoutReplacement } from './seeded-random.js';

describe('createSeededRandom', () => {
  it('is reproducible per seed and uniform enough', () => {
    const a = createSeededRandom(42);
    const b = createSeededRandom(42);
    const xs = Array.from({ length: 10000 }, () => a());
    expect(Array.from({ length: 10000 }, () => b())).toEqual(xs);
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
    const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
    expect(mean).toBeGreaterThan(0.49);
    expect(mean).toBeLessThan(0.51);
    expect(createSeededRandom(43)()).not.toBe(createSeededRandom(42)());
  });

  it('samples distinct items', () => {
    const sample = sampleWithoutReplacement([1, 2, 3, 4, 5, 6], 4, createSeededRandom(1));
    expect(new Set(sample).size).toBe(4);
  });
});

import { describe, expect, it } from 'vitest';
import { boundedLevenshtein, levenshteinSimilarity, overlapCoefficient } from './string-similarity.js';

describe('boundedLevenshtein', () => {
  it.each([
    ['kitten', 'sitting', 3],
    ['', 'abc', 3],
    ['abc', 'abc', 0],
    ['flaw', 'lawn', 2],
  ])('%s → %s is %i', (a, b, distance) => {
    expect(boundedLevenshtein(a, b, 10)).toBe(distance);
  });

  it('stops above the bound', () => {
    expect(boundedLevenshtein('aaaaaaaaaa', 'bbbbbbbbbb', 3)).toBe(4);
  });

  it('handles strings longer than the initial buffer', () => {
    const long = 'x'.repeat(1000);
    expect(boundedLevenshtein(long, `${long}y`, 5)).toBe(1);
  });
});

describe('levenshteinSimilarity', () => {
  it('is 1 for equal strings and 0 below the minimum', () => {
    expect(levenshteinSimilarity('stroke', 'stroke')).toBe(1);
    expect(levenshteinSimilarity('stroke', 'brain', 0.8)).toBe(0);
    expect(levenshteinSimilarity('randomised', 'randomized')).toBeCloseTo(0.9);
  });
});

describe('overlapCoefficient', () => {
  it('measures the smaller set against the larger', () => {
    expect(overlapCoefficient(new Set(['a']), new Set(['a', 'b', 'c']))).toBe(1);
    expect(overlapCoefficient(new Set(['a', 'x']), new Set(['a', 'b']))).toBe(0.5);
    expect(overlapCoefficient(new Set(), new Set(['a']))).toBe(0);
  });
});

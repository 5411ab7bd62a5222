import { describe, expect, it } from 'vitest';
import { hypergeometricCdf, hypergeometricLogCdf, logChoose } from './hypergeometric.js';
import { randomSampleStoppingTest, rankedStoppingTest } from './stopping.js';

describe('hypergeometric', () => {
  it('agrees with exact binomial coefficients', () => {
    // C(10, 3) = 120; C(52, 5) = 2 598 960.
    expect(Math.exp(logChoose(10, 3))).toBeCloseTo(120, 9);
    expect(Math.exp(logChoose(52, 5))).toBeCloseTo(2598960, 4);
    // P(X ≤ 1), N = 20, K = 5, n = 4: [C(15,4) + 5·C(15,3)] / C(20,4) = (1365 + 2275)/4845.
    expect(hypergeometricCdf(1, 20, 5, 4)).toBeCloseTo(3640 / 4845, 12);
  });

  it('stays finite for pools far beyond double-precision factorials', () => {
    const logP = hypergeometricLogCdf(0, 200000, 60, 20000);
    // P(X = 0) = Π_{i<60} (180000 − i)/(200000 − i) ≈ 0.9^60 ≈ 0.0018.
    expect(Math.exp(logP)).toBeGreaterThan(0.0017);
    expect(Math.exp(logP)).toBeLessThan(0.0019);
  });
});

describe('randomSampleStoppingTest (Callaghan & Müller-Hansen 2020)', () => {
  it('reproduces a worked example derived by hand', () => {
    // N = 1000 records; 500 screened by priority finding 95 relevant; then 100 of the other
    // 500 drawn at random, none relevant; τ = 0.95.
    //   K_tar = ⌊95/0.95 − 95 + 1⌋ = ⌊100 − 95 + 1⌋ = 6 (101 relevant in all would put
    //   recall at 95/101 < .95)
    //   p = P(X ≤ 0 | N = 500, K = 6, n = 100) = C(494,100)/C(500,100)
    //     = (400·399·398·397·396·395)/(500·499·498·497·496·495) = 0.260169
    const result = randomSampleStoppingTest({
      totalRecords: 1000,
      screenedBeforeSample: 500,
      relevantBeforeSample: 95,
      sampleSize: 100,
      relevantInSample: 0,
    });
    expect(result.relevantUnderNull).toBe(6);
    expect(result.pValue).toBeCloseTo(0.260169, 6);
    expect(result.stop).toBe(false);
    expect(result.estimatedRelevantRemaining).toBe(0);
  });

  it('counts relevant records found in the sample (derived by hand)', () => {
    // As above but 1 relevant in the sample: ρ_seen = 96, K_tar = ⌊96/0.95⌋ − 95 + 1
    // = 101 − 95 + 1 = 7; p = [C(493,100) + 7·C(493,99)]/C(500,100) = 0.576164.
    // Point estimate of relevant left: 1/100 × 400 = 4.
    const result = randomSampleStoppingTest({
      totalRecords: 1000,
      screenedBeforeSample: 500,
      relevantBeforeSample: 95,
      sampleSize: 100,
      relevantInSample: 1,
    });
    expect(result.relevantUnderNull).toBe(7);
    expect(result.pValue).toBeCloseTo(0.576164, 6);
    expect(result.estimatedRelevantRemaining).toBeCloseTo(4, 12);
    expect(result.upperBoundRelevantRemaining).toBeGreaterThanOrEqual(4);
  });

  it('is monotone: a larger clean sample lowers p; more relevant in the sample raises it', () => {
    const base = { totalRecords: 5000, screenedBeforeSample: 1000, relevantBeforeSample: 80 };
    let previous = 1;
    for (const sampleSize of [50, 100, 200, 400, 800, 1600, 3200]) {
      const { pValue } = randomSampleStoppingTest({ ...base, sampleSize, relevantInSample: 0 });
      expect(pValue).toBeLessThan(previous);
      previous = pValue;
    }
    expect(previous).toBeLessThan(0.05);
    let last = 0;
    for (const relevantInSample of [0, 1, 2, 3, 4]) {
      const { pValue } = randomSampleStoppingTest({ ...base, sampleSize: 800, relevantInSample });
      expect(pValue).toBeGreaterThan(last);
      last = pValue;
    }
  });

  it('has a ranked variant that stops after a long run of irrelevant records, not before', () => {
    // 40 relevant found first. K_tar = ⌊40/0.95⌋ − 40 + 1 = 3 for a clean tail.
    const found = Array<boolean>(40).fill(true);
    const early = [...found, ...Array<boolean>(20).fill(false)];
    expect(rankedStoppingTest(early, 2000).stop).toBe(false);
    // A clean tail of 1900 of the 1960 left: P(X = 0 | N = 1960, K = 3, n = 1900) ≈ (60/1960)³.
    const late = [...found, ...Array<boolean>(1900).fill(false)];
    const result = rankedStoppingTest(late, 2000);
    expect(result.stop).toBe(true);
    expect(result.pValue).toBeLessThan(1e-4);
    expect(result.tailSize).toBe(1900);
  });
});

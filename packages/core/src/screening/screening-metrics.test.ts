import { describe, expect, it } from 'vitest';
import {
  averageTimeToDiscovery,
  computeScreeningMetrics,
  recallCurve,
  relevantRecordsFound,
  workSavedOverSampling,
} from './screening-metrics.js';

// 20 records, 4 relevant, found at positions 1, 2, 5 and 10 (1-based), all hand-computed.
const T = true;
const F = false;
const labelsInOrder = [T, T, F, F, T, F, F, F, F, T, ...Array<boolean>(10).fill(F)];

describe('screening metrics', () => {
  it('traces the recall curve', () => {
    const curve = recallCurve({ labelsInOrder });
    expect(curve.slice(0, 6)).toEqual([0, 0.25, 0.5, 0.5, 0.5, 0.75]);
    expect(curve[10]).toBe(1);
    expect(curve).toHaveLength(21);
  });

  it('computes WSS@r at the first point recall ≥ r (Cohen et al. 2006)', () => {
    // Recall ≥ .95 needs all 4 (3/4 = .75): first reached at k = 10.
    // WSS@95 = (20 − 10)/20 − (1 − .95) = .5 − .05 = .45; WSS@100 = .5.
    expect(workSavedOverSampling({ labelsInOrder }, 0.95)).toBeCloseTo(0.45, 12);
    expect(workSavedOverSampling({ labelsInOrder }, 1)).toBeCloseTo(0.5, 12);
    // WSS@50: recall .5 at k = 2 → 18/20 − .5 = .4.
    expect(workSavedOverSampling({ labelsInOrder }, 0.5)).toBeCloseTo(0.4, 12);
  });

  it('computes RRF@x and ATD', () => {
    // 10 % of 20 = 2 records screened → 2 of 4 found.
    expect(relevantRecordsFound({ labelsInOrder }, 0.1)).toBe(0.5);
    // 25 % → 5 records → 3 of 4.
    expect(relevantRecordsFound({ labelsInOrder }, 0.25)).toBe(0.75);
    // Records screened before each find: 0, 1, 4, 9 → mean 3.5 of 20 = .175.
    expect(averageTimeToDiscovery({ labelsInOrder })).toBeCloseTo(0.175, 12);
  });

  it('accepts an order that stops at the last relevant record', () => {
    const truncated = labelsInOrder.slice(0, 10);
    const metrics = computeScreeningMetrics({ labelsInOrder: truncated, totalRecords: 20, totalRelevant: 4 });
    expect(metrics).toEqual({ wss95: expect.closeTo(0.45, 12), wss100: 0.5, rrf10: 0.5, atd: 0.175 });
    // A relevant record never found: no WSS@100, no ATD.
    const missing = computeScreeningMetrics({ labelsInOrder: truncated, totalRecords: 20, totalRelevant: 5 });
    expect(missing.wss100).toBeNull();
    expect(missing.atd).toBeNull();
  });
});

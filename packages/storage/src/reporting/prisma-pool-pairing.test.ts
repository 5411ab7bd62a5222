import { describe, expect, it } from 'vitest';
import { pairPool } from './prisma-pool-pairing.js';

describe('pairPool', () => {
  it('keeps every key’s total and every class’s weight', () => {
    const totals = new Map([
      ['medline', 5],
      ['embase', 0],
      ['register', 3],
    ]);
    const classes = [
      { weight: 2, value: 'include' },
      { weight: 4, value: 'exclude' },
      { weight: 0, value: 'maybe' },
      { weight: 2, value: null },
    ];
    const entries = pairPool(totals, classes);
    expect(entries).toEqual([
      { key: 'medline', weight: 2, value: 'include' },
      { key: 'medline', weight: 3, value: 'exclude' },
      { key: 'register', weight: 1, value: 'exclude' },
      { key: 'register', weight: 2, value: null },
    ]);
    const sum = (pick: (e: (typeof entries)[number]) => boolean) =>
      entries.filter(pick).reduce((n, e) => n + e.weight, 0);
    for (const [key, total] of totals) expect(sum((e) => e.key === key)).toBe(total);
    for (const c of classes) expect(sum((e) => e.value === c.value)).toBe(c.weight);
    // The classes passed in are not used up.
    expect(classes[0]?.weight).toBe(2);
  });

  it('refuses margins that do not add up to the same number', () => {
    expect(() => pairPool(new Map([['a', 3]]), [{ weight: 2, value: 'x' }])).toThrow(/fewer/);
    expect(() => pairPool(new Map([['a', 1]]), [{ weight: 2, value: 'x' }])).toThrow(/more/);
  });

  it('pairs nothing with nothing', () => {
    expect(pairPool(new Map(), [])).toEqual([]);
  });
});

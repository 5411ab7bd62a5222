import { describe, expect, it } from 'vitest';
import { ConstrainedUnionFind } from './constrained-union-find.js';

describe('ConstrainedUnionFind', () => {
  it('unions transitively', () => {
    const sets = new ConstrainedUnionFind(4);
    sets.union(0, 1);
    sets.union(1, 2);
    expect(sets.groups()).toEqual([[0, 1, 2]]);
  });

  it('refuses a union that joins a cannot-link pair through other members', () => {
    const sets = new ConstrainedUnionFind(4);
    sets.addCannotLink(0, 3);
    expect(sets.union(0, 1)).toBe(true);
    expect(sets.union(2, 3)).toBe(true);
    expect(sets.union(1, 2)).toBe(false);
    expect(sets.groups()).toEqual([
      [0, 1],
      [2, 3],
    ]);
  });
});

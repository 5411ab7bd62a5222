import { describe, expect, it } from 'vitest';
import { indexByBlock, runsOf } from './coding-index';
import type { TextBlock } from './text-blocks';

const blocks: TextBlock[] = [
  { kind: 'page', start: 0, end: 0 },
  { kind: 'paragraph', start: 0, end: 10 },
  { kind: 'paragraph', start: 12, end: 20 },
  { kind: 'paragraph', start: 22, end: 30 },
];

describe('indexByBlock', () => {
  it('puts each coding in every block it crosses, and only those', () => {
    const codings = [
      { id: 'a', start: 2, end: 5 },
      { id: 'b', start: 8, end: 25 },
      { id: 'c', start: 10, end: 12 },
      { id: 'd', start: 29, end: 30 },
    ];
    const index = indexByBlock(blocks, codings);
    expect(index.map((list) => list.map((c) => c.id))).toEqual([[], ['a', 'b'], ['b'], ['b', 'd']]);
  });

  it('handles thousands of codings', () => {
    const many = Array.from({ length: 5000 }, (_, i) => ({
      id: String(i),
      start: i % 30,
      end: (i % 30) + 1,
    }));
    const index = indexByBlock(blocks, many);
    // Brute force as the reference: every (block, coding) pair that overlaps.
    const pairs = blocks.flatMap((b, i) =>
      many.filter((c) => b.end > b.start && c.start < b.end && c.end > b.start).map((c) => [i, c.id]),
    );
    expect(index.flatMap((list, i) => list.map((c) => [i, c.id]))).toEqual(pairs);
  });
});

describe('runsOf', () => {
  it('cuts a block where codings start and end, listing the covering codings longest first', () => {
    const runs = runsOf({ start: 0, end: 10 }, [
      { id: 'long', start: 0, end: 8 },
      { id: 'short', start: 3, end: 5 },
    ]);
    expect(runs.map((r) => [r.start, r.end, r.codings.map((c) => c.id)])).toEqual([
      [0, 3, ['long']],
      [3, 5, ['long', 'short']],
      [5, 8, ['long']],
      [8, 10, []],
    ]);
  });
});

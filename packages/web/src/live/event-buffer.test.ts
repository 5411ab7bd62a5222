import type { ProjectEvent } from '@weft/core';
import { describe, expect, it } from 'vitest';
import { appendEvents } from './event-buffer';

const ev = (seq: number): ProjectEvent => ({
  type: 'event',
  projectId: 'p',
  seq,
  commandId: `c${seq}`,
  actorId: 'u',
  actorName: 'Ana',
  eventType: 'project.renamed',
  payload: {},
  at: '2024-01-01T00:00:00Z',
});

describe('appendEvents', () => {
  it('keeps seq order and drops anything at or below the last seq held', () => {
    const a = appendEvents([], [ev(1), ev(2)], 10);
    const b = appendEvents(a, [ev(2), ev(4), ev(3), ev(1)], 10);
    expect(b.map((e) => e.seq)).toEqual([1, 2, 3, 4]);
  });

  it('returns the same array when nothing is new, so React does not re-render', () => {
    const a = appendEvents([], [ev(1)], 10);
    expect(appendEvents(a, [ev(1)], 10)).toBe(a);
  });

  it('keeps only the newest events beyond the cap', () => {
    const a = appendEvents([], [1, 2, 3, 4, 5].map(ev), 3);
    expect(a.map((e) => e.seq)).toEqual([3, 4, 5]);
  });
});

import type { EqualRun, TextDiff } from './text-diff.js';

/** An old offset's place in the new text, and whether it fell on text that survived the edit. */
export interface MappedOffset {
  offset: number;
  /** The old offset sits inside an equal run (for an end: the character before it does). */
  survived: boolean;
  /** Index of that run in `diff.runs`, or -1. */
  run: number;
}

/**
 * Maps an old offset to the new text. A start inside changed text maps to the start of what
 * replaced it and an end to the end of it, so a coding never loses the replacement of its own
 * words (a name anonymised inside a quote); text inserted exactly at a boundary stays outside.
 */
export function mapOffset(diff: TextDiff, offset: number, bias: 'start' | 'end'): MappedOffset {
  const { runs } = diff;
  // Last run whose start lies before the offset (for an end: strictly before, so an end maps
  // with the character preceding it).
  let lo = 0;
  let hi = runs.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const run = runs[mid] as EqualRun;
    if (bias === 'start' ? run.oldStart <= offset : run.oldStart < offset) lo = mid + 1;
    else hi = mid;
  }
  const index = lo - 1;
  const run = runs[index];
  if (run) {
    const inside = offset - run.oldStart;
    if (bias === 'start' ? inside < run.length : inside <= run.length)
      return { offset: run.newStart + inside, survived: true, run: index };
  }
  if (bias === 'start') {
    return { offset: run ? run.newStart + run.length : 0, survived: false, run: -1 };
  }
  const next = runs[index + 1];
  return { offset: next ? next.newStart : diff.newLength, survived: false, run: -1 };
}

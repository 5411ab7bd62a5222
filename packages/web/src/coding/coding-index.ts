import type { TextBlock } from './text-blocks';

export interface Span {
  id: string;
  start: number;
  end: number;
}

/**
 * For each block, the codings that overlap it: built once per load (and per change) so a row
 * renders from its own short list instead of scanning thousands of codings. Each coding is put
 * in the blocks its span crosses, found by binary search over the ordered block starts.
 */
export function indexByBlock<T extends Span>(blocks: readonly TextBlock[], codings: Iterable<T>): T[][] {
  const index: T[][] = blocks.map(() => []);
  for (const coding of codings) {
    let lo = 0;
    let hi = blocks.length;
    // First block whose end is past the coding's start.
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((blocks[mid] as TextBlock).end <= coding.start) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < blocks.length; i++) {
      const block = blocks[i] as TextBlock;
      if (block.start >= coding.end) break;
      if (block.end > block.start && block.end > coding.start) (index[i] as T[]).push(coding);
    }
  }
  return index;
}

export interface Run<T extends Span> {
  start: number;
  end: number;
  /** The codings covering this run, longest first (so the shortest, most specific, paints last). */
  codings: T[];
}

/** A block's text cut where codings begin or end; each run lists the codings that cover it. */
export function runsOf<T extends Span>(
  block: { start: number; end: number },
  codings: readonly T[],
  extraCuts: readonly number[] = [],
): Run<T>[] {
  const cuts = new Set<number>([block.start, block.end]);
  for (const at of extraCuts) if (at > block.start && at < block.end) cuts.add(at);
  for (const c of codings) {
    if (c.start > block.start && c.start < block.end) cuts.add(c.start);
    if (c.end > block.start && c.end < block.end) cuts.add(c.end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const runs: Run<T>[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const start = points[i] as number;
    const end = points[i + 1] as number;
    const covering = codings
      .filter((c) => c.start < end && c.end > start)
      .sort((a, b) => b.end - b.start - (a.end - a.start));
    runs.push({ start, end, codings: covering });
  }
  return runs;
}

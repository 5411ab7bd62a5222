export interface ApproximateMatch {
  start: number;
  end: number;
  errors: number;
}

/**
 * The substring of `text[from, to)` closest to `pattern` in edit distance (Sellers 1980: the
 * Levenshtein table with a free start anywhere in the text), at most `maxErrors` edits away.
 * Among equally close matches the one starting nearest `near` wins. O(pattern × window), so
 * callers keep the window small: it is the fallback for codings whose text the diff lost.
 */
export function approximateSearch(
  text: string,
  pattern: string,
  from: number,
  to: number,
  maxErrors: number,
  near: number,
): ApproximateMatch | undefined {
  const m = pattern.length;
  if (m === 0 || to <= from) return undefined;
  let cost = new Int32Array(m + 1);
  let start = new Int32Array(m + 1);
  let nextCost = new Int32Array(m + 1);
  let nextStart = new Int32Array(m + 1);
  for (let i = 0; i <= m; i++) {
    cost[i] = i;
    start[i] = from;
  }
  let best: ApproximateMatch | undefined;
  for (let j = from; j < to; j++) {
    const c = text.charCodeAt(j);
    nextCost[0] = 0;
    nextStart[0] = j + 1;
    for (let i = 1; i <= m; i++) {
      // Substitute/match, skip a pattern character, or skip a text character.
      let value = (cost[i - 1] as number) + (pattern.charCodeAt(i - 1) === c ? 0 : 1);
      let origin = start[i - 1] as number;
      const skipPattern = (nextCost[i - 1] as number) + 1;
      if (skipPattern < value) {
        value = skipPattern;
        origin = nextStart[i - 1] as number;
      }
      const skipText = (cost[i] as number) + 1;
      if (skipText < value) {
        value = skipText;
        origin = start[i] as number;
      }
      nextCost[i] = value;
      nextStart[i] = origin;
    }
    const errors = nextCost[m] as number;
    const matchStart = nextStart[m] as number;
    if (
      errors <= maxErrors &&
      (!best ||
        errors < best.errors ||
        (errors === best.errors && Math.abs(matchStart - near) < Math.abs(best.start - near)))
    )
      best = { start: matchStart, end: j + 1, errors };
    [cost, nextCost] = [nextCost, cost];
    [start, nextStart] = [nextStart, start];
  }
  return best;
}

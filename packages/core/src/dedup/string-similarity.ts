/**
 * Levenshtein similarity 1 − distance / longer length, computed only inside the diagonal band the
 * threshold allows (Ukkonen 1985), so a clearly different pair of long titles costs little.
 * Returns 0 when the similarity is below `minimum`.
 */
export function levenshteinSimilarity(a: string, b: string, minimum = 0): number {
  if (a === b) return 1;
  const longer = Math.max(a.length, b.length);
  if (longer === 0) return 1;
  const maxDistance = Math.floor((1 - minimum) * longer);
  if (Math.abs(a.length - b.length) > maxDistance) return 0;
  if (maxDistance > 2 && histogramDistance(a, b) > maxDistance) return 0;
  const distance = boundedLevenshtein(a, b, maxDistance);
  if (distance > maxDistance) return 0;
  return 1 - distance / longer;
}

const histogram = new Int32Array(128);

/**
 * A lower bound of the edit distance from character counts (each edit changes at most two counts
 * by one), computed in linear time: most candidate pairs are rejected here without the quadratic DP.
 */
export function histogramDistance(a: string, b: string): number {
  histogram.fill(0);
  for (let i = 0; i < a.length; i++) {
    const k = a.charCodeAt(i) & 127;
    histogram[k] = (histogram[k] as number) + 1;
  }
  for (let i = 0; i < b.length; i++) {
    const k = b.charCodeAt(i) & 127;
    histogram[k] = (histogram[k] as number) - 1;
  }
  let surplus = 0;
  let deficit = 0;
  for (let i = 0; i < 128; i++) {
    const count = histogram[i] as number;
    if (count > 0) surplus += count;
    else deficit -= count;
  }
  return Math.max(surplus, deficit);
}

// Reused between calls: comparing hundreds of thousands of pairs must not allocate per pair.
let rowA = new Int32Array(256);
let rowB = new Int32Array(256);

/** Edit distance, or any value above `bound` once it is certain to exceed it. */
export function boundedLevenshtein(a: string, b: string, bound: number): number {
  // Near-duplicates differ in a few places; trimming the shared ends leaves a small table.
  let start = 0;
  const shortest = Math.min(a.length, b.length);
  while (start < shortest && a.charCodeAt(start) === b.charCodeAt(start)) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a.charCodeAt(endA - 1) === b.charCodeAt(endB - 1)) {
    endA--;
    endB--;
  }
  if (start > 0 || endA < a.length || endB < b.length) {
    a = a.slice(start, endA);
    b = b.slice(start, endB);
  }
  if (a.length > b.length) [a, b] = [b, a];
  const n = a.length;
  const m = b.length;
  const big = bound + 1;
  if (m - n > bound) return big;
  if (rowA.length < n + 2) {
    rowA = new Int32Array(n * 2 + 2);
    rowB = new Int32Array(n * 2 + 2);
  }
  let previous = rowA;
  let current = rowB;
  for (let i = 0; i <= n; i++) previous[i] = i;
  previous[n + 1] = big;
  for (let j = 1; j <= m; j++) {
    const from = Math.max(1, j - bound);
    const to = Math.min(n, j + bound);
    current[0] = j;
    if (from > 1) current[from - 1] = big;
    let rowMin = from > 1 ? big : j;
    const cj = b.charCodeAt(j - 1);
    for (let i = from; i <= to; i++) {
      let value = previous[i - 1] as number;
      if (a.charCodeAt(i - 1) !== cj) value++;
      const up = (previous[i] as number) + 1;
      const left = (current[i - 1] as number) + 1;
      if (up < value) value = up;
      if (left < value) value = left;
      current[i] = value;
      if (value < rowMin) rowMin = value;
    }
    if (to < n) current[to + 1] = big;
    if (rowMin > bound) return big;
    const swap = previous;
    previous = current;
    current = swap;
  }
  return Math.min(previous[n] as number, big);
}

/** Share of the smaller token set found in the larger: tolerant of truncated author lists. */
export function overlapCoefficient<T>(a: ReadonlySet<T>, b: ReadonlySet<T>): number {
  if (a.size === 0 || b.size === 0) return 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let shared = 0;
  for (const item of small) if (large.has(item)) shared++;
  return shared / small.size;
}

/**
 * A two-rater cross-tabulation: counts[i][j] = units rater A put in category i and rater B in
 * category j. Every two-rater statistic here starts from it.
 */
export interface ContingencyTable {
  readonly type: 'contingency-table';
  readonly categories: readonly string[];
  readonly counts: readonly (readonly number[])[];
  /** Total units. */
  readonly n: number;
}

/** A table from counts (square, non-negative). Categories default to "0", "1", … */
export function contingencyTable(
  counts: readonly (readonly number[])[],
  categories?: readonly string[],
): ContingencyTable {
  const k = counts.length;
  let n = 0;
  for (const row of counts) {
    if (row.length !== k) throw new RangeError('a contingency table must be square');
    for (const c of row) {
      if (!(c >= 0)) throw new RangeError('contingency table counts must be non-negative');
      n += c;
    }
  }
  const names = categories ?? counts.map((_, i) => String(i));
  if (names.length !== k) throw new RangeError('one category name per row is needed');
  return { type: 'contingency-table', categories: names, counts, n };
}

/**
 * Cross-tabulate paired ratings. `categories` fixes the order (and may add categories nobody
 * used, which matters for PABAK and AC1); otherwise the sorted distinct values are used.
 */
export function crossTabulate(
  pairs: readonly (readonly [string, string])[],
  categories?: readonly string[],
): ContingencyTable {
  const names = categories ?? [...new Set(pairs.flat())].sort();
  const index = new Map(names.map((c, i) => [c, i]));
  const counts = names.map(() => names.map(() => 0));
  for (const [a, b] of pairs) {
    const i = index.get(a);
    const j = index.get(b);
    if (i === undefined || j === undefined) throw new RangeError(`unknown category in pair (${a}, ${b})`);
    (counts[i] as number[])[j] = ((counts[i] as number[])[j] as number) + 1;
  }
  return contingencyTable(counts, names);
}

/** Cell proportions and marginals: p[i][j], row (rater A) and column (rater B) marginals. */
export function proportions(table: ContingencyTable): { p: number[][]; rows: number[]; cols: number[] } {
  const k = table.categories.length;
  const p = table.counts.map((row) => row.map((c) => c / table.n));
  const rows = p.map((row) => row.reduce((a, b) => a + b, 0));
  const cols = Array.from({ length: k }, (_, j) => p.reduce((a, row) => a + (row[j] as number), 0));
  return { p, rows, cols };
}

export interface FleissKappa {
  readonly kappa: number;
  /** Mean observed agreement over subjects, P̄. */
  readonly observed: number;
  /** Chance agreement P̄e = Σ_j p_j². */
  readonly expected: number;
  /** Overall proportion of assignments to each category, p_j. */
  readonly categoryProportions: readonly number[];
}

/**
 * Fleiss' κ for m raters per subject (Fleiss 1971, Psychological Bulletin 76:378).
 * `counts[i][j]` = how many raters put subject i in category j; every subject must have the
 * same number of ratings m ≥ 2 (the raters need not be the same people).
 */
export function fleissKappa(counts: readonly (readonly number[])[]): FleissKappa {
  const n = counts.length;
  if (n === 0) throw new RangeError('Fleiss’ kappa needs at least one subject');
  const k = (counts[0] as readonly number[]).length;
  const m = (counts[0] as readonly number[]).reduce((a, b) => a + b, 0);
  if (m < 2) throw new RangeError('Fleiss’ kappa needs at least two ratings per subject');
  const totals = new Array<number>(k).fill(0);
  let sumP = 0;
  for (const row of counts) {
    if (row.length !== k) throw new RangeError('every subject needs a count per category');
    let rowTotal = 0;
    let squares = 0;
    row.forEach((c, j) => {
      rowTotal += c;
      squares += c * c;
      totals[j] = (totals[j] as number) + c;
    });
    if (rowTotal !== m) throw new RangeError(`every subject needs ${m} ratings, one has ${rowTotal}`);
    // P_i = (Σ_j n_ij² − m) / (m (m − 1)): agreeing rater pairs over all pairs.
    sumP += (squares - m) / (m * (m - 1));
  }
  const p = totals.map((t) => t / (n * m));
  const observed = sumP / n;
  const expected = p.reduce((a, x) => a + x * x, 0);
  return { kappa: (observed - expected) / (1 - expected), observed, expected, categoryProportions: p };
}

/**
 * Subject × category counts from a subject × rater matrix of category labels (null = not
 * rated), for fleissKappa.
 */
export function countRatings(
  ratings: readonly (readonly (string | number | null)[])[],
  categories?: readonly (string | number)[],
): { categories: (string | number)[]; counts: number[][] } {
  const cats = categories
    ? [...categories]
    : [...new Set(ratings.flat().filter((v): v is string | number => v !== null))].sort((a, b) =>
        typeof a === 'number' && typeof b === 'number' ? a - b : String(a).localeCompare(String(b)),
      );
  const index = new Map(cats.map((c, i) => [c, i]));
  const counts = ratings.map((row) => {
    const out = new Array<number>(cats.length).fill(0);
    for (const v of row) {
      if (v === null) continue;
      const j = index.get(v);
      if (j === undefined) throw new RangeError(`unknown category ${v}`);
      out[j] = (out[j] as number) + 1;
    }
    return out;
  });
  return { categories: cats, counts };
}

import { rowDot, type SparseMatrix } from './sparse-matrix.js';
import type { LinearModel } from './train-classifier.js';

/** Scores of every row (higher = more likely relevant). */
export function scoreRows(matrix: SparseMatrix, model: LinearModel): Float64Array {
  const scores = new Float64Array(matrix.rowCount);
  for (let r = 0; r < matrix.rowCount; r++) scores[r] = rowDot(matrix, r, model.weights) + model.bias;
  return scores;
}

/**
 * The max-relevance query strategy: unlabelled rows by descending score (ties by row index,
 * so the order is deterministic). `labelled[r]` is true for rows already screened. `limit`
 * bounds the result length.
 */
export function rankUnlabelled(
  matrix: SparseMatrix,
  model: LinearModel,
  labelled: ArrayLike<boolean | number>,
  limit = Number.POSITIVE_INFINITY,
): number[] {
  const scores = scoreRows(matrix, model);
  if (limit <= 8) return topRows(scores, labelled, limit);
  const rows: number[] = [];
  for (let r = 0; r < matrix.rowCount; r++) if (!labelled[r]) rows.push(r);
  rows.sort((a, b) => (scores[b] as number) - (scores[a] as number) || a - b);
  return Number.isFinite(limit) ? rows.slice(0, limit) : rows;
}

/** The `limit` best unlabelled rows in the same order as the full sort, in one pass. */
function topRows(scores: Float64Array, labelled: ArrayLike<boolean | number>, limit: number): number[] {
  const top: number[] = [];
  const better = (a: number, b: number) =>
    (scores[a] as number) > (scores[b] as number) ||
    ((scores[a] as number) === (scores[b] as number) && a < b);
  for (let r = 0; r < scores.length; r++) {
    if (labelled[r]) continue;
    if (top.length === limit && !better(r, top[limit - 1] as number)) continue;
    let i = top.length < limit ? top.length : limit - 1;
    while (i > 0 && better(r, top[i - 1] as number)) {
      top[i] = top[i - 1] as number;
      i--;
    }
    top[i] = r;
  }
  return top;
}

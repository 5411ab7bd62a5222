/**
 * Compressed sparse row (CSR) matrix. Plain typed arrays so it can be posted to a worker
 * thread (structured clone) without conversion.
 */
export interface SparseMatrix {
  readonly type: 'sparse-matrix';
  readonly rowCount: number;
  readonly columnCount: number;
  /** Row r's entries are at indptr[r] .. indptr[r + 1] - 1. */
  readonly indptr: Int32Array;
  readonly indices: Int32Array;
  readonly values: Float64Array;
}

/** Dot product of row `row` with a dense vector. */
export function rowDot(matrix: SparseMatrix, row: number, dense: ArrayLike<number>): number {
  const { indptr, indices, values } = matrix;
  let sum = 0;
  const end = indptr[row + 1] as number;
  for (let k = indptr[row] as number; k < end; k++)
    sum += (values[k] as number) * (dense[indices[k] as number] as number);
  return sum;
}

/** Squared Euclidean norm of one row. */
export function rowSquaredNorm(matrix: SparseMatrix, row: number): number {
  const { indptr, values } = matrix;
  let sum = 0;
  const end = indptr[row + 1] as number;
  for (let k = indptr[row] as number; k < end; k++) sum += (values[k] as number) ** 2;
  return sum;
}

import { doubleBalanceSizes, fillTraining } from './double-balance.js';
import type { ModelSettings, SingleClassifierSettings } from './model-settings.js';
import { createSeededRandom, type RandomSource, shuffleInPlace } from './seeded-random.js';
import { rowDot, rowSquaredNorm, type SparseMatrix } from './sparse-matrix.js';

/** A linear scorer: score(x) = weights · x + bias. Plain data (worker-safe, serialisable). */
export interface LinearModel {
  readonly type: 'linear-model';
  readonly weights: Float64Array;
  readonly bias: number;
  /**
   * SVM dual variables, one per matrix row (0 for rows never labelled). Kept so the next
   * training can start from this solution: adding a label adds one dual variable at 0, so the
   * old (weights, dual) pair stays consistent and coordinate descent needs few passes.
   */
  readonly dual: Float64Array | undefined;
  /** Coordinate-descent passes used by the last training (diagnostic). */
  readonly epochs: number;
  /** For an ensemble: each member's own model (warm starts the next training). */
  readonly members?: readonly LinearModel[];
}

/**
 * Train on the labelled rows of `matrix`. `labels[k]` is the label of row `labelledRows[k]`
 * (true = relevant). `warmStart` must come from a training on a subset of the same rows of the
 * same matrix. Deterministic given `seed`.
 */
export function trainClassifier(
  matrix: SparseMatrix,
  labelledRows: readonly number[],
  labels: readonly boolean[],
  settings: ModelSettings['classifier'],
  warmStart?: LinearModel,
  seed = 0,
): LinearModel {
  if (labelledRows.length !== labels.length) throw new RangeError('labelledRows and labels differ in length');
  if (settings.kind === 'ensemble')
    return trainEnsemble(matrix, labelledRows, labels, settings, warmStart, seed);
  if (settings.kind === 'nb') return trainNaiveBayes(matrix, labelledRows, labels, settings.alpha);
  if (settings.kind === 'multinomial-nb')
    return trainResampledNaiveBayes(matrix, labelledRows, labels, settings, createSeededRandom(seed));
  return trainSvm(matrix, labelledRows, labels, settings, warmStart, seed);
}

/** Standardise each member's scores over all rows and add them up, as one linear model. */
function trainEnsemble(
  matrix: SparseMatrix,
  rows: readonly number[],
  labels: readonly boolean[],
  settings: Extract<ModelSettings['classifier'], { kind: 'ensemble' }>,
  warmStart: LinearModel | undefined,
  seed: number,
): LinearModel {
  const weights = new Float64Array(matrix.columnCount);
  let bias = 0;
  const members: LinearModel[] = [];
  for (let i = 0; i < settings.members.length; i++) {
    const member = settings.members[i] as SingleClassifierSettings;
    // Different seeds per member, so members with randomness do not draw the same numbers.
    const model = trainClassifier(matrix, rows, labels, member, warmStart?.members?.[i], seed * 31 + i);
    members.push(model);
    const [mean, sd] = scoreMoments(matrix, model);
    const factor = (settings.weights?.[i] ?? 1) / (sd > 0 ? sd : 1);
    addScaled(weights, model.weights, factor);
    bias += factor * (model.bias - mean);
  }
  return { type: 'linear-model', weights, bias, dual: undefined, epochs: 1, members };
}

/**
 * Mean and standard deviation of the scores of an evenly spaced sample of at most 512 rows
 * (all rows of smaller matrices): enough to put members on one scale, at a fixed cost.
 */
function scoreMoments(matrix: SparseMatrix, model: LinearModel): [number, number] {
  const stride = Math.max(1, Math.floor(matrix.rowCount / 512));
  let count = 0;
  let sum = 0;
  let sumSquares = 0;
  for (let r = 0; r < matrix.rowCount; r += stride) {
    const s = rowDot(matrix, r, model.weights) + model.bias;
    sum += s;
    sumSquares += s * s;
    count++;
  }
  if (count === 0) return [0, 1];
  const mean = sum / count;
  return [mean, Math.sqrt(Math.max(0, sumSquares / count - mean * mean))];
}

function addScaled(target: Float64Array, source: Float64Array, factor: number): void {
  const m = target.length;
  for (let j = 0; j < m; j++) target[j] = (target[j] as number) + factor * (source[j] as number);
}

/**
 * Dual coordinate descent for the L2-regularised squared-hinge SVM: Hsieh, Chang, Lin, Keerthi
 * & Sundararajan (ICML 2008), Algorithm 1, the solver behind liblinear and scikit-learn's
 * LinearSVC. The bias is an extra constant feature 1 (liblinear's convention), so it is
 * regularised too. Per-example costs C_i = C × class weight implement class balancing: with
 * 1 relevant record among 50 labelled, the relevant one counts 25 times.
 */
function trainSvm(
  matrix: SparseMatrix,
  rows: readonly number[],
  labels: readonly boolean[],
  settings: Extract<ModelSettings['classifier'], { kind: 'svm' }>,
  warmStart: LinearModel | undefined,
  seed: number,
): LinearModel {
  const weights = warmStart ? Float64Array.from(warmStart.weights) : new Float64Array(matrix.columnCount);
  let bias = warmStart ? warmStart.bias : 0;
  const dual = warmStart?.dual ? Float64Array.from(warmStart.dual) : new Float64Array(matrix.rowCount);
  const n = rows.length;
  let positives = 0;
  for (const l of labels) if (l) positives++;
  const negatives = n - positives;
  const weightPos = positives > 0 ? (n / (2 * positives)) * settings.positiveWeight : 0;
  const weightNeg = negatives > 0 ? n / (2 * negatives) : 0;

  const diag = new Float64Array(n);
  const qii = new Float64Array(n);
  const ys = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    const ci = settings.c * (labels[k] ? weightPos : weightNeg);
    diag[k] = 1 / (2 * ci);
    qii[k] = rowSquaredNorm(matrix, rows[k] as number) + 1 + (diag[k] as number);
    ys[k] = labels[k] ? 1 : -1;
  }
  const order = Int32Array.from({ length: n }, (_, k) => k);
  const random = createSeededRandom(seed);
  const { indptr, indices, values } = matrix;
  let epoch = 0;
  for (; epoch < settings.maxEpochs; epoch++) {
    shuffleInPlace(order, random);
    let maxViolation = 0;
    for (let t = 0; t < n; t++) {
      const k = order[t] as number;
      const row = rows[k] as number;
      const y = ys[k] as number;
      const start = indptr[row] as number;
      const end = indptr[row + 1] as number;
      let dot = bias;
      for (let p = start; p < end; p++)
        dot += (values[p] as number) * (weights[indices[p] as number] as number);
      const alpha = dual[row] as number;
      const g = y * dot - 1 + (diag[k] as number) * alpha;
      const pg = alpha === 0 ? Math.min(g, 0) : g;
      const violation = Math.abs(pg);
      if (violation > maxViolation) maxViolation = violation;
      if (violation > 1e-12) {
        const next = Math.max(alpha - g / (qii[k] as number), 0);
        const step = (next - alpha) * y;
        dual[row] = next;
        for (let p = start; p < end; p++) {
          const j = indices[p] as number;
          weights[j] = (weights[j] as number) + step * (values[p] as number);
        }
        bias += step;
      }
    }
    if (maxViolation < settings.tolerance) {
      epoch++;
      break;
    }
  }
  return { type: 'linear-model', weights, bias, dual, epochs: epoch };
}

/**
 * Multinomial naive Bayes on tf-idf weights (Rennie et al. 2003 show tf-idf inputs help NB on
 * text), with equal class priors so the 1-in-50 prevalence of relevant records does not push
 * every score down; Laplace/Lidstone smoothing `alpha`.
 */
function trainNaiveBayes(
  matrix: SparseMatrix,
  rows: readonly number[],
  labels: readonly boolean[],
  alpha: number,
): LinearModel {
  const m = matrix.columnCount;
  const pos = new Float64Array(m);
  const neg = new Float64Array(m);
  let posTotal = 0;
  let negTotal = 0;
  const { indptr, indices, values } = matrix;
  for (let k = 0; k < rows.length; k++) {
    const row = rows[k] as number;
    const target = labels[k] ? pos : neg;
    let sum = 0;
    for (let p = indptr[row] as number; p < (indptr[row + 1] as number); p++) {
      const j = indices[p] as number;
      target[j] = (target[j] as number) + (values[p] as number);
      sum += values[p] as number;
    }
    if (labels[k]) posTotal += sum;
    else negTotal += sum;
  }
  // Class means instead of sums: equivalent to up-sampling the rare class to the size of the
  // common one, so `alpha` smooths both classes on the same scale.
  let nPos = 0;
  for (const l of labels) if (l) nPos++;
  const nNeg = rows.length - nPos;
  const scalePos = nPos > 0 ? 1 / nPos : 0;
  const scaleNeg = nNeg > 0 ? 1 / nNeg : 0;
  for (let j = 0; j < m; j++) {
    pos[j] = (pos[j] as number) * scalePos;
    neg[j] = (neg[j] as number) * scaleNeg;
  }
  posTotal *= scalePos;
  negTotal *= scaleNeg;
  const weights = new Float64Array(m);
  const logPos = Math.log(posTotal + alpha * m);
  const logNeg = Math.log(negTotal + alpha * m);
  for (let j = 0; j < m; j++) {
    weights[j] =
      Math.log((pos[j] as number) + alpha) - logPos - (Math.log((neg[j] as number) + alpha) - logNeg);
  }
  return { type: 'linear-model', weights, bias: 0, dual: undefined, epochs: 1 };
}

/**
 * scikit-learn's MultinomialNB on a resampled training set, as ASReview v1 trains it: the
 * "double" balance picks how many relevant and irrelevant rows the set has (its size stays the
 * labelled count), relevant rows are copied and irrelevant rows drawn without replacement
 * (or copied, when there are too few), then
 *   weight_j = ln((S1_j + alpha) / (S1 + alpha m)) − ln((S0_j + alpha) / (S0 + alpha m)),
 * S_c_j the sum of feature j over class c's rows in the set (with multiplicity), S_c its total,
 * m the number of features; bias = ln(n1 / n0) of the set, the log prior ratio. With only one
 * class labelled, all labelled rows are used once.
 */
function trainResampledNaiveBayes(
  matrix: SparseMatrix,
  rows: readonly number[],
  labels: readonly boolean[],
  settings: Extract<ModelSettings['classifier'], { kind: 'multinomial-nb' }>,
  random: RandomSource,
): LinearModel {
  const ones: number[] = [];
  const zeros: number[] = [];
  for (let k = 0; k < rows.length; k++) (labels[k] ? ones : zeros).push(rows[k] as number);
  let onesTimes: Uint32Array;
  let zerosTimes: Uint32Array;
  if (ones.length > 0 && zeros.length > 0) {
    const sizes = doubleBalanceSizes(ones.length, zeros.length, settings.balance, random);
    onesTimes = fillTraining(ones.length, sizes.ones, random);
    zerosTimes = fillTraining(zeros.length, sizes.zeros, random);
  } else {
    onesTimes = new Uint32Array(ones.length).fill(1);
    zerosTimes = new Uint32Array(zeros.length).fill(1);
  }
  const m = matrix.columnCount;
  const { indptr, indices, values } = matrix;
  const accumulate = (classRows: number[], times: Uint32Array, sums: Float64Array): [number, number] => {
    let total = 0;
    let count = 0;
    for (let k = 0; k < classRows.length; k++) {
      const t = times[k] as number;
      if (t === 0) continue;
      count += t;
      const row = classRows[k] as number;
      const end = indptr[row + 1] as number;
      for (let p = indptr[row] as number; p < end; p++) {
        const v = t * (values[p] as number);
        const j = indices[p] as number;
        sums[j] = (sums[j] as number) + v;
        total += v;
      }
    }
    return [total, count];
  };
  const pos = new Float64Array(m);
  const neg = new Float64Array(m);
  const [posTotal, posCount] = accumulate(ones, onesTimes, pos);
  const [negTotal, negCount] = accumulate(zeros, zerosTimes, neg);
  const alpha = settings.alpha;
  const logPos = Math.log(posTotal + alpha * m);
  const logNeg = Math.log(negTotal + alpha * m);
  // Columns no training row touches all get the same weight: fill it, then fix the touched ones.
  const weights = new Float64Array(m).fill(logNeg - logPos);
  const logAlpha = Math.log(alpha);
  const done = new Uint8Array(m);
  const fix = (classRows: number[]) => {
    for (const row of classRows) {
      const end = indptr[row + 1] as number;
      for (let p = indptr[row] as number; p < end; p++) {
        const j = indices[p] as number;
        if (done[j]) continue;
        done[j] = 1;
        const pj = pos[j] as number;
        const nj = neg[j] as number;
        weights[j] =
          (pj > 0 ? Math.log(pj + alpha) : logAlpha) -
          logPos -
          (nj > 0 ? Math.log(nj + alpha) : logAlpha) +
          logNeg;
      }
    }
  };
  fix(ones);
  fix(zeros);
  const bias = posCount > 0 && negCount > 0 ? Math.log(posCount / negCount) : 0;
  return { type: 'linear-model', weights, bias, dual: undefined, epochs: 1 };
}

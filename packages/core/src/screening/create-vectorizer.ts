import type { ModelSettings } from './model-settings.js';
import type { SparseMatrix } from './sparse-matrix.js';
import { englishStopWords } from './stop-words.js';
import { tokenize } from './tokenize.js';

export interface TfidfMatrix extends SparseMatrix {
  /** The term of each column, for explaining a ranking. */
  readonly terms: readonly string[];
}

/**
 * Vectorise once: TF-IDF rows, L2-normalised, over unigrams and bigrams. The vocabulary is
 * fitted on all texts (labelled or not) because in screening every text is known up front;
 * only the labels arrive over time.
 *
 * idf = ln((1 + n) / (1 + df)) + 1, scikit-learn's smoothed idf, so a term in every document
 * still gets weight 1 rather than 0.
 */
export function createVectorizer(texts: readonly string[], settings: ModelSettings['features']): TfidfMatrix {
  const [minN, maxN] = settings.ngramRange;
  const stopWords = settings.stopWords === 'english' ? englishStopWords : undefined;
  const vocabulary = new Map<string, number>();
  const terms: string[] = [];
  const df: number[] = [];
  const docTermIds: Int32Array[] = [];
  const docCounts: Int32Array[] = [];
  for (const text of texts) {
    const all = tokenize(text);
    const tokens = stopWords ? all.filter((t) => !stopWords.has(t)) : all;
    const counts = new Map<number, number>();
    for (let n = minN; n <= maxN; n++) {
      for (let i = 0; i + n <= tokens.length; i++) {
        const term = n === 1 ? (tokens[i] as string) : tokens.slice(i, i + n).join(' ');
        let id = vocabulary.get(term);
        if (id === undefined) {
          id = terms.length;
          vocabulary.set(term, id);
          terms.push(term);
          df.push(0);
        }
        counts.set(id, (counts.get(id) ?? 0) + 1);
      }
    }
    const ids = new Int32Array(counts.size);
    const cs = new Int32Array(counts.size);
    let k = 0;
    for (const [id, c] of counts) {
      ids[k] = id;
      cs[k] = c;
      df[id] = (df[id] as number) + 1;
      k++;
    }
    docTermIds.push(ids);
    docCounts.push(cs);
  }

  const n = texts.length;
  const maxDfCount = settings.maxDf * n;
  const column = new Int32Array(terms.length).fill(-1);
  const keptTerms: string[] = [];
  const idf: number[] = [];
  for (let id = 0; id < terms.length; id++) {
    const d = df[id] as number;
    if (d < settings.minDf || d > maxDfCount) continue;
    column[id] = keptTerms.length;
    keptTerms.push(terms[id] as string);
    idf.push(Math.log((1 + n) / (1 + d)) + 1);
  }

  const indptr = new Int32Array(n + 1);
  let nnz = 0;
  for (let r = 0; r < n; r++) {
    for (const id of docTermIds[r] as Int32Array) if ((column[id] as number) >= 0) nnz++;
    indptr[r + 1] = nnz;
  }
  const indices = new Int32Array(nnz);
  const values = new Float64Array(nnz);
  for (let r = 0; r < n; r++) {
    const ids = docTermIds[r] as Int32Array;
    const cs = docCounts[r] as Int32Array;
    const start = indptr[r] as number;
    let k = start;
    let norm = 0;
    for (let j = 0; j < ids.length; j++) {
      const col = column[ids[j] as number] as number;
      if (col < 0) continue;
      const tf = cs[j] as number;
      const v = (settings.sublinearTf ? 1 + Math.log(tf) : tf) * (idf[col] as number);
      indices[k] = col;
      values[k] = v;
      norm += v * v;
      k++;
    }
    if (norm > 0) {
      const inv = 1 / Math.sqrt(norm);
      for (let j = start; j < k; j++) values[j] = (values[j] as number) * inv;
    }
  }
  return {
    type: 'sparse-matrix',
    rowCount: n,
    columnCount: keptTerms.length,
    indptr,
    indices,
    values,
    terms: keptTerms,
  };
}

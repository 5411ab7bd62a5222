/** A stretch of text both versions share: `old[oldStart, +length)` equals `new[newStart, +length)`. */
export interface EqualRun {
  oldStart: number;
  newStart: number;
  length: number;
}

/** How one text became another: the shared stretches in order; everything between them changed. */
export interface TextDiff {
  runs: EqualRun[];
  oldLength: number;
  newLength: number;
}

/** Gaps with no token unique to both sides are aligned by LCS only when this small (cells). */
const SMALL_GAP_CELLS = 4096;

/**
 * The shared stretches of two texts, found once per edit so thousands of codings map in
 * O(log n) each. Word tokens are aligned by patience diff (Bram Cohen's: tokens unique on both
 * sides anchor the alignment, then each gap recurses), which stays near-linear on a 1 MB
 * transcript, keeps a moved paragraph's neighbours aligned, and is not misled by the common
 * words two unrelated sentences share. Changed gaps are then trimmed character by character,
 * so a typo fix leaves the rest of its word aligned.
 */
export function diffTexts(oldText: string, newText: string): TextDiff {
  const oldLength = oldText.length;
  const newLength = newText.length;
  let prefix = 0;
  const shorter = Math.min(oldLength, newLength);
  while (prefix < shorter && oldText.charCodeAt(prefix) === newText.charCodeAt(prefix)) prefix++;
  let suffix = 0;
  while (
    suffix < shorter - prefix &&
    oldText.charCodeAt(oldLength - 1 - suffix) === newText.charCodeAt(newLength - 1 - suffix)
  )
    suffix++;

  const runs: EqualRun[] = [];
  if (prefix > 0) runs.push({ oldStart: 0, newStart: 0, length: prefix });
  const oldMiddle = oldText.slice(prefix, oldLength - suffix);
  const newMiddle = newText.slice(prefix, newLength - suffix);
  if (oldMiddle.length > 0 && newMiddle.length > 0) {
    const middleRuns = diffTokens(oldMiddle, newMiddle);
    let oldAt = 0;
    let newAt = 0;
    for (const run of [
      ...middleRuns,
      { oldStart: oldMiddle.length, newStart: newMiddle.length, length: 0 },
    ]) {
      trimGap(oldMiddle, oldAt, run.oldStart, newMiddle, newAt, run.newStart, prefix, runs);
      if (run.length > 0)
        runs.push({ oldStart: run.oldStart + prefix, newStart: run.newStart + prefix, length: run.length });
      oldAt = run.oldStart + run.length;
      newAt = run.newStart + run.length;
    }
  }
  if (suffix > 0) runs.push({ oldStart: oldLength - suffix, newStart: newLength - suffix, length: suffix });
  return { runs: mergeAdjacent(runs), oldLength, newLength };
}

/** Shared characters at both ends of one changed gap become runs of their own. */
function trimGap(
  a: string,
  a0: number,
  a1: number,
  b: string,
  b0: number,
  b1: number,
  shift: number,
  out: EqualRun[],
): void {
  let head = 0;
  while (a0 + head < a1 && b0 + head < b1 && a.charCodeAt(a0 + head) === b.charCodeAt(b0 + head)) head++;
  let tail = 0;
  while (
    a0 + head < a1 - tail &&
    b0 + head < b1 - tail &&
    a.charCodeAt(a1 - 1 - tail) === b.charCodeAt(b1 - 1 - tail)
  )
    tail++;
  if (head > 0) out.push({ oldStart: a0 + shift, newStart: b0 + shift, length: head });
  if (tail > 0) out.push({ oldStart: a1 - tail + shift, newStart: b1 - tail + shift, length: tail });
}

function mergeAdjacent(runs: EqualRun[]): EqualRun[] {
  const merged: EqualRun[] = [];
  for (const run of runs) {
    if (run.length === 0) continue;
    const last = merged[merged.length - 1];
    if (last && last.oldStart + last.length === run.oldStart && last.newStart + last.length === run.newStart)
      last.length += run.length;
    else merged.push({ ...run });
  }
  return merged;
}

interface Tokens {
  ids: Int32Array;
  /** Character offset of each token, with the text's length after the last. */
  starts: Int32Array;
}

/** A word with the whitespace after it is one token: halves the count and keeps spacing edits local. */
function tokenize(text: string, vocabulary: Map<string, number>): Tokens {
  const ids: number[] = [];
  const starts: number[] = [];
  let i = 0;
  while (i < text.length) {
    const start = i;
    while (i < text.length && text.charCodeAt(i) !== 32) i++;
    while (i < text.length && text.charCodeAt(i) === 32) i++;
    const token = text.slice(start, i);
    let id = vocabulary.get(token);
    if (id === undefined) {
      id = vocabulary.size;
      vocabulary.set(token, id);
    }
    ids.push(id);
    starts.push(start);
  }
  starts.push(text.length);
  return { ids: Int32Array.from(ids), starts: Int32Array.from(starts) };
}

/** Equal character runs of two texts from a patience alignment of their tokens, in order. */
function diffTokens(oldText: string, newText: string): EqualRun[] {
  const vocabulary = new Map<string, number>();
  const a = tokenize(oldText, vocabulary);
  const b = tokenize(newText, vocabulary);
  const matches = patienceMatches(a.ids, b.ids, vocabulary.size);
  const runs: EqualRun[] = [];
  for (const [ai, bi, count] of matches) {
    const oldStart = a.starts[ai] as number;
    runs.push({
      oldStart,
      newStart: b.starts[bi] as number,
      length: (a.starts[ai + count] as number) - oldStart,
    });
  }
  return mergeAdjacent(runs);
}

type Match = [oldIndex: number, newIndex: number, count: number];

function patienceMatches(a: Int32Array, b: Int32Array, vocabularySize: number): Match[] {
  const countA = new Int32Array(vocabularySize);
  const countB = new Int32Array(vocabularySize);
  const indexB = new Int32Array(vocabularySize);
  const matches: Match[] = [];
  const stack: [number, number, number, number][] = [[0, a.length, 0, b.length]];
  while (stack.length > 0) {
    let [a0, a1, b0, b1] = stack.pop() as [number, number, number, number];
    let head = 0;
    while (a0 + head < a1 && b0 + head < b1 && a[a0 + head] === b[b0 + head]) head++;
    if (head > 0) matches.push([a0, b0, head]);
    a0 += head;
    b0 += head;
    let tail = 0;
    while (a0 < a1 - tail && b0 < b1 - tail && a[a1 - 1 - tail] === b[b1 - 1 - tail]) tail++;
    if (tail > 0) matches.push([a1 - tail, b1 - tail, tail]);
    a1 -= tail;
    b1 -= tail;
    if (a0 >= a1 || b0 >= b1) continue;

    let width = 1;
    let pairs = uniqueTokenPairs(a, a0, a1, b, b0, b1, countA, countB, indexB);
    // Transcripts repeat their words; where no single token is unique on both sides, runs of
    // tokens (4, then 16) usually are.
    for (const k of [4, 16]) {
      if (pairs.length > 0 || (a1 - a0) * (b1 - b0) <= SMALL_GAP_CELLS) break;
      pairs = uniqueGramPairs(a, a0, a1, b, b0, b1, k);
      width = k;
    }
    if (pairs.length === 0) {
      if ((a1 - a0) * (b1 - b0) <= SMALL_GAP_CELLS) lcsMatches(a, a0, a1, b, b0, b1, matches);
      continue;
    }
    let prevA = a0;
    let prevB = b0;
    for (const [i, j] of longestIncreasing(pairs)) {
      if (i < prevA || j < prevB) continue; // overlaps the previous run of tokens
      matches.push([i, j, width]);
      stack.push([prevA, i, prevB, j]);
      prevA = i + width;
      prevB = j + width;
    }
    stack.push([prevA, a1, prevB, b1]);
  }
  return matches.sort((x, y) => x[0] - y[0]);
}

function uniqueTokenPairs(
  a: Int32Array,
  a0: number,
  a1: number,
  b: Int32Array,
  b0: number,
  b1: number,
  countA: Int32Array,
  countB: Int32Array,
  indexB: Int32Array,
): [number, number][] {
  for (let i = a0; i < a1; i++) {
    const id = a[i] as number;
    countA[id] = (countA[id] as number) + 1;
  }
  for (let j = b0; j < b1; j++) {
    const id = b[j] as number;
    countB[id] = (countB[id] as number) + 1;
    indexB[id] = j;
  }
  const pairs: [number, number][] = [];
  for (let i = a0; i < a1; i++) {
    const id = a[i] as number;
    if (countA[id] === 1 && countB[id] === 1) pairs.push([i, indexB[id] as number]);
  }
  for (let i = a0; i < a1; i++) countA[a[i] as number] = 0;
  for (let j = b0; j < b1; j++) countB[b[j] as number] = 0;
  return pairs;
}

function gramHash(tokens: Int32Array, at: number, k: number): number {
  let hash = 0x811c9dc5;
  for (let t = at; t < at + k; t++) hash = Math.imul(hash ^ (tokens[t] as number), 0x01000193);
  return hash >>> 0;
}

function sameGram(a: Int32Array, i: number, b: Int32Array, j: number, k: number): boolean {
  for (let t = 0; t < k; t++) if (a[i + t] !== b[j + t]) return false;
  return true;
}

/** Start pairs of k-token runs that occur once on each side (hashes confirmed token by token). */
function uniqueGramPairs(
  a: Int32Array,
  a0: number,
  a1: number,
  b: Int32Array,
  b0: number,
  b1: number,
  k: number,
): [number, number][] {
  const seen = new Map<number, { inA: number; atA: number; inB: number; atB: number }>();
  for (let i = a0; i + k <= a1; i++) {
    const hash = gramHash(a, i, k);
    const entry = seen.get(hash);
    if (entry) entry.inA++;
    else seen.set(hash, { inA: 1, atA: i, inB: 0, atB: -1 });
  }
  for (let j = b0; j + k <= b1; j++) {
    const entry = seen.get(gramHash(b, j, k));
    if (entry) {
      entry.inB++;
      entry.atB = j;
    }
  }
  const pairs: [number, number][] = [];
  for (const { inA, atA, inB, atB } of seen.values())
    if (inA === 1 && inB === 1 && sameGram(a, atA, b, atB, k)) pairs.push([atA, atB]);
  return pairs.sort((x, y) => x[0] - y[0]);
}

/** The longest chain of pairs increasing in both indices (pairs come sorted by the first), O(k log k). */
function longestIncreasing(pairs: [number, number][]): [number, number][] {
  const tails: number[] = [];
  const previous = new Int32Array(pairs.length);
  for (let p = 0; p < pairs.length; p++) {
    const value = (pairs[p] as [number, number])[1];
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((pairs[tails[mid] as number] as [number, number])[1] < value) lo = mid + 1;
      else hi = mid;
    }
    previous[p] = lo > 0 ? (tails[lo - 1] as number) : -1;
    tails[lo] = p;
  }
  const chain: [number, number][] = [];
  for (let p = tails.length > 0 ? (tails[tails.length - 1] as number) : -1; p >= 0; p = previous[p] as number)
    chain.push(pairs[p] as [number, number]);
  return chain.reverse();
}

/** Classic LCS table for a small gap, so repeated words inside it still align. */
function lcsMatches(
  a: Int32Array,
  a0: number,
  a1: number,
  b: Int32Array,
  b0: number,
  b1: number,
  out: Match[],
): void {
  const n = a1 - a0;
  const m = b1 - b0;
  const table = new Int32Array((n + 1) * (m + 1));
  for (let i = n - 1; i >= 0; i--)
    for (let j = m - 1; j >= 0; j--)
      table[i * (m + 1) + j] =
        a[a0 + i] === b[b0 + j]
          ? (table[(i + 1) * (m + 1) + j + 1] as number) + 1
          : Math.max(table[(i + 1) * (m + 1) + j] as number, table[i * (m + 1) + j + 1] as number);
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[a0 + i] === b[b0 + j]) {
      out.push([a0 + i, b0 + j, 1]);
      i++;
      j++;
    } else if ((table[(i + 1) * (m + 1) + j] as number) >= (table[i * (m + 1) + j + 1] as number)) i++;
    else j++;
  }
}

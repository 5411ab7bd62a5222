import { levenshteinSimilarity } from '../dedup/string-similarity.js';
import type { Anchor } from './anchor.js';
import { approximateSearch } from './approximate-search.js';
import { mapOffset } from './map-offset.js';
import {
  type NormalizedText,
  normalizeQuote,
  normalizeText,
  rawEndOf,
  rawStartOf,
  toNormalizedOffset,
} from './normalized-text.js';
import { diffTexts, type TextDiff } from './text-diff.js';

/**
 * kept: same offsets, same quote. moved: the exact quote (whitespace runs folded), elsewhere.
 * fuzzy: a close match. orphan: nothing close enough; the caller keeps the coding for review and
 * `start`/`end` are only the best guess of where it was.
 */
export type ReanchorStatus = 'kept' | 'moved' | 'fuzzy' | 'orphan';

export interface ReanchorResult {
  status: ReanchorStatus;
  start: number;
  end: number;
  /** 1 for kept and moved; for fuzzy and orphan the weighted quote and context similarity. */
  score: number;
}

export interface ReanchorOptions {
  /** Lowest score a fuzzy match may have; below it the coding is an orphan. */
  minScore?: number;
}

export const DEFAULT_MIN_FUZZY_SCORE = 0.6;
/** A match the diff carried to its place may have lost up to half its quote (a rewritten phrase). */
const MIN_QUOTE_SIMILARITY_MAPPED = 0.5;
/** A match found only by searching near the old place must look much more like the quote. */
const MIN_QUOTE_SIMILARITY_SEARCHED = 0.75;
/** Weights of quote, prefix and suffix similarity in a fuzzy score (Hypothesis weighs 50:20:20). */
const QUOTE_WEIGHT = 0.6;
const CONTEXT_WEIGHT = 0.2;
/** A repeated phrase shorter than this needs its context to match before it counts as moved. */
const SELF_EVIDENT_QUOTE_LENGTH = 32;
/** Occurrences whose context scores within this of the best are told apart by distance. */
const CONTEXT_TIE = 0.05;
const MAX_OCCURRENCES = 1000;
/** Cells of the approximate search's table we allow per coding (about 10 ms). */
const MAX_SEARCH_CELLS = 4_000_000;

interface Edit {
  oldText: string;
  newText: string;
  oldFolded: NormalizedText;
  newFolded: NormalizedText;
  diff: TextDiff;
  minScore: number;
}

/**
 * Re-anchors codings made on `oldText` to `newText` (DESIGN.md: position if the quote still
 * matches, else the exact quote near the old place, else a fuzzy match with a score, else an
 * orphan). One diff of the two texts, folded so whitespace and line endings do not count, maps
 * every coding in O(log n); only codings whose words the edit touched are searched.
 */
export function reanchor(
  oldText: string,
  newText: string,
  anchors: readonly Anchor[],
  options: ReanchorOptions = {},
): ReanchorResult[] {
  // Most edits touch one place: codings wholly in the unchanged head or tail of the text are
  // settled by comparing offsets, and the folded diff is built only if any coding is left.
  const shorter = Math.min(oldText.length, newText.length);
  let head = 0;
  while (head < shorter && oldText.charCodeAt(head) === newText.charCodeAt(head)) head++;
  let tail = 0;
  while (
    tail < shorter - head &&
    oldText.charCodeAt(oldText.length - 1 - tail) === newText.charCodeAt(newText.length - 1 - tail)
  )
    tail++;
  const shift = newText.length - oldText.length;
  const tailStart = oldText.length - tail;

  let edit: Edit | undefined;
  return anchors.map((anchor) => {
    const { start, end } = anchor.position;
    const { exact } = anchor.quote;
    if (end <= head && newText.slice(start, end) === exact) return { status: 'kept', start, end, score: 1 };
    if (start >= tailStart && newText.slice(start + shift, end + shift) === exact) {
      if (shift === 0) return { status: 'kept', start, end, score: 1 };
      return { status: 'moved', start: start + shift, end: end + shift, score: 1 };
    }
    edit ??= prepareEdit(oldText, newText, options);
    return reanchorOne(edit, anchor);
  });
}

function prepareEdit(oldText: string, newText: string, options: ReanchorOptions): Edit {
  const oldFolded = normalizeText(oldText);
  const newFolded = normalizeText(newText);
  return {
    oldText,
    newText,
    oldFolded,
    newFolded,
    diff: diffTexts(oldFolded.text, newFolded.text),
    minScore: options.minScore ?? DEFAULT_MIN_FUZZY_SCORE,
  };
}

function reanchorOne(edit: Edit, anchor: Anchor): ReanchorResult {
  const { oldFolded, newFolded, newText } = edit;
  const { start, end } = anchor.position;
  const { exact } = anchor.quote;
  const quote = normalizeQuote(exact);
  if (quote.length === 0) {
    const same = newText.slice(start, end) === exact;
    const at = Math.min(start, newText.length);
    return same
      ? { status: 'kept', start, end, score: 1 }
      : { status: 'orphan', start: at, end: at, score: 0 };
  }

  let foldedStart = toNormalizedOffset(oldFolded, start);
  let foldedEnd = toNormalizedOffset(oldFolded, end);
  while (foldedStart < foldedEnd && oldFolded.text.charCodeAt(foldedStart) === 32) foldedStart++;
  while (foldedEnd > foldedStart && oldFolded.text.charCodeAt(foldedEnd - 1) === 32) foldedEnd--;
  const mappedStart = mapOffset(edit.diff, foldedStart, 'start');
  const mappedEnd = mapOffset(edit.diff, foldedEnd, 'end');

  if (
    mappedStart.survived &&
    mappedEnd.survived &&
    mappedStart.run === mappedEnd.run &&
    newFolded.text.slice(mappedStart.offset, mappedEnd.offset) === quote
  ) {
    const newStart = rawStartOf(newFolded, mappedStart.offset);
    if (newText.slice(start, end) === exact && newStart === rawStartOf(oldFolded, foldedStart))
      return { status: 'kept', start, end, score: 1 };
    return { status: 'moved', start: newStart, end: rawEndOf(newFolded, mappedEnd.offset), score: 1 };
  }

  const context = foldedContext(anchor);
  const expected = mappedStart.offset;
  const accepted = (candidate: Candidate | undefined, minQuoteSimilarity: number) =>
    candidate !== undefined &&
    candidate.score >= edit.minScore &&
    candidate.quoteSimilarity >= minQuoteSimilarity;
  const mapped =
    mappedEnd.offset > mappedStart.offset
      ? scoreCandidate(newFolded.text, quote, context, mappedStart.offset, mappedEnd.offset)
      : undefined;
  const mappedFits = accepted(mapped, MIN_QUOTE_SIMILARITY_MAPPED);
  const elsewhere = findExactElsewhere(newFolded.text, quote, context, expected);
  // The same words elsewhere win over an edited version here only when their context is at least
  // as good; a long quote found anywhere wins when nothing here resembles it.
  if (
    elsewhere &&
    !(mapped && mappedFits && mapped.context > elsewhere.context) &&
    (elsewhere.context >= 0.5 || (!mappedFits && quote.length >= SELF_EVIDENT_QUOTE_LENGTH))
  ) {
    return {
      status: 'moved',
      start: rawStartOf(newFolded, elsewhere.at),
      end: rawEndOf(newFolded, elsewhere.at + quote.length),
      score: 1,
    };
  }
  if (mapped && mappedFits) return located(newFolded, 'fuzzy', mapped);
  const searched = searchNear(newFolded.text, quote, context, expected);
  if (searched && accepted(searched, MIN_QUOTE_SIMILARITY_SEARCHED))
    return located(newFolded, 'fuzzy', searched);
  const guess = [mapped, searched].reduce<Candidate | undefined>(
    (best, c) => (c && (!best || c.score > best.score) ? c : best),
    undefined,
  );
  if (!guess) {
    const at = rawStartOf(newFolded, expected);
    return { status: 'orphan', start: at, end: at, score: 0 };
  }
  return located(newFolded, 'orphan', guess);
}

function located(folded: NormalizedText, status: ReanchorStatus, candidate: Candidate): ReanchorResult {
  return {
    status,
    start: rawStartOf(folded, candidate.start),
    end: rawEndOf(folded, candidate.end),
    score: candidate.score,
  };
}

interface FoldedContext {
  prefix: string;
  suffix: string;
}

function foldedContext(anchor: Anchor): FoldedContext {
  return {
    prefix: anchor.quote.prefix.replace(/\s+/g, ' '),
    suffix: anchor.quote.suffix.replace(/\s+/g, ' '),
  };
}

function contextSimilarity(text: string, context: FoldedContext, start: number, end: number) {
  const before = text.slice(Math.max(0, start - context.prefix.length), start);
  const after = text.slice(end, end + context.suffix.length);
  return {
    prefix: levenshteinSimilarity(context.prefix, before),
    suffix: levenshteinSimilarity(context.suffix, after),
  };
}

/**
 * The exact quote elsewhere: the occurrence whose context matches best, the nearest to the old
 * place among equally good ones. A short phrase with a foreign context is not taken for the
 * coding (a name that anonymisation missed once elsewhere is not where the coding went).
 */
function findExactElsewhere(
  text: string,
  quote: string,
  context: FoldedContext,
  expected: number,
): { at: number; context: number } | undefined {
  const found: { at: number; context: number }[] = [];
  for (
    let at = text.indexOf(quote);
    at >= 0 && found.length < MAX_OCCURRENCES;
    at = text.indexOf(quote, at + 1)
  ) {
    const end = at + quote.length;
    // Most occurrences of a repeated phrase are told apart by an exact comparison, not a distance.
    const same =
      text.startsWith(context.prefix, at - context.prefix.length) && text.startsWith(context.suffix, end);
    if (same) found.push({ at, context: 1 });
    else {
      const { prefix, suffix } = contextSimilarity(text, context, at, end);
      found.push({ at, context: (prefix + suffix) / 2 });
    }
  }
  if (found.length === 0) return undefined;
  const bestContext = Math.max(...found.map((f) => f.context));
  let best: { at: number; context: number } | undefined;
  for (const f of found) {
    if (f.context < bestContext - CONTEXT_TIE) continue;
    if (!best || Math.abs(f.at - expected) < Math.abs(best.at - expected)) best = f;
  }
  return best;
}

interface Candidate {
  start: number;
  end: number;
  quoteSimilarity: number;
  /** Mean of prefix and suffix similarity. */
  context: number;
  score: number;
}

function scoreCandidate(
  text: string,
  quote: string,
  context: FoldedContext,
  start: number,
  end: number,
): Candidate {
  const quoteSimilarity = levenshteinSimilarity(quote, text.slice(start, end));
  const { prefix, suffix } = contextSimilarity(text, context, start, end);
  return {
    start,
    end,
    quoteSimilarity,
    context: (prefix + suffix) / 2,
    score: QUOTE_WEIGHT * quoteSimilarity + CONTEXT_WEIGHT * (prefix + suffix),
  };
}

/** Approximate search in a window around where the coding should be. */
function searchNear(
  text: string,
  quote: string,
  context: FoldedContext,
  expected: number,
): Candidate | undefined {
  const slack = Math.max(64, quote.length);
  const from = Math.max(0, expected - slack);
  const to = Math.min(text.length, expected + quote.length + slack);
  if (quote.length * (to - from) > MAX_SEARCH_CELLS) return undefined;
  const maxErrors = Math.floor(quote.length * (1 - MIN_QUOTE_SIMILARITY_SEARCHED));
  const match = approximateSearch(text, quote, from, to, maxErrors, expected);
  if (!match) return undefined;
  let { start, end } = match;
  while (start < end && text.charCodeAt(start) === 32) start++;
  while (end > start && text.charCodeAt(end - 1) === 32) end--;
  if (end <= start) return undefined;
  return scoreCandidate(text, quote, context, start, end);
}

/**
 * A fuzzy placement stays fuzzy until a coder confirms it: re-anchored again by a later edit
 * elsewhere, its (updated) quote matches exactly, but nobody has yet said it is the right text.
 * The score of the fuzzy match is kept with it; a placement now lost is an orphan all the same.
 */
export function carryUnconfirmed(
  previous: { status: ReanchorStatus; score: number },
  placed: ReanchorResult,
): ReanchorResult {
  if (previous.status !== 'fuzzy' || (placed.status !== 'kept' && placed.status !== 'moved')) return placed;
  return { ...placed, status: 'fuzzy', score: Math.min(placed.score, previous.score) };
}

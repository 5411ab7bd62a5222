/**
 * Keyword highlighting on the screening screen. A keyword list entry is a word or phrase with `*`
 * as a wildcard for any run of letters/digits (`collaborat*` matches "collaboration",
 * "collaborative"; `*therapy` matches "psychotherapy"). Matching is case- and accent-insensitive
 * and respects word boundaries, so `trial` does not light up inside "industrial".
 */

export type KeywordKind = 'include' | 'exclude';

export interface TextSegment {
  text: string;
  /** Set when this segment matched a keyword; include wins when both lists match the same span. */
  kind: KeywordKind | null;
  /** The keyword (as the lead typed it) that matched. */
  keyword: string | null;
}

interface CompiledKeyword {
  keyword: string;
  kind: KeywordKind;
  pattern: RegExp;
}

const WORD = '[\\p{L}\\p{N}]';

function escapeRegExp(text: string): string {
  return text.replace(/[.+?^${}()|[\]\\]/g, '\\$&');
}

/** One keyword as a regular expression (global, unicode, case-insensitive), or null when empty. */
export function keywordPattern(keyword: string): RegExp | null {
  const trimmed = keyword.trim().replace(/\s+/g, ' ');
  if (!trimmed || /^\*+$/.test(trimmed)) return null;
  const body = trimmed
    .split('*')
    .map((part) => escapeRegExp(part).replace(/ /g, '[\\s\\-]+'))
    .join(`${WORD}*`);
  return new RegExp(`(?<!${WORD})${body}(?!${WORD})`, 'giu');
}

export function compileKeywords(include: string[], exclude: string[]): CompiledKeyword[] {
  const out: CompiledKeyword[] = [];
  for (const [kind, list] of [
    ['include', include],
    ['exclude', exclude],
  ] as const)
    for (const keyword of list) {
      const pattern = keywordPattern(keyword);
      if (pattern) out.push({ keyword, kind, pattern });
    }
  return out;
}

/** Strips accents so "éducation" matches "education"; keeps string length for most Latin text. */
function fold(text: string): string {
  const folded = text.normalize('NFD').replace(/\p{M}/gu, '');
  // Only fold when the length is unchanged, so match offsets stay valid for the original text.
  return folded.length === text.length ? folded : text;
}

/**
 * Splits `text` into plain and highlighted segments. Overlapping matches are merged into the
 * earliest, longest match; an include keyword beats an exclude keyword on the same span.
 */
export function highlightKeywords(text: string, keywords: CompiledKeyword[]): TextSegment[] {
  if (!text) return [];
  if (keywords.length === 0) return [{ text, kind: null, keyword: null }];
  const haystack = fold(text);
  const matches: Array<{ start: number; end: number; kind: KeywordKind; keyword: string }> = [];
  for (const { keyword, kind, pattern } of keywords) {
    pattern.lastIndex = 0;
    for (const match of haystack.matchAll(pattern)) {
      if (match[0].length === 0) continue;
      const start = match.index ?? 0;
      matches.push({ start, end: start + match[0].length, kind, keyword });
    }
  }
  matches.sort(
    (a, b) => a.start - b.start || b.end - a.end || (a.kind === b.kind ? 0 : a.kind === 'include' ? -1 : 1),
  );
  const segments: TextSegment[] = [];
  let cursor = 0;
  for (const match of matches) {
    if (match.start < cursor) continue;
    if (match.start > cursor)
      segments.push({ text: text.slice(cursor, match.start), kind: null, keyword: null });
    segments.push({ text: text.slice(match.start, match.end), kind: match.kind, keyword: match.keyword });
    cursor = match.end;
  }
  if (cursor < text.length) segments.push({ text: text.slice(cursor), kind: null, keyword: null });
  return segments;
}

/** How many times each kind of keyword occurs in the texts (the hint beside the record). */
export function countKeywordHits(texts: string[], keywords: CompiledKeyword[]): Record<KeywordKind, number> {
  const counts = { include: 0, exclude: 0 };
  for (const text of texts)
    for (const segment of highlightKeywords(text, keywords)) if (segment.kind) counts[segment.kind]++;
  return counts;
}

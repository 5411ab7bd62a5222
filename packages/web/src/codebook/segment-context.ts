/** How much of the text around a coded passage the segments view shows. */
export type SegmentContext = 'none' | 'sentence' | 'paragraph';

export const SEGMENT_CONTEXT_LABELS: Record<SegmentContext, string> = {
  none: 'Passage only',
  sentence: 'Sentence',
  paragraph: 'Paragraph',
};

/* A sentence ends at . ! ? (with closing quotes or brackets) followed by a space, or at a line break. */
const SENTENCE_END = /[.!?…]["'”’)\]]*\s+|\n+/g;
const PARAGRAPH_BREAK = /\n\s*\n/g;

/**
 * The part of `before` and `after` (the text the server sends either side, about 200 characters)
 * that belongs to the passage's sentence or paragraph. `cut` says whether the context stops
 * short of the sentence or paragraph because the server's window ended first (then "…" is shown).
 */
export function segmentContext(
  before: string,
  after: string,
  mode: SegmentContext,
): { before: string; after: string; cutBefore: boolean; cutAfter: boolean } {
  if (mode === 'none') return { before: '', after: '', cutBefore: false, cutAfter: false };
  const boundary = mode === 'sentence' ? SENTENCE_END : PARAGRAPH_BREAK;
  let start = -1;
  for (const match of before.matchAll(boundary)) start = match.index + match[0].length;
  const end = after.search(boundary === SENTENCE_END ? /[.!?…]["'”’)\]]*(?=\s|$)|\n/ : /\n\s*\n/);
  const afterEnd =
    end < 0 ? after.length : mode === 'sentence' && after[end] !== '\n' ? sentenceStop(after, end) : end;
  return {
    before: start < 0 ? before : before.slice(start),
    after: after.slice(0, afterEnd),
    cutBefore: start < 0 && before.length >= 200,
    cutAfter: end < 0 && after.length >= 200,
  };
}

/** Just past the sentence's final punctuation and any closing quote or bracket. */
function sentenceStop(text: string, at: number): number {
  let i = at + 1;
  while (i < text.length && /["'”’)\]]/.test(text[i] as string)) i++;
  return i;
}

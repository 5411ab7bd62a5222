/**
 * A text with every run of whitespace (spaces, tabs, CR, LF, no-break spaces…) folded to one
 * space, and the way back to the original offsets. Re-anchoring compares and diffs folded texts
 * so a CRLF → LF conversion or a reflowed paragraph moves codings instead of orphaning them.
 */
export interface NormalizedText {
  text: string;
  /** `rawStart[i]`: the raw offset where folded character i begins; `rawStart[text.length]` = raw length. */
  rawStart: Int32Array;
  rawLength: number;
}

/** The characters JavaScript's `\s` matches, as char codes, tested without a regular expression. */
export function isWhitespaceCode(c: number): boolean {
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
  if (c < 0xa0) return false;
  return (
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

export function normalizeText(raw: string): NormalizedText {
  const rawStart = new Int32Array(raw.length + 1);
  const parts: string[] = [];
  let n = 0;
  let chunkStart = 0;
  let i = 0;
  while (i < raw.length) {
    if (!isWhitespaceCode(raw.charCodeAt(i))) {
      rawStart[n++] = i++;
      continue;
    }
    if (i > chunkStart) parts.push(raw.slice(chunkStart, i));
    parts.push(' ');
    rawStart[n++] = i;
    while (i < raw.length && isWhitespaceCode(raw.charCodeAt(i))) i++;
    chunkStart = i;
  }
  if (raw.length > chunkStart) parts.push(raw.slice(chunkStart));
  rawStart[n] = raw.length;
  return { text: parts.join(''), rawStart: rawStart.subarray(0, n + 1), rawLength: raw.length };
}

/** A quote folded the same way, without the whitespace at its ends (boundaries are not content). */
export function normalizeQuote(exact: string): string {
  return normalizeText(exact).text.trim();
}

/** The folded offset of a raw offset: how many folded characters begin before it. */
export function toNormalizedOffset(normalized: NormalizedText, rawOffset: number): number {
  const { rawStart, text } = normalized;
  let lo = 0;
  let hi = text.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((rawStart[mid] as number) < rawOffset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The raw offset where the folded range starting at `offset` starts. */
export function rawStartOf(normalized: NormalizedText, offset: number): number {
  return normalized.rawStart[offset] as number;
}

/** The raw offset where a folded range ending at `offset` ends (after a whole whitespace run). */
export function rawEndOf(normalized: NormalizedText, offset: number): number {
  if (offset === 0) return 0;
  if (normalized.text.charCodeAt(offset - 1) === 32) return normalized.rawStart[offset] as number;
  return (normalized.rawStart[offset - 1] as number) + 1;
}

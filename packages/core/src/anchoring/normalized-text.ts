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

export function normalizeText(raw: string): NormalizedText {
  const rawStart = new Int32Array(raw.length + 1);
  const parts: string[] = [];
  let n = 0;
  let at = 0;
  // A native regular expression finds the runs: a per-character loop is several times slower on 1 MB.
  const runs = /\s+/g;
  for (let match = runs.exec(raw); match !== null; match = runs.exec(raw)) {
    const runStart = match.index;
    if (runStart > at) parts.push(raw.slice(at, runStart));
    for (let i = at; i < runStart; i++) rawStart[n++] = i;
    parts.push(' ');
    rawStart[n++] = runStart;
    at = runStart + match[0].length;
  }
  if (raw.length > at) parts.push(raw.slice(at));
  for (let i = at; i < raw.length; i++) rawStart[n++] = i;
  rawStart[n] = raw.length;
  return { text: parts.join(''), rawStart: rawStart.subarray(0, n + 1), rawLength: raw.length };
}

/** A quote folded the same way, without the whitespace at its ends (boundaries are not content). */
export function normalizeQuote(exact: string): string {
  return exact.replace(/\s+/g, ' ').trim();
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

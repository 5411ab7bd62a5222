/**
 * The document's canonical text cut into blocks the virtualised view renders one per row.
 * Blocks come from the extracted structure (headings, paragraphs, transcript turns, PDF pages);
 * text the structure does not cover is cut at blank lines, and very long stretches at line or
 * word ends, so no row is taller than a few screens and every non-blank character is in a block.
 */

export type TextBlockKind = 'heading' | 'paragraph' | 'utterance' | 'page';

export interface TextBlock {
  kind: TextBlockKind;
  /** UTF-16 offsets into the version's text; a page marker is empty (start = end). */
  start: number;
  end: number;
  level?: number;
  speaker?: string;
  startMs?: number;
  page?: number;
}

/** Rows longer than this are cut, so a structureless megabyte still scrolls smoothly. */
export const MAX_BLOCK_LENGTH = 3000;

interface RawBlock {
  kind?: unknown;
  start?: unknown;
  end?: unknown;
  level?: unknown;
  speaker?: unknown;
  startMs?: unknown;
  page?: unknown;
}

const isOffset = (value: unknown): value is number => typeof value === 'number' && Number.isInteger(value);

export function textBlocks(text: string, structure: readonly unknown[]): TextBlock[] {
  const raw = structure
    .filter((b): b is RawBlock => typeof b === 'object' && b !== null)
    .filter((b) => isOffset(b.start) && isOffset(b.end))
    .map((b) => ({
      kind: (['heading', 'paragraph', 'utterance', 'page'].includes(String(b.kind))
        ? b.kind
        : 'paragraph') as TextBlockKind,
      start: Math.max(0, b.start as number),
      end: Math.min(text.length, b.end as number),
      level: typeof b.level === 'number' ? b.level : undefined,
      speaker: typeof b.speaker === 'string' ? b.speaker : undefined,
      startMs: typeof b.startMs === 'number' ? b.startMs : undefined,
      page: typeof b.page === 'number' ? b.page : undefined,
    }))
    .sort((a, b) => a.start - b.start || (a.kind === 'page' ? -1 : 0) - (b.kind === 'page' ? -1 : 0));

  const blocks: TextBlock[] = [];
  let cursor = 0;
  const fill = (until: number) => {
    if (until > cursor) blocks.push(...looseBlocks(text, cursor, until));
    cursor = Math.max(cursor, until);
  };
  for (const block of raw) {
    if (block.kind === 'page') {
      // A page is a marker row; its paragraphs (or loose text) follow it.
      fill(block.start);
      blocks.push({ kind: 'page', start: block.start, end: block.start, page: block.page });
      continue;
    }
    const start = Math.max(block.start, cursor);
    if (block.end <= start) continue;
    fill(start);
    for (const piece of cut(text, start, block.end)) blocks.push({ ...withoutUndefined(block), ...piece });
    cursor = block.end;
  }
  fill(text.length);
  return blocks;
}

function withoutUndefined(block: TextBlock): TextBlock {
  const out: TextBlock = { kind: block.kind, start: block.start, end: block.end };
  if (block.level !== undefined) out.level = block.level;
  if (block.speaker !== undefined) out.speaker = block.speaker;
  if (block.startMs !== undefined) out.startMs = block.startMs;
  if (block.page !== undefined) out.page = block.page;
  return out;
}

/** Paragraph blocks for text the structure does not cover: cut at blank lines, blank runs dropped. */
function looseBlocks(text: string, from: number, to: number): TextBlock[] {
  const out: TextBlock[] = [];
  const pattern = /\n\s*\n/g;
  pattern.lastIndex = from;
  let start = from;
  for (;;) {
    const match = pattern.exec(text);
    const stop = !match || match.index >= to ? to : match.index;
    pushTrimmed(text, start, stop, out);
    if (!match || match.index >= to) break;
    start = match.index + match[0].length;
  }
  return out;
}

function pushTrimmed(text: string, start: number, end: number, out: TextBlock[]): void {
  let s = start;
  let e = end;
  while (s < e && /\s/.test(text[s] ?? '')) s++;
  while (e > s && /\s/.test(text[e - 1] ?? '')) e--;
  if (e > s) for (const piece of cut(text, s, e)) out.push({ kind: 'paragraph', ...piece });
}

/** Pieces of at most MAX_BLOCK_LENGTH, cut after a line break or a space where there is one. */
function cut(text: string, start: number, end: number): Array<{ start: number; end: number }> {
  const out: Array<{ start: number; end: number }> = [];
  let s = start;
  while (end - s > MAX_BLOCK_LENGTH) {
    const limit = s + MAX_BLOCK_LENGTH;
    const window = text.slice(s + MAX_BLOCK_LENGTH / 2, limit);
    const line = window.lastIndexOf('\n');
    const space = window.lastIndexOf(' ');
    const at = line >= 0 ? line : space;
    let e = at >= 0 ? s + MAX_BLOCK_LENGTH / 2 + at + 1 : limit;
    // Never split a surrogate pair.
    if (/[\uDC00-\uDFFF]/.test(text[e] ?? '')) e--;
    out.push({ start: s, end: e });
    s = e;
  }
  out.push({ start: s, end });
  return out;
}

/** The index of the block holding `offset` (or the next one after it), by binary search. */
export function blockAt(blocks: readonly TextBlock[], offset: number): number {
  let lo = 0;
  let hi = blocks.length - 1;
  let found = blocks.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const block = blocks[mid] as TextBlock;
    if (block.end > offset || (block.start === block.end && block.start >= offset)) {
      found = mid;
      hi = mid - 1;
    } else lo = mid + 1;
  }
  return Math.max(0, found);
}

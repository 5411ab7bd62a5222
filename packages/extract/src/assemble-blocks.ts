import type { Block } from './extracted-document.js';

/** A block's content before it has a place in the canonical text. */
export type BlockPart = Omit<Block, 'start' | 'end'> & { content: string };

/**
 * Lays blocks out one after another, separated by a blank line, and records where each
 * landed. Contents are trimmed and empty ones dropped, so every block is non-empty and
 * `text.slice(start, end)` is exactly its content.
 */
export function assembleBlocks(parts: BlockPart[]): { text: string; structure: Block[] } {
  let text = '';
  const structure: Block[] = [];
  for (const { content, ...rest } of parts) {
    const trimmed = content.trim();
    if (trimmed === '') continue;
    if (text !== '') text += '\n\n';
    const start = text.length;
    text += trimmed;
    structure.push({ ...rest, start, end: text.length });
  }
  return { text, structure };
}

/** Collapses runs of whitespace the way a browser renders normal flow text. */
export function collapseWhitespace(text: string): string {
  return text.replace(/[ \t\n\r\f\v\u00a0]+/g, (run) => (run.includes('\u00a0') ? '\u00a0' : ' '));
}

import { trimRange } from './selection-offsets';
import type { TextBlock } from './text-blocks';

export interface OffsetRange {
  start: number;
  end: number;
}

/** A block's own words: a transcript turn without its "Speaker:" label, trimmed of whitespace. */
export function blockWords(text: string, block: TextBlock): OffsetRange | null {
  if (block.kind === 'page') return null;
  const label = block.speaker ? `${block.speaker}:` : null;
  const from = label && text.startsWith(label, block.start) ? block.start + label.length : block.start;
  return trimRange(text, from, block.end);
}

/**
 * The paragraph or speaker turn after (or before) what is selected, for selecting text without a
 * mouse. From nothing selected, forward starts at the first block and backward at the last.
 * Null at either end of the document.
 */
export function adjacentBlockWords(
  text: string,
  blocks: readonly TextBlock[],
  from: OffsetRange | null,
  forward: boolean,
): OffsetRange | null {
  if (forward) {
    for (const block of blocks) {
      const words = blockWords(text, block);
      if (words && (from === null || words.start >= from.end)) return words;
    }
    return null;
  }
  for (let i = blocks.length - 1; i >= 0; i--) {
    const words = blockWords(text, blocks[i] as TextBlock);
    if (words && (from === null || words.end <= from.start)) return words;
  }
  return null;
}

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Block, ExtractedDocument } from '../extracted-document.js';

/** The bytes of a committed fixture in src/fixtures. */
export function fixture(name: string): Uint8Array {
  return new Uint8Array(readFileSync(fileURLToPath(new URL(`../fixtures/${name}`, import.meta.url))));
}

/** Each block with its content read through its offsets, for comparing with what the file says. */
export function blocksWithText(
  document: ExtractedDocument,
): (Omit<Block, 'start' | 'end'> & { text: string })[] {
  return document.structure.map(({ start, end, ...rest }) => ({
    ...rest,
    text: document.text.slice(start, end),
  }));
}

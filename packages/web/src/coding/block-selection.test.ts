import { describe, expect, it } from 'vitest';
import { adjacentBlockWords, blockWords } from './block-selection';
import type { TextBlock } from './text-blocks';

const text = 'Interviewer: How did it start?\n\nAna: With the parents.\n\n\n';
const blocks: TextBlock[] = [
  { kind: 'page', start: 0, end: 0, page: 1 },
  { kind: 'utterance', start: 0, end: 30, speaker: 'Interviewer' },
  { kind: 'utterance', start: 32, end: 54, speaker: 'Ana' },
  { kind: 'paragraph', start: 54, end: 57 },
];
const words = (r: { start: number; end: number } | null) => (r ? text.slice(r.start, r.end) : null);

describe('blockWords', () => {
  it('leaves out the speaker label and surrounding whitespace', () => {
    expect(words(blockWords(text, blocks[1] as TextBlock))).toBe('How did it start?');
    expect(words(blockWords(text, blocks[2] as TextBlock))).toBe('With the parents.');
  });

  it('has nothing for a page marker or a blank block', () => {
    expect(blockWords(text, blocks[0] as TextBlock)).toBeNull();
    expect(blockWords(text, blocks[3] as TextBlock)).toBeNull();
  });
});

describe('adjacentBlockWords', () => {
  it('starts at the first turn going forward and at the last going back', () => {
    expect(words(adjacentBlockWords(text, blocks, null, true))).toBe('How did it start?');
    expect(words(adjacentBlockWords(text, blocks, null, false))).toBe('With the parents.');
  });

  it('moves turn by turn and stops at the ends', () => {
    const first = adjacentBlockWords(text, blocks, null, true);
    const second = adjacentBlockWords(text, blocks, first, true);
    expect(words(second)).toBe('With the parents.');
    expect(adjacentBlockWords(text, blocks, second, true)).toBeNull();
    expect(words(adjacentBlockWords(text, blocks, second, false))).toBe('How did it start?');
    expect(adjacentBlockWords(text, blocks, first, false)).toBeNull();
  });

  it('from a few words inside a turn, goes to the next turn, not the same one', () => {
    const inside = { start: text.indexOf('did'), end: text.indexOf('did') + 3 };
    expect(words(adjacentBlockWords(text, blocks, inside, true))).toBe('With the parents.');
  });
});

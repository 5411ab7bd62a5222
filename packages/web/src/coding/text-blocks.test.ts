import { describe, expect, it } from 'vitest';
import { blockAt, MAX_BLOCK_LENGTH, textBlocks } from './text-blocks';

describe('textBlocks', () => {
  it('keeps transcript turns with speaker and time, in order', () => {
    const text = 'Ana: Hello there.\nBen: Hi.';
    const blocks = textBlocks(text, [
      { kind: 'utterance', start: 0, end: 17, speaker: 'Ana', startMs: 1000 },
      { kind: 'utterance', start: 18, end: 26, speaker: 'Ben' },
    ]);
    expect(blocks).toEqual([
      { kind: 'utterance', start: 0, end: 17, speaker: 'Ana', startMs: 1000 },
      { kind: 'utterance', start: 18, end: 26, speaker: 'Ben' },
    ]);
  });

  it('cuts text without structure at blank lines and drops blank runs', () => {
    const text = 'First para.\n\n\nSecond para.\n  \nThird.';
    const blocks = textBlocks(text, []);
    expect(blocks.map((b) => text.slice(b.start, b.end))).toEqual(['First para.', 'Second para.', 'Third.']);
  });

  it('fills gaps the structure leaves and turns pages into marker rows', () => {
    const text = 'Page one text.\n\nMore.\fPage two.';
    const blocks = textBlocks(text, [
      { kind: 'page', start: 0, end: 21, page: 1 },
      { kind: 'paragraph', start: 0, end: 14, page: 1 },
      { kind: 'page', start: 22, end: 31, page: 2 },
    ]);
    expect(blocks.map((b) => [b.kind, text.slice(b.start, b.end), b.page])).toEqual([
      ['page', '', 1],
      ['paragraph', 'Page one text.', 1],
      ['paragraph', 'More.', undefined],
      ['page', '', 2],
      ['paragraph', 'Page two.', undefined],
    ]);
  });

  it('cuts very long blocks at line or word ends, covering every character once', () => {
    const words = Array.from({ length: 3000 }, (_, i) => `word${i}`).join(' ');
    const blocks = textBlocks(words, [{ kind: 'paragraph', start: 0, end: words.length }]);
    expect(blocks.length).toBeGreaterThan(5);
    for (const b of blocks) expect(b.end - b.start).toBeLessThanOrEqual(MAX_BLOCK_LENGTH);
    expect(blocks.map((b) => words.slice(b.start, b.end)).join('')).toBe(words);
    for (const b of blocks.slice(0, -1)) expect(words[b.end - 1]).toBe(' ');
  });

  it('ignores malformed and out-of-range structure entries', () => {
    const text = 'abc def';
    const blocks = textBlocks(text, [
      null,
      { kind: 'paragraph', start: 'x' },
      { kind: 'x', start: 0, end: 99 },
    ]);
    expect(blocks).toEqual([{ kind: 'paragraph', start: 0, end: 7 }]);
  });
});

describe('blockAt', () => {
  it('finds the block holding an offset by binary search', () => {
    const text = 'aaa\n\nbbb\n\nccc';
    const blocks = textBlocks(text, []);
    expect(blockAt(blocks, 0)).toBe(0);
    expect(blockAt(blocks, 6)).toBe(1);
    expect(blockAt(blocks, 4)).toBe(1);
    expect(blockAt(blocks, 12)).toBe(2);
  });
});

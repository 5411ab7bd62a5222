import { describe, expect, it } from 'vitest';
import { estimateRowHeights, rowsWithMargin, type TextMetrics } from './row-heights';
import { textBlocks } from './text-blocks';

// 200 px of text at 10 px a character and 20 px lines: 20 characters fit, 16 are counted on.
const metrics: TextMetrics = { width: 200, charWidth: 10, lineHeight: 20 };

describe('estimateRowHeights', () => {
  it('counts wrapped lines at the characters a line holds, plus the row padding', () => {
    const text = `${'a'.repeat(16)}\n\n${'b'.repeat(17)}\n\n${'c'.repeat(33)}`;
    const heights = estimateRowHeights(text, textBlocks(text, []), metrics);
    // 16 characters: one line; 17: two; 33: three.
    expect([...heights]).toEqual([12 + 20, 12 + 40, 12 + 60]);
  });

  it('counts each hard line break inside a block, an empty line as one line', () => {
    const text = 'one\n\ntwo';
    const heights = estimateRowHeights(text, [{ kind: 'paragraph', start: 0, end: text.length }], metrics);
    expect([...heights]).toEqual([12 + 3 * 20]);
  });

  it('gives a page marker its fixed height and a heading its larger, bolder lines', () => {
    const text = 'Title';
    const heights = estimateRowHeights(
      text,
      [
        { kind: 'page', start: 0, end: 0, page: 1 },
        { kind: 'heading', start: 0, end: 5, level: 1 },
      ],
      metrics,
    );
    expect(heights[0]).toBe(36);
    // One line at 18/15.5 the line height, with 8 px above.
    expect(heights[1]).toBe(Math.round(12 + 8 + 20 * (18 / 15.5)));
  });

  it('rounds to whole pixels, as measured sizes are', () => {
    const heights = estimateRowHeights('abc', [{ kind: 'paragraph', start: 0, end: 3 }], {
      ...metrics,
      lineHeight: 25.575,
    });
    expect(heights[0]).toBe(38);
  });
});

describe('rowsWithMargin', () => {
  const heights = [100, 30, 30, 30, 200, 50, 50, 50, 50];
  it('adds rows on each side until they cover the margin', () => {
    // Visible 4..5; above: 30 + 30 + 30 + 100 reaches 120 only at row 0; below: 50 + 50 + 50.
    expect(rowsWithMargin({ startIndex: 4, endIndex: 5, count: 9 }, heights, 120)).toEqual([
      0, 1, 2, 3, 4, 5, 6, 7, 8,
    ]);
    expect(rowsWithMargin({ startIndex: 4, endIndex: 5, count: 9 }, heights, 60)).toEqual([2, 3, 4, 5, 6, 7]);
  });

  it('stops at the ends and gives nothing for no rows', () => {
    expect(rowsWithMargin({ startIndex: 0, endIndex: 0, count: 9 }, heights, 10)).toEqual([0, 1]);
    expect(rowsWithMargin({ startIndex: 0, endIndex: -1, count: 0 }, [], 100)).toEqual([]);
  });
});

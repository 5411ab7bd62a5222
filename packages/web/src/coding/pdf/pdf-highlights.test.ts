import { describe, expect, it } from 'vitest';
import { rangeRects } from './pdf-highlights';
import type { PdfTextItem } from './pdf-layout';

// Page 2 of a document whose canonical text is "…The council gave\nus the land." from offset 100:
// two items on two lines, 10 points per character so the proportional cuts are easy to read.
const items: PdfTextItem[] = [
  { page: 2, start: 100, end: 116, x: 72, y: 80, width: 160, height: 11 }, // "The council gave"
  { page: 2, start: 117, end: 129, x: 72, y: 95, width: 120, height: 11 }, // "us the land."
];

describe('rangeRects', () => {
  it('covers a whole item with its own box', () => {
    expect(rangeRects(items, 100, 116)).toEqual([{ left: 72, top: 80, width: 160, height: 11 }]);
  });

  it('cuts a partly covered item by the share of its characters', () => {
    // "council" is characters 4–11 of the first item.
    expect(rangeRects(items, 104, 111)).toEqual([{ left: 112, top: 80, width: 70, height: 11 }]);
  });

  it('gives one rectangle per line for a range across a line break', () => {
    // "gave\nus the" → the end of line one and the start of line two.
    expect(rangeRects(items, 112, 123)).toEqual([
      { left: 192, top: 80, width: 40, height: 11 },
      { left: 72, top: 95, width: 60, height: 11 },
    ]);
  });

  it('is empty for a range on another page or between items', () => {
    expect(rangeRects(items, 0, 99)).toEqual([]);
    expect(rangeRects(items, 116, 117)).toEqual([]);
    expect(rangeRects(items, 200, 210)).toEqual([]);
  });
});

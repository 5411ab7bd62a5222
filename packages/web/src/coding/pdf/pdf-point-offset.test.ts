import { describe, expect, it } from 'vitest';
import type { PdfTextItem } from './pdf-layout';
import { offsetAtPoint, offsetNearPoint } from './pdf-point-offset';

// Two lines of page 2, 10 points per character: "The council gave" (100–116) and "us the land." (117–129),
// the second line drawn as two items ("us the " and "land.") with a gap between them.
const items: PdfTextItem[] = [
  { page: 2, start: 100, end: 116, x: 72, y: 80, width: 160, height: 11 },
  { page: 2, start: 117, end: 124, x: 72, y: 95, width: 70, height: 11 },
  { page: 2, start: 124, end: 129, x: 152, y: 95, width: 50, height: 11 },
];

describe('offsetAtPoint', () => {
  it('maps a point to the character drawn under it', () => {
    expect(offsetAtPoint(items, 72, 85)).toBe(100);
    expect(offsetAtPoint(items, 115, 85)).toBe(104);
    expect(offsetAtPoint(items, 201.9, 100)).toBe(128);
  });

  it('is null in the margins', () => {
    expect(offsetAtPoint(items, 20, 85)).toBeNull();
    expect(offsetAtPoint(items, 100, 60)).toBeNull();
  });
});

describe('offsetNearPoint', () => {
  it('snaps to the nearest character boundary on the line under the point', () => {
    expect(offsetNearPoint(items, 113, 85)).toBe(104);
    expect(offsetNearPoint(items, 117, 85)).toBe(105);
  });

  it("takes a line's end right of it and its start left of it", () => {
    expect(offsetNearPoint(items, 500, 100)).toBe(129);
    expect(offsetNearPoint(items, 10, 100)).toBe(117);
    expect(offsetNearPoint(items, 500, 85)).toBe(116);
  });

  it('takes the end of the item before a gap between items', () => {
    expect(offsetNearPoint(items, 147, 100)).toBe(124);
  });

  it('takes the nearest line above or below the text', () => {
    expect(offsetNearPoint(items, 500, 300)).toBe(129);
    expect(offsetNearPoint(items, 72, 5)).toBe(100);
    expect(offsetNearPoint([], 72, 5)).toBeNull();
  });
});

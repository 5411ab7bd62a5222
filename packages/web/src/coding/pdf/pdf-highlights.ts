import type { PdfTextItem } from './pdf-layout';

/** A rectangle in PDF points at scale 1, top-left origin (multiply by the zoom to draw it). */
export interface Rect {
  left: number;
  top: number;
  width: number;
  height: number;
}

/** Index of the first item (sorted by start) that ends after `offset`. */
function firstEndingAfter(items: readonly PdfTextItem[], offset: number): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((items[mid] as PdfTextItem).end > offset) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/**
 * Where the text [start, end) is drawn on one page: one rectangle per item it touches, a partly
 * covered item cut by the share of its characters covered (glyph widths are not stored, so the
 * cut is proportional; it lands within a character or two of the true edge for body text).
 */
export function rangeRects(items: readonly PdfTextItem[], start: number, end: number): Rect[] {
  const rects: Rect[] = [];
  for (let i = firstEndingAfter(items, start); i < items.length; i++) {
    const item = items[i] as PdfTextItem;
    if (item.start >= end) break;
    const length = item.end - item.start;
    const from = (Math.max(start, item.start) - item.start) / length;
    const to = (Math.min(end, item.end) - item.start) / length;
    rects.push({
      left: item.x + item.width * from,
      top: item.y,
      width: item.width * (to - from),
      height: item.height,
    });
  }
  return rects;
}

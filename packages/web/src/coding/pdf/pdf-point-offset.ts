import type { PdfTextItem } from './pdf-layout';

/* Page points (PDF points at scale 1, top-left origin) → offsets in the canonical text. */

/** The character drawn under a point, or null off the text (hovering names its codes). */
export function offsetAtPoint(items: readonly PdfTextItem[], x: number, y: number): number | null {
  for (const item of items) {
    if (y < item.y || y > item.y + item.height || x < item.x || x > item.x + item.width) continue;
    const share = item.width > 0 ? (x - item.x) / item.width : 0;
    return Math.min(item.end - 1, item.start + Math.floor(share * (item.end - item.start)));
  }
  return null;
}

/**
 * The text boundary nearest a point anywhere on the page, for a drag that ends off the text
 * (where the browser's own hit-testing of absolutely placed spans jumps to another line): the
 * line whose band holds the point (else the nearest line), then the character boundary nearest
 * the point on it, the line's start left of it, its end right of it.
 */
export function offsetNearPoint(items: readonly PdfTextItem[], x: number, y: number): number | null {
  let line: PdfTextItem[] = [];
  let nearest = Number.POSITIVE_INFINITY;
  for (const item of items) {
    const distance = y < item.y ? item.y - y : y > item.y + item.height ? y - item.y - item.height : 0;
    if (distance < nearest - 0.5) {
      nearest = distance;
      line = [item];
    } else if (distance <= nearest + 0.5) line.push(item);
  }
  if (line.length === 0) return null;
  line.sort((a, b) => a.x - b.x);
  const first = line[0] as PdfTextItem;
  if (x <= first.x) return first.start;
  let boundary = first.start;
  for (const item of line) {
    if (x < item.x) return boundary;
    if (x <= item.x + item.width) {
      const share = item.width > 0 ? (x - item.x) / item.width : 0;
      return item.start + Math.round(share * (item.end - item.start));
    }
    boundary = item.end;
  }
  return boundary;
}

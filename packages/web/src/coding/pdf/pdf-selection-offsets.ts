import { type NodeLike, pointOffset, trimRange } from '../selection-offsets';

/** One end of a browser selection: a Range's container and offset. */
export interface SelectionPoint {
  node: NodeLike;
  offset: number;
}

/**
 * A selection over the PDF's text overlay → canonical offsets. Every overlay span holds exactly
 * `text.slice(item.start, item.end)` and carries `data-o={item.start}`, the same contract as the
 * text view's runs, so a point inside a span maps to `item.start + offset` exactly; a point
 * between spans (a drag that ends in the page's margin) snaps to the next text forward for a
 * start and the previous text backward for an end. The text between two items (a space, a line
 * break) is not drawn, but the offsets cover it, so a selection across lines is one range.
 * Whitespace at either end is trimmed, as in the text view; null when nothing is left.
 */
export function selectionOffsets(
  text: string,
  anchor: SelectionPoint,
  focus: SelectionPoint,
): { start: number; end: number } | null {
  const start = pointOffset(anchor.node, anchor.offset, true);
  const end = pointOffset(focus.node, focus.offset, false);
  if (start === null || end === null || end <= start) return null;
  return trimRange(text, start, end);
}

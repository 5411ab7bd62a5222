import type { TextBlock } from './text-blocks';

/** What a row's height follows from: the text column as laid out in this browser at this width. */
export interface TextMetrics {
  /** Width of the text column's content box, in px. */
  width: number;
  /** Average advance of one character of body text, in px. */
  charWidth: number;
  /** Height of one line of body text, in px. */
  lineHeight: number;
}

/** Before anything is laid out: a 1440 px window, 15.5 px text at 1.65. */
export const DEFAULT_METRICS: TextMetrics = { width: 900, charWidth: 7.4, lineHeight: 25.6 };

/** A row's padding (coding-view.css `.weft-coding-row`), and a page marker's whole height. */
const ROW_PADDING = 12;
const PAGE_ROW = 36;
/** Headings: 18 px bold at the same line height factor, with 8 px above (coding-view.css). */
const HEADING_SCALE = 18 / 15.5;
const HEADING_WIDTH_SCALE = HEADING_SCALE * 1.08;
const HEADING_PADDING = 8;

/**
 * Every row's height as the virtualiser should guess it before the row is measured: lines of
 * wrapped text at the measured characters per line, per hard line of the block. Close guesses
 * matter when the scrollbar is dragged: every row that lands on screen is new, and each
 * correction from guess to measured size moves the rows (and the scroll position) again.
 */
export function estimateRowHeights(
  text: string,
  blocks: readonly TextBlock[],
  metrics: TextMetrics,
): Float64Array {
  const heights = new Float64Array(blocks.length);
  // A wrapped line breaks before the word that does not fit: on average about half a word
  // of each line is left empty, so count on a few characters less than the width holds.
  const perLine = Math.max(8, metrics.width / metrics.charWidth - 4);
  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i] as TextBlock;
    if (block.kind === 'page') {
      heights[i] = PAGE_ROW;
      continue;
    }
    const heading = block.kind === 'heading';
    const lineChars = heading ? perLine / HEADING_WIDTH_SCALE : perLine;
    let lines = 0;
    let from = block.start;
    while (from <= block.end) {
      const nl = text.indexOf('\n', from);
      const to = nl < 0 || nl > block.end ? block.end : nl;
      lines += Math.max(1, Math.ceil((to - from) / lineChars));
      if (to >= block.end) break;
      from = to + 1;
    }
    const lineHeight = heading ? metrics.lineHeight * HEADING_SCALE : metrics.lineHeight;
    // Whole pixels, as the virtualiser rounds what it measures: a right guess is then exact and
    // measuring the row changes nothing.
    heights[i] = Math.round(ROW_PADDING + (heading ? HEADING_PADDING : 0) + lines * lineHeight);
  }
  return heights;
}

/** Typical prose, for a document too short (or too bare) to measure its own characters. */
const FALLBACK_SAMPLE = 'We met the parents at the school garden; they talked about funding and time.';

/**
 * The metrics of a laid-out text column (`.weft-coding-text`), with the average character
 * width of `sample` (a stretch of the document itself) in its font; null while the column has
 * no width (not laid out yet, or hidden).
 */
export function measureTextMetrics(column: HTMLElement, sample: string): TextMetrics | null {
  const style = getComputedStyle(column);
  const width =
    column.clientWidth -
    (Number.parseFloat(style.paddingLeft) || 0) -
    (Number.parseFloat(style.paddingRight) || 0);
  if (!(width > 0)) return null;
  const fontSize = Number.parseFloat(style.fontSize) || 15.5;
  const lineHeight = Number.parseFloat(style.lineHeight) || fontSize * 1.65;
  const flat =
    sample.replace(/\s+/g, ' ').trim().length >= 40 ? sample.replace(/\s+/g, ' ') : FALLBACK_SAMPLE;
  const context = document.createElement('canvas').getContext('2d');
  let charWidth = (DEFAULT_METRICS.charWidth * fontSize) / 15.5;
  if (context) {
    context.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
    const measured = context.measureText(flat).width / flat.length;
    if (measured > 0) charWidth = measured;
  }
  return { width, charWidth, lineHeight };
}

/**
 * The visible rows' indexes widened by at least `margin` pixels of (estimated) rows on each
 * side: a count of rows would be a few lines of an interview one time and screens the next.
 */
export function rowsWithMargin(
  range: { startIndex: number; endIndex: number; count: number },
  heights: ArrayLike<number>,
  margin: number,
): number[] {
  if (range.count === 0 || range.endIndex < 0) return [];
  let start = range.startIndex;
  for (let px = 0; start > 0 && px < margin; ) px += heights[--start] ?? 0;
  let end = Math.min(range.endIndex, range.count - 1);
  for (let px = 0; end < range.count - 1 && px < margin; ) px += heights[++end] ?? 0;
  const rows: number[] = [];
  for (let i = start; i <= end; i++) rows.push(i);
  return rows;
}

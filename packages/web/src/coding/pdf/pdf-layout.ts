/**
 * The stored layout of a PDF document version (`document_versions.pages`, written by
 * extraction): where each page's text lies in the canonical text, the page sizes, and one box
 * per pdf.js text item (PDF points at scale 1, top-left origin). The web does not depend on the
 * extraction package, so the shape is checked here rather than imported. The document read sends
 * the items packed (server presenter `presentPages`): `packedItems`, seven numbers an item.
 */

export interface PdfPageSpan {
  page: number;
  start: number;
  end: number;
  width: number;
  height: number;
}

export interface PdfTextItem {
  page: number;
  start: number;
  end: number;
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface PdfLayout {
  pages: PdfPageSpan[];
  /** Each page's items, sorted by start (the order of the canonical text). */
  itemsByPage: Map<number, PdfTextItem[]>;
  /** Page sizes at scale 1, by page number. */
  sizes: Map<number, { width: number; height: number }>;
}

const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

function isBox(v: unknown, keys: readonly string[]): boolean {
  if (typeof v !== 'object' || v === null) return false;
  const record = v as Record<string, unknown>;
  return keys.every((k) => isNumber(record[k]));
}

const PAGE_KEYS = ['page', 'start', 'end', 'width', 'height'] as const;
const ITEM_KEYS = ['page', 'start', 'end', 'x', 'y', 'width', 'height'] as const;

/** Numbers per packed item: page, gap from the previous item's end, length, x, y, width, height. */
const PACKED_ITEM_STRIDE = 7;

/** The items of a packed layout as objects, or null when the array is not a whole number of items. */
export function unpackItems(packed: unknown): PdfTextItem[] | null {
  if (!Array.isArray(packed) || packed.length % PACKED_ITEM_STRIDE !== 0 || !packed.every(isNumber))
    return null;
  const items: PdfTextItem[] = [];
  let previousEnd = 0;
  const n = packed as number[];
  for (let at = 0; at < n.length; at += PACKED_ITEM_STRIDE) {
    const start = previousEnd + (n[at + 1] as number);
    const end = start + (n[at + 2] as number);
    items.push({
      page: n[at] as number,
      start,
      end,
      x: n[at + 3] as number,
      y: n[at + 4] as number,
      width: n[at + 5] as number,
      height: n[at + 6] as number,
    });
    previousEnd = end;
  }
  return items;
}

/**
 * The layout of a version's `pages`, or null when it cannot be drawn as a PDF with selectable
 * text: not a PDF, or an edited version (an edit keeps the page spans but drops the items,
 * whose boxes cannot follow changed text).
 */
export function pdfLayoutOf(stored: unknown, textLength: number): PdfLayout | null {
  if (typeof stored !== 'object' || stored === null) return null;
  const { pages, packedItems } = stored as { pages?: unknown; packedItems?: unknown };
  const items = packedItems === undefined ? (stored as { items?: unknown }).items : unpackItems(packedItems);
  if (!Array.isArray(pages) || !Array.isArray(items) || items.length === 0) return null;
  if (!pages.every((p) => isBox(p, PAGE_KEYS)) || !items.every((i) => isBox(i, ITEM_KEYS))) return null;
  const spans = pages as PdfPageSpan[];
  const itemsByPage = new Map<number, PdfTextItem[]>(spans.map((p) => [p.page, []]));
  for (const item of items as PdfTextItem[]) {
    // An item past the text would map a selection outside it: the layout is not this text's.
    if (item.start < 0 || item.end > textLength || item.end <= item.start) return null;
    itemsByPage.get(item.page)?.push(item);
  }
  for (const list of itemsByPage.values()) list.sort((a, b) => a.start - b.start);
  return {
    pages: spans,
    itemsByPage,
    sizes: new Map(spans.map((p) => [p.page, { width: p.width, height: p.height }])),
  };
}

/** The page whose text holds `offset` (the last page starting at or before it). */
export function pageOfOffset(layout: PdfLayout, offset: number): number {
  let page = layout.pages[0]?.page ?? 1;
  for (const span of layout.pages) if (span.end > span.start && span.start <= offset) page = span.page;
  return page;
}

/** The item holding `offset`, if any, for scrolling to where it is drawn. */
export function itemAtOffset(layout: PdfLayout, offset: number): PdfTextItem | undefined {
  const items = layout.itemsByPage.get(pageOfOffset(layout, offset)) ?? [];
  return items.find((i) => i.end > offset) ?? items[items.length - 1];
}

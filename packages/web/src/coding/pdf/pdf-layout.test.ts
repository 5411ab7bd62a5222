import { describe, expect, it } from 'vitest';
import { itemAtOffset, pageOfOffset, pdfLayoutOf, unpackItems } from './pdf-layout';

const stored = {
  pages: [
    { page: 1, start: 0, end: 14, width: 612, height: 792 },
    { page: 2, start: 16, end: 45, width: 612, height: 792 },
  ],
  items: [
    { page: 2, start: 33, end: 45, x: 72, y: 95, width: 120, height: 11 },
    { page: 1, start: 0, end: 14, x: 72, y: 60, width: 140, height: 11 },
    { page: 2, start: 16, end: 32, x: 72, y: 80, width: 160, height: 11 },
  ],
};

describe('pdfLayoutOf', () => {
  it('groups items by page in text order', () => {
    const layout = pdfLayoutOf(stored, 45);
    expect(layout?.itemsByPage.get(2)?.map((i) => i.start)).toEqual([16, 33]);
    expect(layout?.sizes.get(1)).toEqual({ width: 612, height: 792 });
  });

  it('is null for an edited PDF (no items), a text document, or items past the text', () => {
    expect(pdfLayoutOf({ pages: stored.pages, items: [] }, 45)).toBeNull();
    expect(pdfLayoutOf(null, 45)).toBeNull();
    expect(pdfLayoutOf(stored, 40)).toBeNull();
    expect(pdfLayoutOf({ pages: stored.pages, items: [{ page: 1 }] }, 45)).toBeNull();
  });

  it('finds the page and item of an offset', () => {
    const layout = pdfLayoutOf(stored, 45);
    if (!layout) throw new Error('no layout');
    expect(pageOfOffset(layout, 3)).toBe(1);
    expect(pageOfOffset(layout, 15)).toBe(1);
    expect(pageOfOffset(layout, 40)).toBe(2);
    expect(itemAtOffset(layout, 40)?.start).toBe(33);
  });
});

describe('packed items (as the document read sends them)', () => {
  // The server presenter's packing of `stored.items`: page, gap from the last end, length, box.
  const packed = [2, 33, 12, 72, 95, 120, 11, 1, -45, 14, 72, 60, 140, 11, 2, 2, 16, 72, 80, 160, 11];

  it('decodes to the stored items and lays out the same', () => {
    expect(unpackItems(packed)).toEqual(stored.items);
    const layout = pdfLayoutOf({ pages: stored.pages, packedItems: packed }, 45);
    expect(layout?.itemsByPage.get(2)?.map((i) => i.start)).toEqual([16, 33]);
    expect(layout?.itemsByPage.get(1)).toEqual([stored.items[1]]);
  });

  it('refuses a broken array', () => {
    expect(unpackItems(packed.slice(1))).toBeNull();
    expect(unpackItems([1, 0, 3, 'x', 0, 0, 0])).toBeNull();
    expect(pdfLayoutOf({ pages: stored.pages, packedItems: packed.slice(1) }, 45)).toBeNull();
    expect(pdfLayoutOf({ pages: stored.pages, packedItems: [] }, 45)).toBeNull();
  });
});

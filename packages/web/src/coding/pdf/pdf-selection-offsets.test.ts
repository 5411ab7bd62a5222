import { describe, expect, it } from 'vitest';
import type { NodeLike } from '../selection-offsets';
import { selectionOffsets } from './pdf-selection-offsets';

/** A tiny element/text tree shaped like the overlay the PDF view renders. */
type Spec = string | { attrs?: Record<string, string>; children: Spec[] };

function build(spec: Spec, parent: NodeLike | null = null): NodeLike {
  if (typeof spec === 'string') return { nodeType: 3, parentNode: parent, childNodes: [], textContent: spec };
  const node: NodeLike & { childNodes: NodeLike[] } = {
    nodeType: 1,
    parentNode: parent,
    childNodes: [],
    textContent: null,
    getAttribute: (name) => spec.attrs?.[name] ?? null,
  };
  for (const child of spec.children) node.childNodes.push(build(child, node));
  return node;
}

const TEXT = 'Page one text.\n\nThe council gave\nus the land.';
const at = (phrase: string) => TEXT.indexOf(phrase);

// Two pages, each a page box holding a highlight layer (no text) and the overlay spans.
const root = build({
  children: [
    {
      attrs: { 'data-page-number': '1' },
      children: [{ children: [{ attrs: { 'data-o': '0' }, children: ['Page one text.'] }] }],
    },
    {
      attrs: { 'data-page-number': '2' },
      children: [
        { attrs: { 'data-skip': '' }, children: [] },
        {
          children: [
            { attrs: { 'data-o': String(at('The')) }, children: ['The council gave'] },
            { attrs: { 'data-o': String(at('us')) }, children: ['us the land.'] },
          ],
        },
      ],
    },
  ],
});
const page = (n: number) => root.childNodes[n - 1] as NodeLike;
const overlay2 = page(2).childNodes[1] as NodeLike;
const [line1, line2] = Array.from(overlay2.childNodes).map((s) => s.childNodes[0] as NodeLike) as [
  NodeLike,
  NodeLike,
];

describe('selectionOffsets', () => {
  it('maps a selection inside one item to exact offsets', () => {
    const range = selectionOffsets(TEXT, { node: line1, offset: 4 }, { node: line1, offset: 11 });
    expect(range).toEqual({ start: at('council'), end: at('council') + 7 });
    expect(TEXT.slice(range?.start, range?.end)).toBe('council');
  });

  it('spans the undrawn line break between two items', () => {
    const range = selectionOffsets(TEXT, { node: line1, offset: 12 }, { node: line2, offset: 6 });
    expect(TEXT.slice(range?.start, range?.end)).toBe('gave\nus the');
  });

  it('crosses pages in text order', () => {
    const first = page(1).childNodes[0]?.childNodes[0]?.childNodes[0] as NodeLike;
    const range = selectionOffsets(TEXT, { node: first, offset: 9 }, { node: line1, offset: 3 });
    expect(TEXT.slice(range?.start, range?.end)).toBe('text.\n\nThe');
  });

  it('snaps a boundary in the margin to the nearest text inward, and trims spaces', () => {
    // Start between the page box's children (before the overlay), end after the last span.
    const range = selectionOffsets(TEXT, { node: page(2), offset: 0 }, { node: overlay2, offset: 2 });
    expect(TEXT.slice(range?.start, range?.end)).toBe('The council gave\nus the land.');
    expect(selectionOffsets(TEXT, { node: line1, offset: 3 }, { node: line1, offset: 4 })).toBeNull();
  });

  it('is null for a collapsed or reversed selection', () => {
    expect(selectionOffsets(TEXT, { node: line1, offset: 5 }, { node: line1, offset: 5 })).toBeNull();
    expect(selectionOffsets(TEXT, { node: line2, offset: 1 }, { node: line1, offset: 1 })).toBeNull();
  });
});

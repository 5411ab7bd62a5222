import { describe, expect, it } from 'vitest';
import { moveEdgeByWord, type NodeLike, pointOffset, trimRange, wordStep } from './selection-offsets';

/** A tiny element/text tree shaped like the DOM the coding view renders. */
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

// <div data-block><span data-skip>00:01</span><span data-o=100>Ana: </span><span data-o=105>hello <b>big</b> world</span></div>
const block = build({
  attrs: { 'data-block': '' },
  children: [
    { attrs: { 'data-skip': '' }, children: ['00:01'] },
    { attrs: { 'data-o': '100' }, children: ['Ana: '] },
    { attrs: { 'data-o': '105' }, children: ['hello ', { children: ['big'] }, ' world'] },
  ],
});
const [stamp, speaker, body] = Array.from(block.childNodes) as [NodeLike, NodeLike, NodeLike];
const [hello, bold, world] = Array.from(body.childNodes) as [NodeLike, NodeLike, NodeLike];
const big = bold.childNodes[0] as NodeLike;

describe('pointOffset', () => {
  it('counts from the run offset inside a text node', () => {
    expect(pointOffset(speaker.childNodes[0] as NodeLike, 2, true)).toBe(102);
    expect(pointOffset(hello, 3, true)).toBe(108);
  });

  it('adds the text of earlier nodes inside the same run (nested markup)', () => {
    expect(pointOffset(big, 1, true)).toBe(112);
    expect(pointOffset(world, 1, false)).toBe(115);
  });

  it('skips decorations: a start in the timestamp moves to the first text after it', () => {
    expect(pointOffset(stamp.childNodes[0] as NodeLike, 2, true)).toBe(100);
  });

  it('maps points between elements forward for starts and backward for ends', () => {
    expect(pointOffset(block, 0, true)).toBe(100);
    expect(pointOffset(block, 3, false)).toBe(120);
    expect(pointOffset(body, 1, true)).toBe(111);
    expect(pointOffset(body, 1, false)).toBe(111);
  });

  it('is null outside any text run', () => {
    const lone = build({ children: ['margin'] });
    expect(pointOffset(lone.childNodes[0] as NodeLike, 1, true)).toBeNull();
  });
});

describe('trimRange', () => {
  it('drops surrounding whitespace and orders the ends', () => {
    expect(trimRange('  hello world \n', 14, 0)).toEqual({ start: 2, end: 13 });
    expect(trimRange('   ', 0, 3)).toBeNull();
  });
});

describe('wordStep', () => {
  const text = 'It was, I think, fine.';
  it('moves to the next word end forward and the previous word end backward', () => {
    expect(wordStep(text, 2, true)).toBe(6);
    expect(wordStep(text, 6, true)).toBe(9);
    expect(wordStep(text, 15, false)).toBe(9);
    expect(wordStep(text, 6, false)).toBe(2);
  });
});

describe('moveEdgeByWord', () => {
  const text = 'It was, I think, fine.';
  it('moves the end or the start by a word and trims what it reaches', () => {
    expect(moveEdgeByWord(text, { start: 0, end: 6 }, 'end', true)).toEqual({ start: 0, end: 9 });
    expect(moveEdgeByWord(text, { start: 0, end: 6 }, 'end', false)).toEqual({ start: 0, end: 2 });
    // The start lands before a space; the space is trimmed off.
    expect(moveEdgeByWord(text, { start: 0, end: 9 }, 'start', true)).toEqual({ start: 3, end: 9 });
  });

  it('is null when nothing would be left', () => {
    expect(moveEdgeByWord(text, { start: 0, end: 2 }, 'end', false)).toBeNull();
  });
});

/**
 * DOM selection → offsets in the canonical text. Every rendered run of document text is an
 * element carrying `data-o` (the offset of its first character); decorations that are not part
 * of the text (timestamps, page labels) carry `data-skip`. A selection point is either inside a
 * text node (count from its run's `data-o`) or between an element's children (take the first
 * text position at or after it). Written against a small node interface so it is unit-tested
 * without a browser DOM.
 */

export interface NodeLike {
  nodeType: number;
  parentNode: NodeLike | null;
  childNodes: ArrayLike<NodeLike>;
  textContent: string | null;
  getAttribute?: (name: string) => string | null;
}

const TEXT_NODE = 3;
const ELEMENT_NODE = 1;

const attr = (node: NodeLike, name: string) =>
  node.nodeType === ELEMENT_NODE && node.getAttribute ? node.getAttribute(name) : null;

/** The run element (with data-o) a node is in, or null. */
function runOf(node: NodeLike | null): NodeLike | null {
  for (let n = node; n; n = n.parentNode) if (attr(n, 'data-o') !== null) return n;
  return null;
}

function skipped(node: NodeLike | null): boolean {
  for (let n = node; n; n = n.parentNode) if (attr(n, 'data-skip') !== null) return true;
  return false;
}

/** Text nodes under `root`, in document order. */
function textNodes(root: NodeLike, out: NodeLike[] = []): NodeLike[] {
  if (root.nodeType === TEXT_NODE) out.push(root);
  else for (let i = 0; i < root.childNodes.length; i++) textNodes(root.childNodes[i] as NodeLike, out);
  return out;
}

/** Offset of position `offset` inside text node `node`, if the node is document text. */
function textNodeOffset(node: NodeLike, offset: number): number | null {
  if (skipped(node)) return null;
  const run = runOf(node);
  if (!run) return null;
  let total = Number(attr(run, 'data-o'));
  for (const t of textNodes(run)) {
    if (t === node) return total + offset;
    total += (t.textContent ?? '').length;
  }
  return null;
}

/** The next text node in document order after `node` (not inside it). */
function nextTextAfter(node: NodeLike, limit: NodeLike | null): NodeLike | null {
  for (let n: NodeLike | null = node; n && n !== limit; n = n.parentNode) {
    const parent = n.parentNode;
    if (!parent) return null;
    const siblings = Array.from(parent.childNodes);
    for (const sibling of siblings.slice(siblings.indexOf(n) + 1)) {
      const found = textNodes(sibling).find((t) => !skipped(t) && runOf(t));
      if (found) return found;
    }
  }
  return null;
}

/**
 * The text offset of a selection boundary point (a Range's container + offset). `forward` says
 * which way to look when the point sits between elements: a start looks forward, an end backward.
 */
export function pointOffset(container: NodeLike, offset: number, forward: boolean): number | null {
  if (container.nodeType === TEXT_NODE) {
    const direct = textNodeOffset(container, offset);
    if (direct !== null) return direct;
    const next = forward ? nextTextAfter(container, null) : null;
    return next ? textNodeOffset(next, 0) : null;
  }
  const children = Array.from(container.childNodes);
  if (forward) {
    for (const child of children.slice(offset)) {
      const found = textNodes(child).find((t) => !skipped(t) && runOf(t));
      if (found) return textNodeOffset(found, 0);
    }
    const next = nextTextAfter(container, null);
    return next ? textNodeOffset(next, 0) : null;
  }
  for (const child of children.slice(0, offset).reverse()) {
    const found = textNodes(child)
      .filter((t) => !skipped(t) && runOf(t))
      .pop();
    if (found) return textNodeOffset(found, (found.textContent ?? '').length);
  }
  return null;
}

/** Narrow [start, end) past surrounding whitespace; null when nothing but whitespace is left. */
export function trimRange(text: string, start: number, end: number): { start: number; end: number } | null {
  let s = Math.max(0, Math.min(start, end));
  let e = Math.min(text.length, Math.max(start, end));
  while (s < e && /\s/.test(text[s] ?? '')) s++;
  while (e > s && /\s/.test(text[e - 1] ?? '')) e--;
  return e > s ? { start: s, end: e } : null;
}

/** The next word end after `from` (forward) or the previous word end before it (backward). */
export function wordStep(text: string, from: number, forward: boolean): number {
  const isWord = (i: number) => /[\p{L}\p{N}'’-]/u.test(text[i] ?? '');
  if (forward) {
    let i = from;
    while (i < text.length && !isWord(i)) i++;
    while (i < text.length && isWord(i)) i++;
    return i;
  }
  let i = from;
  while (i > 0 && isWord(i - 1)) i--;
  while (i > 0 && !isWord(i - 1)) i--;
  return i;
}

/** `range` with one edge moved by a word (`wordStep`), trimmed; null when nothing would be left. */
export function moveEdgeByWord(
  text: string,
  range: { start: number; end: number },
  edge: 'start' | 'end',
  forward: boolean,
): { start: number; end: number } | null {
  const { start, end } = range;
  return edge === 'end'
    ? trimRange(text, start, wordStep(text, end, forward))
    : trimRange(text, wordStep(text, start, forward), end);
}

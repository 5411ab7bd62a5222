import type { CodebookNode } from '@weft/protocol';

/*
 * The codebook tree's logic without React: which rows are visible, and where a keyboard or drag
 * move puts a code. Moves are answered as the `code.move` payload (parent + index among the
 * parent's other codes, the moving code left out), or null when the move is impossible or a no-op.
 */

export interface TreeRow {
  node: CodebookNode;
  depth: number;
  parentId: string | null;
  /** Place among its siblings. */
  index: number;
  siblingCount: number;
}

export interface MoveTarget {
  parentId: string | null;
  index: number;
}

export type KeyMove = 'up' | 'down' | 'indent' | 'outdent';
export type DropPosition = 'before' | 'after' | 'inside';

/** Rows in display order; children of collapsed codes are left out. */
export function visibleRows(codes: readonly CodebookNode[], collapsed: ReadonlySet<string>): TreeRow[] {
  const rows: TreeRow[] = [];
  const walk = (nodes: readonly CodebookNode[], depth: number, parentId: string | null) => {
    nodes.forEach((node, index) => {
      rows.push({ node, depth, parentId, index, siblingCount: nodes.length });
      if (node.children.length > 0 && !collapsed.has(node.id)) walk(node.children, depth + 1, node.id);
    });
  };
  walk(codes, 0, null);
  return rows;
}

/** Every code, depth first, with its path of names from the top. */
export function allCodes(codes: readonly CodebookNode[]): { node: CodebookNode; path: string[] }[] {
  const out: { node: CodebookNode; path: string[] }[] = [];
  const walk = (nodes: readonly CodebookNode[], path: string[]) => {
    for (const node of nodes) {
      const here = [...path, node.name];
      out.push({ node, path: here });
      walk(node.children, here);
    }
  };
  walk(codes, []);
  return out;
}

export function findCode(codes: readonly CodebookNode[], id: string): CodebookNode | undefined {
  for (const node of codes) {
    if (node.id === id) return node;
    const inner = findCode(node.children, id);
    if (inner) return inner;
  }
  return undefined;
}

/** The codes from the top down to `id` (inclusive), or [] when it is not in the tree. */
export function ancestry(codes: readonly CodebookNode[], id: string): CodebookNode[] {
  for (const node of codes) {
    if (node.id === id) return [node];
    const inner = ancestry(node.children, id);
    if (inner.length > 0) return [node, ...inner];
  }
  return [];
}

function siblingsOf(codes: readonly CodebookNode[], parentId: string | null): readonly CodebookNode[] {
  if (parentId === null) return codes;
  return findCode(codes, parentId)?.children ?? [];
}

/** Codings on a code and all its descendants. */
export function totalCodings(node: CodebookNode): number {
  return node.children.reduce((sum, child) => sum + totalCodings(child), node.codingCount);
}

/**
 * Alt+arrow moves: up/down swap with the neighbouring sibling; indent makes the code the last
 * child of the sibling above; outdent puts it just after its parent.
 */
export function keyboardMove(
  codes: readonly CodebookNode[],
  codeId: string,
  move: KeyMove,
): MoveTarget | null {
  const path = ancestry(codes, codeId);
  if (path.length === 0) return null;
  const parent = path.length > 1 ? (path[path.length - 2] as CodebookNode) : null;
  const parentId = parent?.id ?? null;
  const siblings = siblingsOf(codes, parentId);
  const index = siblings.findIndex((s) => s.id === codeId);
  switch (move) {
    case 'up':
      return index > 0 ? { parentId, index: index - 1 } : null;
    case 'down':
      return index < siblings.length - 1 ? { parentId, index: index + 1 } : null;
    case 'indent': {
      const above = siblings[index - 1];
      return above ? { parentId: above.id, index: above.children.length } : null;
    }
    case 'outdent': {
      if (!parent) return null;
      const grand = path.length > 2 ? (path[path.length - 3] as CodebookNode) : null;
      const aunts = siblingsOf(codes, grand?.id ?? null);
      return { parentId: grand?.id ?? null, index: aunts.findIndex((s) => s.id === parent.id) + 1 };
    }
  }
}

/** Where dropping `draggedId` on `targetId` puts it; null onto itself or into its own subtree. */
export function dropMove(
  codes: readonly CodebookNode[],
  draggedId: string,
  targetId: string,
  position: DropPosition,
): MoveTarget | null {
  if (draggedId === targetId) return null;
  const dragged = findCode(codes, draggedId);
  const target = findCode(codes, targetId);
  if (!dragged || !target || findCode(dragged.children, targetId)) return null;
  if (position === 'inside') {
    const children = target.children.filter((c) => c.id !== draggedId);
    return { parentId: target.id, index: children.length };
  }
  const path = ancestry(codes, targetId);
  const parentId = path.length > 1 ? (path[path.length - 2] as CodebookNode).id : null;
  const others = siblingsOf(codes, parentId).filter((s) => s.id !== draggedId);
  const at = others.findIndex((s) => s.id === targetId);
  const move = { parentId, index: position === 'before' ? at : at + 1 };
  return isNoOp(codes, draggedId, move) ? null : move;
}

/** True when the move leaves the code where it is. */
export function isNoOp(codes: readonly CodebookNode[], codeId: string, move: MoveTarget): boolean {
  const path = ancestry(codes, codeId);
  const parentId = path.length > 1 ? (path[path.length - 2] as CodebookNode).id : null;
  if (parentId !== move.parentId) return false;
  return siblingsOf(codes, parentId).findIndex((s) => s.id === codeId) === move.index;
}

/** Drop position from where the pointer is within a row: top quarter before, bottom after. */
export function dropPositionAt(offsetY: number, height: number): DropPosition {
  if (offsetY < height * 0.25) return 'before';
  if (offsetY > height * 0.75) return 'after';
  return 'inside';
}

/**
 * The codebook with a move applied, for showing the result before the server answers. Codes the
 * move does not touch keep their identity, so rows that did not change need not render again.
 */
export function applyMove(codes: readonly CodebookNode[], codeId: string, move: MoveTarget): CodebookNode[] {
  const node = findCode(codes, codeId);
  if (!node) return [...codes];
  const moved = { ...node, parentId: move.parentId };
  const rebuild = (nodes: readonly CodebookNode[], parentId: string | null): CodebookNode[] => {
    let changed = false;
    let list = nodes.filter((n) => n.id !== codeId);
    if (list.length !== nodes.length) changed = true;
    if (parentId === move.parentId) {
      list = [...list.slice(0, move.index), moved, ...list.slice(move.index)];
      changed = true;
    }
    const out = list.map((n) => {
      if (n === moved) return n;
      const children = rebuild(n.children, n.id);
      if (children === n.children) return n;
      changed = true;
      return { ...n, children };
    });
    return changed ? out : (nodes as CodebookNode[]);
  };
  return rebuild(codes, null);
}

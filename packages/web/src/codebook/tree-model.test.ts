import type { CodebookNode } from '@weft/protocol';
import { describe, expect, it } from 'vitest';
import { applyMove, dropMove, dropPositionAt, keyboardMove, totalCodings, visibleRows } from './tree-model';

const code = (id: string, children: CodebookNode[] = [], codingCount = 0): CodebookNode => ({
  id,
  parentId: null,
  name: id.toUpperCase(),
  description: '',
  inclusion: '',
  exclusion: '',
  example: '',
  colour: null,
  shortcut: null,
  codingCount,
  children,
});

// a
// ├ a1
// │ └ a1x
// └ a2
// b
// c
const tree = () => [code('a', [code('a1', [code('a1x')], 2), code('a2', [], 3)], 1), code('b'), code('c')];

describe('visibleRows', () => {
  it('lists every code depth first with its depth and place', () => {
    const rows = visibleRows(tree(), new Set());
    expect(rows.map((r) => `${r.node.id}:${r.depth}:${r.index}/${r.siblingCount}`)).toEqual([
      'a:0:0/3',
      'a1:1:0/2',
      'a1x:2:0/1',
      'a2:1:1/2',
      'b:0:1/3',
      'c:0:2/3',
    ]);
    expect(rows[2]?.parentId).toBe('a1');
  });

  it('hides the descendants of collapsed codes', () => {
    expect(visibleRows(tree(), new Set(['a'])).map((r) => r.node.id)).toEqual(['a', 'b', 'c']);
    expect(visibleRows(tree(), new Set(['a1'])).map((r) => r.node.id)).toEqual(['a', 'a1', 'a2', 'b', 'c']);
  });
});

describe('keyboardMove', () => {
  it('moves up and down among siblings, not past the ends', () => {
    expect(keyboardMove(tree(), 'b', 'up')).toEqual({ parentId: null, index: 0 });
    expect(keyboardMove(tree(), 'b', 'down')).toEqual({ parentId: null, index: 2 });
    expect(keyboardMove(tree(), 'a', 'up')).toBeNull();
    expect(keyboardMove(tree(), 'c', 'down')).toBeNull();
    expect(keyboardMove(tree(), 'a2', 'up')).toEqual({ parentId: 'a', index: 0 });
  });

  it('indents under the sibling above, as its last child', () => {
    expect(keyboardMove(tree(), 'b', 'indent')).toEqual({ parentId: 'a', index: 2 });
    expect(keyboardMove(tree(), 'a2', 'indent')).toEqual({ parentId: 'a1', index: 1 });
    expect(keyboardMove(tree(), 'a', 'indent')).toBeNull();
  });

  it('outdents to just after the parent', () => {
    expect(keyboardMove(tree(), 'a1', 'outdent')).toEqual({ parentId: null, index: 1 });
    expect(keyboardMove(tree(), 'a1x', 'outdent')).toEqual({ parentId: 'a', index: 1 });
    expect(keyboardMove(tree(), 'b', 'outdent')).toBeNull();
  });

  it('answers null for a code not in the tree', () => {
    expect(keyboardMove(tree(), 'zz', 'up')).toBeNull();
  });
});

describe('dropMove', () => {
  it('drops inside a code as its last child', () => {
    expect(dropMove(tree(), 'c', 'a1', 'inside')).toEqual({ parentId: 'a1', index: 1 });
    // Already a child of the target: it goes last among the others.
    expect(dropMove(tree(), 'a1', 'a', 'inside')).toEqual({ parentId: 'a', index: 1 });
  });

  it('drops before and after a code, counting places without the dragged code', () => {
    expect(dropMove(tree(), 'c', 'a', 'before')).toEqual({ parentId: null, index: 0 });
    expect(dropMove(tree(), 'a', 'c', 'after')).toEqual({ parentId: null, index: 2 });
    expect(dropMove(tree(), 'b', 'a2', 'after')).toEqual({ parentId: 'a', index: 2 });
  });

  it('refuses a drop onto itself, into its own subtree, or one that changes nothing', () => {
    expect(dropMove(tree(), 'a', 'a', 'inside')).toBeNull();
    expect(dropMove(tree(), 'a', 'a1x', 'inside')).toBeNull();
    expect(dropMove(tree(), 'a', 'a1', 'before')).toBeNull();
    expect(dropMove(tree(), 'b', 'a', 'after')).toBeNull();
    expect(dropMove(tree(), 'b', 'c', 'before')).toBeNull();
  });
});

describe('applyMove', () => {
  it('shows the tree as the move leaves it', () => {
    const moved = applyMove(tree(), 'c', { parentId: 'a', index: 1 });
    expect(visibleRows(moved, new Set()).map((r) => `${r.node.id}:${r.depth}`)).toEqual([
      'a:0',
      'a1:1',
      'a1x:2',
      'c:1',
      'a2:1',
      'b:0',
    ]);
    const up = applyMove(tree(), 'a1x', { parentId: null, index: 0 });
    expect(up.map((n) => n.id)).toEqual(['a1x', 'a', 'b', 'c']);
  });
});

describe('helpers', () => {
  it('counts codings of a code with its descendants', () => {
    expect(totalCodings(tree()[0] as CodebookNode)).toBe(6);
  });

  it('reads the drop position from the pointer height within a row', () => {
    expect(dropPositionAt(2, 32)).toBe('before');
    expect(dropPositionAt(16, 32)).toBe('inside');
    expect(dropPositionAt(30, 32)).toBe('after');
  });
});

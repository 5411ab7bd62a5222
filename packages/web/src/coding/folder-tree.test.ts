import { describe, expect, it } from 'vitest';
import { folderPath, folderTree } from './folder-tree';

const doc = (folder: string, name: string) => ({ folder, name });

describe('folderPath', () => {
  it('trims the parts and drops empty ones', () => {
    expect(folderPath(' Interviews / Wave 1/ ')).toBe('Interviews/Wave 1');
    expect(folderPath('')).toBe('');
    expect(folderPath('//')).toBe('');
  });
});

describe('folderTree', () => {
  it('nests subfolders under their parents, depth first, with totals for the whole subtree', () => {
    const tree = folderTree([
      doc('Interviews/Wave 2', 'c.txt'),
      doc('Interviews/Wave 1', 'b.txt'),
      doc('', 'loose.txt'),
      doc('Findings', 'f.docx'),
      doc('Interviews/Wave 1', 'a.txt'),
      doc('Interviews', 'guide.docx'),
    ]);
    expect(tree.map((n) => [n.path, n.name, n.depth, n.items.map((d) => d.name), n.total])).toEqual([
      ['', '', 0, ['loose.txt'], 1],
      ['Findings', 'Findings', 0, ['f.docx'], 1],
      ['Interviews', 'Interviews', 0, ['guide.docx'], 4],
      ['Interviews/Wave 1', 'Wave 1', 1, ['a.txt', 'b.txt'], 2],
      ['Interviews/Wave 2', 'Wave 2', 1, ['c.txt'], 1],
    ]);
  });

  it('lists a parent that holds only subfolders, so the tree has no gaps', () => {
    const tree = folderTree([doc('Sites/North/School A', 'notes.txt')]);
    expect(tree.map((n) => [n.path, n.depth, n.items.length, n.total])).toEqual([
      ['Sites', 0, 0, 1],
      ['Sites/North', 1, 0, 1],
      ['Sites/North/School A', 2, 1, 1],
    ]);
  });

  it('puts a folder before a sibling folder that sorts after it, not after its own children', () => {
    const tree = folderTree([doc('A/Z', '1'), doc('A B', '2'), doc('A', '3')]);
    expect(tree.map((n) => n.path)).toEqual(['A', 'A/Z', 'A B']);
  });
});

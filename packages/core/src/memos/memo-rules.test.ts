import { describe, expect, it } from 'vitest';
import { annotationText, checkMemoLink, checkMemoTarget, mayChangeNote, memoTitle } from './memo-rules.js';

describe('memo rules', () => {
  it('lets the author change their note, a lead anyone’s, and nobody below reviewer', () => {
    expect(mayChangeNote('reviewer', 'ana', 'ana')).toBe(true);
    expect(mayChangeNote('reviewer', 'ana', 'ben')).toBe(false);
    expect(mayChangeNote('lead', 'lea', 'ben')).toBe(true);
    expect(mayChangeNote('owner', 'oli', 'ben')).toBe(true);
    expect(mayChangeNote('viewer', 'ana', 'ana')).toBe(false);
    expect(mayChangeNote(undefined, 'ana', 'ana')).toBe(false);
  });

  it('refuses a memo linking to itself, allows another memo or a segment', () => {
    expect(() => checkMemoLink('m1', { kind: 'memo', targetId: 'm1' })).toThrow(/itself/);
    expect(checkMemoLink('m1', { kind: 'memo', targetId: 'm2' })).toEqual({ kind: 'memo', targetId: 'm2' });
    // A coding that happens to share the id is not the memo.
    expect(checkMemoLink('m1', { kind: 'coding', targetId: 'm1' }).kind).toBe('coding');
  });

  it('needs a target id except on the project', () => {
    expect(checkMemoTarget({ kind: 'project', id: null })).toEqual({ kind: 'project', id: null });
    expect(() => checkMemoTarget({ kind: 'project', id: 'x' })).toThrow(/no target id/);
    expect(() => checkMemoTarget({ kind: 'code', id: null })).toThrow(/code's id/);
  });

  it('titles a memo by its first words when no title is given', () => {
    expect(memoTitle('  Funding \n themes ', '')).toBe('Funding themes');
    expect(memoTitle('', '')).toBe('Untitled memo');
    expect(memoTitle('', 'Short note')).toBe('Short note');
    expect(memoTitle('', 'word '.repeat(30))).toMatch(/^word( word)+…$/);
    expect(() => memoTitle('x'.repeat(201), '')).toThrow(/at most 200/);
  });

  it('trims annotations and refuses empty or overlong ones', () => {
    expect(annotationText('  ambiguous  ')).toBe('ambiguous');
    expect(() => annotationText('   ')).toThrow(/needs some text/);
    expect(() => annotationText('x'.repeat(2001))).toThrow(/write a memo/);
  });
});

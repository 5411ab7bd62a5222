import { describe, expect, it } from 'vitest';
import { type BibliographicRecord, emptyRecord } from '../records/bibliographic-record.js';
import { findDuplicates, type IdentifiedRecord } from './find-duplicates.js';

const article = (overrides: Partial<BibliographicRecord> = {}): BibliographicRecord => ({
  ...emptyRecord(),
  title:
    'Constraint-induced movement therapy after stroke: a randomised controlled trial of upper limb recovery',
  authors: [
    { family: 'Wolf', given: 'Steven L' },
    { family: 'Winstein', given: 'Carolee J' },
    { family: 'Miller', given: 'J Philip' },
  ],
  year: 2006,
  container: 'JAMA',
  volume: '296',
  issue: '17',
  pages: '2095-2104',
  publicationType: 'journal-article',
  ...overrides,
});

const records = (list: Array<[string, BibliographicRecord]>): IdentifiedRecord[] =>
  list.map(([id, record]) => ({ id, record }));

describe('findDuplicates', () => {
  it('groups certain duplicates transitively and reports the pairs with evidence', () => {
    const result = findDuplicates(
      records([
        ['medline', article({ doi: '10.1001/jama.296.17.2095', pmid: '17077374' })],
        [
          'embase',
          article({
            container: 'Journal of the American Medical Association',
            doi: 'doi:10.1001/JAMA.296.17.2095',
          }),
        ],
        [
          'wos',
          article({
            title:
              'CONSTRAINT-INDUCED MOVEMENT THERAPY AFTER STROKE - A RANDOMISED CONTROLLED TRIAL OF UPPER LIMB RECOVERY',
            pages: '2095-104',
          }),
        ],
        [
          'other',
          article({ title: 'Mirror therapy for improving motor function after stroke', pages: '12-20' }),
        ],
      ]),
    );
    expect(result.groups).toEqual([{ ids: ['medline', 'embase', 'wos'] }]);
    const pair = result.pairs.find((p) => p.a === 'medline' && p.b === 'embase');
    expect(pair?.decision).toBe('certain');
    expect(pair?.evidence.find((e) => e.field === 'doi')?.outcome).toBe('agree');
    expect(result.pairs.some((p) => p.a === 'other' || p.b === 'other')).toBe(false);
  });

  it('never joins an erratum to its article through a third record (cannot-link)', () => {
    const original = article();
    // The erratum shares title, authors, volume and first page with a copy that has no title prefix.
    const result = findDuplicates(
      records([
        ['a', original],
        ['b', article({ title: `Erratum: ${original.title}` })],
        ['c', article({ title: `${original.title}.` })],
      ]),
    );
    expect(result.groups).toEqual([{ ids: ['a', 'c'] }]);
  });

  it('refuses a union that would bring two cannot-linked records into one group', () => {
    // Parts I and II must stay apart even though a record without the part number matches both.
    const result = findDuplicates(
      records([
        ['part1', article({ title: 'Stroke rehabilitation in practice. Part I: the first weeks of care' })],
        ['part2', article({ title: 'Stroke rehabilitation in practice. Part II: the first weeks of care' })],
      ]),
    );
    expect(result.groups).toEqual([]);
    expect(result.pairs).toEqual([]);
  });

  it('respects "not a duplicate" answers, even against certain evidence', () => {
    const result = findDuplicates(
      records([
        ['a', article()],
        ['b', article()],
        ['c', article()],
      ]),
      { notDuplicates: [['a', 'b']] },
    );
    const group = result.groups[0]?.ids ?? [];
    expect(group.includes('a') && group.includes('b')).toBe(false);
    expect(result.groups.length).toBe(1);
    expect(result.pairs.find((p) => [p.a, p.b].sort().join() === 'a,b')).toBeUndefined();
  });

  it('applies "is a duplicate" answers and marks them as the user\'s', () => {
    const result = findDuplicates(
      records([
        [
          'abstract',
          article({
            container: 'Stroke',
            volume: '37',
            pages: 'S620',
            publicationType: 'conference-abstract',
          }),
        ],
        ['article', article()],
      ]),
      { confirmedDuplicates: [['abstract', 'article']] },
    );
    expect(result.groups).toEqual([{ ids: ['abstract', 'article'] }]);
    expect(result.pairs[0]).toMatchObject({ decision: 'certain', decidedBy: 'user' });
  });

  it('lets "not a duplicate" win over a contradicting "is a duplicate"', () => {
    const result = findDuplicates(
      records([
        ['a', article()],
        ['b', article()],
      ]),
      {
        notDuplicates: [['a', 'b']],
        confirmedDuplicates: [['b', 'a']],
      },
    );
    expect(result.groups).toEqual([]);
    expect(result.pairs[0]).toMatchObject({ decision: 'distinct', decidedBy: 'user' });
  });

  it('skips answers about records that are not in this import', () => {
    const result = findDuplicates(records([['a', article()]]), { notDuplicates: [['a', 'gone']] });
    expect(result).toEqual({ pairs: [], groups: [] });
  });

  it('sends uncertain pairs to the review queue with reasons', () => {
    const result = findDuplicates(
      records([
        ['2006', article()],
        // Two years apart: not the online-first year against the print year.
        ['2008', article({ year: 2008 })],
      ]),
    );
    expect(result.groups).toEqual([]);
    expect(result.pairs).toHaveLength(1);
    expect(result.pairs[0]).toMatchObject({ decision: 'possible', reasons: ['different years'] });
  });

  it('stays near-linear on a huge first-author-and-year block', () => {
    const many = Array.from({ length: 3000 }, (_, i) =>
      article({
        title: `Outcome measure ${i} in a very common kind of stroke study`,
        pages: `${i}-${i + 5}`,
      }),
    );
    const started = Date.now();
    const result = findDuplicates(records(many.map((record, i) => [`r${i}`, record])), { maxBlockSize: 50 });
    expect(result.groups).toEqual([]);
    expect(Date.now() - started).toBeLessThan(20_000);
  });

  it('is deterministic', () => {
    const input = records([
      ['a', article()],
      ['b', article({ doi: '10.1001/jama.296.17.2095' })],
      ['c', article({ year: 2007 })],
    ]);
    expect(findDuplicates(input)).toEqual(findDuplicates(input));
  });
});

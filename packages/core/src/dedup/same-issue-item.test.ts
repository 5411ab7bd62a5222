import { describe, expect, it } from 'vitest';
import { type BibliographicRecord, emptyRecord, type PersonName } from '../records/bibliographic-record.js';
import { compareRecords } from './compare-records.js';
import { normalizeIssue, prepareRecord } from './prepare-record.js';

const names = (...list: Array<[string, string]>): PersonName[] =>
  list.map(([family, given]) => ({ family, given }));

const compare = (a: BibliographicRecord, b: BibliographicRecord) =>
  compareRecords(prepareRecord('a', 0, a), prepareRecord('b', 1, b));

/** A meeting abstract a journal prints in a regular issue's electronic pages, as one database lists it. */
const listed: BibliographicRecord = {
  ...emptyRecord(),
  title: 'Constraint-induced aphasia therapy in the first month after stroke: a pilot randomised trial',
  authors: names(['Okafor', 'N.'], ['Lindqvist', 'E.'], ['Baptiste', 'R.']),
  year: 2012,
  container: 'Archives of Physical Medicine and Rehabilitation',
  volume: '93',
  issue: '10',
  pages: 'e14-e15',
  publicationType: 'journal-article',
};

/** The same item from another database: other punctuation, the journal abbreviated, another page. */
const again: BibliographicRecord = {
  ...listed,
  title: 'Constraint-induced aphasia therapy in the first month after stroke - a pilot randomised trial.',
  authors: names(['Okafor', 'Ngozi'], ['Lindqvist', 'Eva'], ['Baptiste', 'Rose']),
  container: 'Arch Phys Med Rehabil',
  issue: '010',
  pages: 'e4',
};

describe('one item of one issue listed at two pages', () => {
  it('is certain when title, every author, journal, volume, issue and year agree', () => {
    const result = compare(listed, again);
    expect(result.evidence.find((item) => item.field === 'pages')?.outcome).toBe('disagree');
    expect(result.decision).toBe('certain');
  });

  it('is not certain in another issue: a later item with the same title may be an unlabelled erratum', () => {
    expect(compare(listed, { ...again, issue: '12', pages: '2205' }).decision).toBe('possible');
  });

  it('is not certain when either record lacks the issue', () => {
    expect(compare(listed, { ...again, issue: undefined }).decision).toBe('possible');
    expect(compare({ ...listed, issue: undefined }, { ...again, issue: undefined }).decision).toBe(
      'possible',
    );
  });

  it('is not certain when the author lists differ by one name', () => {
    const oneMore = { ...again, authors: [...(again.authors ?? []), { family: 'Haddad', given: 'S.' }] };
    expect(compare(listed, oneMore).decision).toBe('possible');
    const oneFewer = { ...again, authors: again.authors.slice(0, 2) };
    expect(compare(listed, oneFewer).decision).toBe('possible');
  });

  it('is not certain for a single author, who may write two items of one title (a column, a series)', () => {
    const single = names(['Okafor', 'N.']);
    expect(compare({ ...listed, authors: single }, { ...again, authors: single }).decision).toBe('possible');
  });

  it('is not certain for a short, generic title', () => {
    const title = 'Aphasia therapy: an update';
    expect(compare({ ...listed, title }, { ...again, title }).decision).toBe('possible');
  });

  it('keeps different articles of the issue with similar titles apart', () => {
    const sibling = {
      ...again,
      title: 'Constraint-induced aphasia therapy in the first year after stroke: a pilot randomised trial',
    };
    expect(compare(listed, sibling).decision).not.toBe('certain');
  });

  it('keeps the parts of a series in one issue apart', () => {
    const part1 = { ...listed, title: `${listed.title}. Part I: methods` };
    const part2 = { ...again, title: `${listed.title}. Part II: results` };
    const result = compare(part1, part2);
    expect(result.decision).toBe('distinct');
    expect(result.cannotLink).toBe(true);
  });

  it('keeps a correction notice printed in the same issue apart from the item', () => {
    const notice = { ...again, title: `Erratum: ${listed.title}` };
    expect(compare(listed, notice).decision).toBe('distinct');
  });

  it('keeps a protocol in the same issue apart from the results', () => {
    const protocol = {
      ...again,
      title:
        'Constraint-induced aphasia therapy in the first month after stroke: protocol for a pilot randomised trial',
    };
    expect(compare(listed, protocol).decision).not.toBe('certain');
  });
});

describe('normalizeIssue', () => {
  it('compares issues by their letters and digits', () => {
    expect(normalizeIssue('10')).toBe(normalizeIssue('010'));
    expect(normalizeIssue('Suppl. 2')).toBe('suppl2');
    expect(normalizeIssue('3-B')).toBe('3b');
    expect(normalizeIssue('2')).not.toBe(normalizeIssue('12'));
    expect(normalizeIssue(' - ')).toBeUndefined();
  });
});

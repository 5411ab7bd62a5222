import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FormatError } from '../format-error.js';
import { bibtexPlugin } from './bibtex-plugin.js';

const fixture = (name: string) =>
  readFileSync(new URL(`../fixtures/bibtex/${name}`, import.meta.url), 'utf8');
const parse = (name: string) => bibtexPlugin.parse(fixture(name), { fileName: name });

describe('BibTeX import', () => {
  const cases = [
    {
      file: 'jabref-bibtex.bib',
      count: 3,
      index: 1,
      expected: {
        sourceId: 'Mueller2020',
        title: 'RNA sequencing in École-based cohorts: a pilot',
        authors: [
          { family: 'Müller', given: 'Jörg' },
          { family: 'García-López', given: 'María' },
          { family: 'World Health Organization', literal: 'World Health Organization' },
          { family: 'van der Berg', given: 'Jan' },
        ],
        container: 'Social Science & Medicine',
        year: 2020,
        pages: '113-120',
        abstract: 'We found 50% more cases & fewer controls.',
        issn: ['0277-9536'],
        publicationType: 'journal-article',
        extra: { month: ['12'] },
      },
    },
    {
      file: 'jabref-bibtex.bib',
      count: 3,
      index: 0,
      expected: {
        doi: '10.1186/s12889-021-10630-1',
        keywords: ['collaboration', 'integrated care', 'systematic review'],
        extra: { month: ['4'], publisher: ['Springer Science', 'Business Media LLC'] }, // BibLaTeX: publisher is an 'and' list
      },
    },
    {
      file: 'jabref-bibtex.bib',
      count: 3,
      index: 2,
      expected: {
        publicationType: 'conference-paper',
        container: 'Proceedings of the Workshop on Evidence Synthesis',
        extra: { note: ['Best paper'] },
      },
    },
    {
      file: 'better-biblatex.bib',
      count: 3,
      index: 0,
      expected: {
        year: 2023,
        container: 'Social Science & Medicine',
        containerAbbreviation: 'Soc Sci Med',
        language: 'english',
        urls: ['https://www.sciencedirect.com/science/article/pii/S0277953623001234'],
        keywords: ['CMO configuration', 'Programme theory', 'Realist synthesis'],
        extra: {
          date: ['2023-03-01'],
          urldate: ['2024-01-15'],
          file: ['/home/user/Zotero/storage/ABCD1234/Millar.pdf'],
        },
      },
    },
    {
      file: 'better-biblatex.bib',
      count: 3,
      index: 1,
      expected: {
        title: 'PRISMA 2020 Statement',
        authors: [{ family: 'PRISMA Executive', literal: 'PRISMA Executive' }],
        publicationType: 'web-page',
        extra: { eprinttype: ['pubmed'], eprint: ['33782057'] },
      },
    },
    {
      file: 'better-biblatex.bib',
      count: 3,
      index: 2,
      expected: {
        publicationType: 'thesis',
        title: 'Integrated care in Nigeria',
        extra: { entrytype: ['thesis'] },
      },
    },
    {
      file: 'google-scholar.bib',
      count: 1,
      index: 0,
      expected: {
        container: 'Bmj',
        pages: '629-634',
        issue: '7109',
        authors: [
          { family: 'Egger', given: 'Matthias' },
          { family: 'Smith', given: 'George Davey' },
          { family: 'Schneider', given: 'Martin' },
          { family: 'Minder', given: 'Christoph' },
        ],
      },
    },
  ] as const;

  it.each(cases)('$file entry $index', ({ file, count, index, expected }) => {
    const { records, warnings } = parse(file);
    expect(warnings).toEqual([]);
    expect(records).toHaveLength(count);
    expect(records[index]?.record).toMatchObject(expected);
    expect(records[index]?.sourceText.startsWith('@')).toBe(true);
  });

  it('records the line of each entry', () => {
    expect(parse('jabref-bibtex.bib').records.map((r) => r.line)).toEqual([5, 19, 31]);
  });

  it('keeps the complete entries of a truncated file and warns about the cut one', () => {
    const { records, warnings } = parse('truncated.bib');
    expect(records.map((r) => r.record.title)).toEqual(['Complete entry']);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]?.message).toContain('Unterminated');
    expect(warnings[0]?.line).toBe(8);
  });
});

describe('BibTeX round trip: import → export → import keeps every field', () => {
  it.each(['jabref-bibtex.bib', 'better-biblatex.bib', 'google-scholar.bib'])('%s', (file) => {
    const first = parse(file).records.map((r) => r.record);
    const written = bibtexPlugin.format?.(first) ?? '';
    const again = bibtexPlugin.parse(written, { fileName: 'out.bib' });
    expect(again.warnings).toEqual([]);
    expect(again.records.map((r) => r.record)).toEqual(first);
  });

  it('escapes LaTeX special characters so they read back unchanged', () => {
    const title = 'A & B 50% $5 #1 under_score {brace} tilde~ back\\slash caret^ a < b > c--d';
    const written = bibtexPlugin.format?.([
      { type: 'bibliographic-record', title, authors: [], keywords: [], urls: [], extra: {} },
    ]);
    const again = bibtexPlugin.parse(written ?? '', { fileName: 'x.bib' });
    expect(again.records[0]?.record.title).toBe(title);
  });
});

describe('BibTeX bad input', () => {
  it.each([
    { text: '', message: 'x.bib: the file is empty (no BibTeX entries)' },
    { text: 'just some prose, no entries', message: 'x.bib: no BibTeX entries found' },
    { text: '@article{cut,\n  title = {open\n', message: 'x.bib, line 3: Unterminated brace-value' },
  ])('$message', ({ text, message }) => {
    const attempt = () => bibtexPlugin.parse(text, { fileName: 'x.bib' });
    expect(attempt).toThrow(FormatError);
    expect(attempt).toThrow(message);
  });
});

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FormatError } from '../format-error.js';
import { parseFile } from '../registry.js';
import { nbibPlugin } from './nbib-plugin.js';

const bytes = (name: string) => readFileSync(new URL(`../fixtures/nbib/${name}`, import.meta.url));

describe('PubMed/MEDLINE (.nbib) import', () => {
  const cases = [
    {
      file: 'pubmed-two-records.nbib',
      count: 2,
      lines: [1, 52],
      first: {
        pmid: '33902498',
        sourceId: '33902498',
        title:
          'The impacts of collaboration between local health care and non-health care organizations and factors shaping how they work: a systematic review of reviews.',
        authors: [
          { family: 'Alderwick', given: 'Hugh' },
          { family: 'Hutchings', given: 'Andrew' },
          { family: 'Briggs', given: 'Adam' },
          { family: 'Mays', given: 'Nicholas' },
        ],
        year: 2021,
        container: 'BMC public health',
        containerAbbreviation: 'BMC Public Health',
        volume: '21',
        issue: '1',
        pages: '753',
        doi: '10.1186/s12889-021-10630-1',
        issn: ['1471-2458'],
        language: 'eng',
        publicationType: 'journal-article',
        keywords: [
          'Collaboration',
          'Integrated care',
          'Community Health Services/organization & administration',
          '*Cooperative Behavior',
          'Humans',
        ],
      },
      firstExtra: {
        DP: ['2021 Apr 26'],
        AU: ['Alderwick H', 'Hutchings A', 'Briggs A', 'Mays N'],
        LID: ['10.1186/s12889-021-10630-1 [doi]', '753'],
        PT: ['Journal Article', 'Systematic Review'],
      },
      second: {
        authors: [{ family: 'The Lancet Editors', literal: 'The Lancet Editors' }],
        publicationType: 'retraction',
        pages: '29-30',
        issn: ['0140-6736'],
        language: 'eng',
        extra: expect.objectContaining({ LA: ['fre'] }),
      },
    },
    {
      file: 'pubmed-crlf-no-trailing-blank.nbib',
      count: 1,
      lines: [1],
      first: {
        authors: [
          { family: 'Smith', given: 'JA' },
          { family: 'van der Berg', given: 'J' },
        ],
        year: 1998,
        pages: '100-10',
        containerAbbreviation: 'J Old',
      },
      firstExtra: {},
    },
    {
      file: 'pubmed-book.nbib',
      count: 1,
      lines: [2],
      first: {
        title: 'GeneReviews(R)',
        publicationType: 'book-chapter',
        authors: [{ family: 'GeneReviews Advisory Committee', literal: 'GeneReviews Advisory Committee' }],
      },
      firstExtra: { CTI: ['Example chapter title'], FED: ['Adam, Margaret P'] },
    },
    {
      file: 'pubmed-crlf.nbib',
      count: 1,
      lines: [1],
      first: { title: 'CRLF line endings wrapped.', year: 2020 },
      firstExtra: { DP: ['2020 Dec'] },
    },
  ] as const;

  it.each(cases)('$file', async (c) => {
    const result = await parseFile(bytes(c.file), c.file);
    expect(result.format).toBe('nbib');
    expect(result.warnings).toEqual([]);
    expect(result.records).toHaveLength(c.count);
    expect(result.records.map((r) => r.line)).toEqual(c.lines);
    expect(result.records[0]?.record).toMatchObject(c.first);
    expect(result.records[0]?.record.extra).toMatchObject(c.firstExtra);
    if ('second' in c) expect(result.records[1]?.record).toMatchObject(c.second);
    expect(result.records[0]?.sourceText.startsWith('PMID- ')).toBe(true);
  });
});

describe('nbib bad input', () => {
  it.each([
    { text: '', message: 'x.nbib: the file is empty (no PubMed records)' },
    {
      text: 'TY  - JOUR\nER  - \n',
      message: "x.nbib, line 1: expected the first record to start with 'PMID- ', found 'TY  - JOUR'",
    },
    { text: '      indented first line\n', message: 'x.nbib, line 1: continuation line outside a record' },
    {
      text: 'PMID- 1\nTI  - ok\n\nThis is prose\n',
      message: "x.nbib, line 4: expected a MEDLINE tag like 'PMID- ', found 'This is prose'",
    },
  ])('$message', ({ text, message }) => {
    const attempt = () => nbibPlugin.parse(text, { fileName: 'x.nbib' });
    expect(attempt).toThrow(FormatError);
    expect(attempt).toThrow(message);
  });

  it('warns about a record without PMID', () => {
    const { records, warnings } = nbibPlugin.parse('PMID- 1\n\nTI  - No id\nDP  - 2001\n', {
      fileName: 'x.nbib',
    });
    expect(records[1]?.record.title).toBe('No id');
    expect(warnings).toEqual([{ message: 'record has no PMID', line: 3, record: 2 }]);
  });
});

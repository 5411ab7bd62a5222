import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FormatError } from '../format-error.js';
import { risPlugin } from './ris-plugin.js';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/ris/${name}`, import.meta.url), 'utf8');
const parse = (name: string) => risPlugin.parse(fixture(name), { fileName: name });

describe('RIS import of real-world variants', () => {
  const cases = [
    {
      file: 'ovid-medline.ris',
      count: 2,
      first: {
        title: 'Integrated care for older people with frailty: a systematic review of reviews.',
        authors: [
          { family: 'Smith', given: 'John A' },
          { family: 'Doe', given: 'Jane' },
          { family: 'Collaborative Frailty Group', literal: 'Collaborative Frailty Group' },
        ],
        year: 2019,
        container: 'BMJ open',
        containerAbbreviation: 'BMJ Open',
        pages: 'e024567',
        doi: '10.1136/bmjopen-2018-024567',
        pmid: '31234567',
        sourceId: '31234567',
        issn: ['2044-6055'],
        publicationType: 'journal-article',
      },
      abstractStart: 'BACKGROUND: Integrated care is promoted as a response to frailty. METHODS:',
      extraKeys: ['DB', 'CY', 'M2'],
      warnings: 0,
    },
    {
      file: 'ebsco-cinahl.ris',
      count: 2,
      first: {
        title: 'Nurse-led interventions for people with long-term conditions in primary care',
        year: 2020,
        container: 'Journal of Advanced Nursing',
        volume: '76',
        issue: '5',
        pages: '1123-1135',
        doi: '10.1111/jan.14321',
        keywords: ['Nursing Role', 'Primary Health Care', 'Chronic Disease'],
      },
      second: { doi: '10.12968/bjcn.2017.22.11.540', pages: '540-546' },
      extraKeys: ['JO', 'Y1', 'AD', 'M3', 'N1', 'DP', 'DB'],
      warnings: 0,
    },
    {
      file: 'scopus.ris',
      count: 2,
      first: {
        authors: [
          { family: 'Müller', given: 'K.' },
          { family: 'García-López', given: 'M.' },
          { family: 'van der Berg', given: 'J.' },
        ],
        year: 2021,
        container: 'BMC Health Services Research',
        containerAbbreviation: 'BMC Health Serv. Res.',
        doi: '10.1186/s12913-021-06456-7',
        issn: ['14726963'],
        language: 'English',
      },
      second: { publicationType: 'conference-paper', pages: '12-19' },
      extraKeys: ['C7', 'PB', 'M3', 'DB', 'N1'],
      warnings: 0,
    },
    {
      file: 'web-of-science.ris',
      count: 1,
      first: {
        container: 'HEALTH POLICY',
        issn: ['0168-8510', '1872-6054'],
        year: 2018,
        pages: '849-857',
        doi: '10.1016/j.healthpol.2018.05.012',
      },
      extraKeys: ['M3', 'DA', 'AN', 'C6', 'J9'],
      warnings: 0,
    },
    {
      file: 'embase.ris',
      count: 1,
      first: {
        sourceId: '2005123456',
        authors: [
          { family: 'Patel', given: 'R.' },
          { family: "O'Brien", given: 'M.' },
          { family: 'Dupont', given: 'J.-P.' },
        ],
        year: 2020,
        container: 'Journal of Telemedicine and Telecare',
        containerAbbreviation: 'J. Telemed. Telecare',
        issue: '7-8',
        pages: '421-430',
        issn: ['1357-633X'],
        doi: '10.1177/1357633x19845678',
      },
      extraKeys: ['CY', 'PB', 'SN', 'AD', 'M3', 'DB', 'U2', 'C5', 'L2'],
      warnings: 0,
    },
    {
      file: 'proquest.ris',
      count: 1,
      first: {
        year: 2019,
        authors: [
          { family: 'Nguyen', given: 'Thi' },
          { family: 'Okafor', given: 'Chidi' },
        ],
        doi: '10.5334/ijic.4567',
        pages: '1-12',
        issn: ['15684156'],
      },
      extraKeys: ['AN', 'CY', 'PB', 'Y2', 'DA', 'DB', 'L2'],
      warnings: 0,
    },
    {
      file: 'endnote.ris',
      count: 2,
      first: {
        year: 2021,
        container: 'BMC Public Health',
        doi: '10.1186/s12889-021-10630-1',
        sourceId: '12',
        urls: ['https://doi.org/10.1186/s12889-021-10630-1'],
      },
      abstractStart:
        'Background: Cross-sector collaboration is a cornerstone of policy. Methods: We searched',
      second: {
        publicationType: 'book-chapter',
        container: 'Evidence-based Policy: A Realist Perspective',
        isbn: ['9781412910606'],
        pages: '73-104',
      },
      extraKeys: ['AD', 'Y1', 'N1', 'M3'],
      warnings: 0,
    },
    {
      file: 'zotero.ris',
      count: 3,
      first: {
        container: 'Social Science & Medicine',
        containerAbbreviation: 'Soc Sci Med',
        year: 2023,
        language: 'en',
        pages: '115789',
        doi: '10.1016/j.socscimed.2023.115789',
      },
      second: {
        publicationType: 'book',
        title: 'Systematic Reviews in Health Research',
        isbn: ['978-1-119-09985-2'],
        authors: [
          { family: 'Egger', given: 'Matthias' },
          { family: 'Higgins', given: 'Julian P. T.' },
          { family: 'Davey Smith', given: 'George' },
        ],
      },
      extraKeys: ['DA', 'DP', 'ST'],
      warnings: 0,
    },
  ] as const;

  it.each(cases)('$file', (c) => {
    const { records, warnings } = parse(c.file);
    expect(records).toHaveLength(c.count);
    expect(warnings).toHaveLength(c.warnings);
    const first = records[0]?.record;
    expect(first).toMatchObject(c.first);
    if ('second' in c) expect(records[1]?.record).toMatchObject(c.second);
    if ('abstractStart' in c) expect(first?.abstract?.startsWith(c.abstractStart)).toBe(true);
    expect(Object.keys(first?.extra ?? {})).toEqual(c.extraKeys);
    expect(records[0]?.line).toBe(1);
    expect(records[0]?.sourceText.startsWith('TY  - ')).toBe(true);
    expect(records[0]?.sourceText.trimEnd().endsWith('ER  -')).toBe(true);
  });

  it('handles CT/BT titles, bare and full dates, missing ER and MEDLINE-style names', () => {
    const { records, warnings } = parse('variants.ris');
    expect(records.map((r) => r.record.title)).toEqual([
      'A book titled in CT',
      'No ER before the next TY',
      'Last record without ER at end of file',
    ]);
    const [book, article, last] = records.map((r) => r.record);
    expect(book).toMatchObject({
      publicationType: 'book',
      year: 2019,
      extra: { BT: ['The same book in BT'] },
    });
    expect(book?.extra.Y1).toBeUndefined();
    expect(article).toMatchObject({ year: 2019, containerAbbreviation: 'Abbr J', doi: '10.5555/abc.123' });
    expect(article?.extra.PY).toEqual(['2019/03/02/']);
    expect(last?.authors).toEqual([{ family: 'Family-only' }, { family: 'Smith', given: 'JA' }]);
    expect(last?.keywords).toEqual(['one', 'two']);
    expect(last?.year).toBeUndefined();
    expect(records.map((r) => [r.line, r.index])).toEqual([
      [2, 1],
      [8, 2],
      [13, 3],
    ]);
    expect(warnings.map((w) => [w.line, w.record])).toEqual([
      [13, 2],
      [13, 3],
      [19, 3],
    ]);
    expect(warnings[0]?.message).toContain("no 'ER  - ' before the next TY");
    expect(warnings[1]?.message).toContain("ends without 'ER  - '");
    expect(warnings[2]?.message).toContain("no year in PY 'circa'");
  });
});

describe('RIS DOI variants', () => {
  it.each([
    ['DO  - 10.1000/a1', '10.1000/a1', {}],
    ['DOI - 10.1000/a2', '10.1000/a2', {}],
    ['DO  - https://doi.org/10.1000/A3', '10.1000/a3', {}],
    ['M3  - 10.1000/a4', '10.1000/a4', { M3: ['10.1000/a4'] }],
    ['N1  - doi: 10.1000/a5', '10.1000/a5', { N1: ['doi: 10.1000/a5'] }],
    ['UR  - https://dx.doi.org/10.1000/a6', '10.1000/a6', {}],
    ['L2  - http://dx.doi.org/10.1000/a7', '10.1000/a7', { L2: ['http://dx.doi.org/10.1000/a7'] }],
    ['N1  - Cites 10.1000/other in passing', undefined, { N1: ['Cites 10.1000/other in passing'] }],
    ['DO  - not a doi', undefined, { DO: ['not a doi'] }],
  ])('%s', (line, doi, extra) => {
    const { records } = risPlugin.parse(`TY  - JOUR\n${line}\nER  - \n`, { fileName: 'd.ris' });
    expect(records[0]?.record.doi).toBe(doi);
    expect(records[0]?.record.extra).toEqual(extra);
  });
});

describe('RIS round trip: import → export → import keeps every field', () => {
  const files = [
    'ovid-medline.ris',
    'ebsco-cinahl.ris',
    'scopus.ris',
    'web-of-science.ris',
    'embase.ris',
    'proquest.ris',
    'endnote.ris',
    'zotero.ris',
    'variants.ris',
  ];
  it.each(files)('%s', (file) => {
    const first = parse(file).records.map((r) => r.record);
    const written = risPlugin.format?.(first) ?? '';
    const again = risPlugin.parse(written, { fileName: 'out.ris' });
    expect(again.records.map((r) => r.record)).toEqual(first);
    expect(again.warnings.filter((w) => !w.message.startsWith('no year'))).toEqual([]);
  });
});

describe('RIS bad input', () => {
  const cases = [
    { name: 'empty file', text: '', message: 'e.ris: the file is empty (no RIS records)' },
    { name: 'blank lines only', text: '\n\n  \n', message: 'e.ris: the file is empty (no RIS records)' },
    {
      name: 'not RIS at all',
      text: 'Title,Authors\nA,B\n',
      message: "e.ris, line 1: expected a tag like 'TY  - ', found 'Title,Authors'",
    },
    {
      name: 'garbage between records',
      text: 'TY  - JOUR\nTI  - A\nER  - \n\nhello world\nTY  - JOUR\nER  - \n',
      message: "e.ris, line 5: expected a tag like 'TY  - ' between records, found 'hello world'",
    },
  ];
  it.each(cases)('$name', ({ text, message }) => {
    const attempt = () => risPlugin.parse(text, { fileName: 'e.ris' });
    expect(attempt).toThrow(FormatError);
    expect(attempt).toThrow(message);
  });

  it('names the line in FormatError fields', () => {
    try {
      risPlugin.parse('TY  - JOUR\nER  - \n%PDF-1.4\n', { fileName: 'refs.ris' });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(FormatError);
      expect(error).toMatchObject({ fileName: 'refs.ris', line: 3, code: 'bad-input' });
    }
  });
});

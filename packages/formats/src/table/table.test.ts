import { readFileSync } from 'node:fs';
import type { BibliographicRecord } from '@weft/core';
import { describe, expect, it } from 'vitest';
import { FormatError } from '../format-error.js';
import { parseFile } from '../registry.js';
import { guessColumnMapping } from './column-mapping.js';
import { csvPlugin, tsvPlugin } from './csv-plugin.js';
import { parseTable } from './parse-table.js';
import { formatXlsx, xlsxPlugin } from './xlsx-plugin.js';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/table/${name}`, import.meta.url), 'utf8');

describe('guessColumnMapping', () => {
  it.each([
    ['record_id', 'sourceId'],
    ['title', 'title'],
    ['Article Title', 'title'],
    ['abstract', 'abstract'],
    ['Abstract Note', 'abstract'],
    ['authors', 'authors'],
    ['doi', 'doi'],
    ['keywords', 'keywords'],
    ['Author Keywords', 'keywords'],
    ['year', 'year'],
    ['Published Year', 'year'],
    ['Publication Year', 'year'],
    ['label_included', 'label'],
    ['included', 'label'],
    ['Covidence #', 'sourceId'],
    ['Source title', 'container'],
    ['Publication Title', 'container'],
    ['Page start', 'startPage'],
    ['pubmed_id', 'pmid'],
    ['Document Type', 'publicationType'],
    ['Tags', 'extra'],
    ['Reviewer notes', 'extra'],
  ])('%s → %s', (header, target) => {
    expect(guessColumnMapping([header])[header]).toBe(target);
  });
});

describe('CSV and TSV import', () => {
  const cases = [
    {
      file: 'asreview.csv',
      plugin: csvPlugin,
      count: 3,
      lines: [2, 3, 5],
      first: {
        sourceId: '1',
        title: 'Integrated care for older people: a review',
        abstract: 'Background: "Integrated care" is promoted, widely.',
        authors: [
          { family: 'Smith', given: 'J.' },
          { family: 'Doe', given: 'K.' },
        ],
        doi: '10.1136/bmjopen-2018-024567',
        keywords: ['integrated care', 'older people'],
        year: 2019,
        extra: { label_included: ['1'] },
      },
      second: {
        abstract: 'Objectives: summarise reviews.\nTwo-line abstract.',
        doi: '10.1177/1357633x19845678',
        authors: [
          { family: 'Patel', given: 'R' },
          { family: "O'Brien", given: 'M' },
        ],
        extra: { label_included: ['0'] },
      },
    },
    {
      file: 'covidence.csv',
      plugin: csvPlugin,
      count: 2,
      lines: [2, 3],
      first: {
        sourceId: '#1043',
        authors: [
          { family: 'Müller', given: 'K' },
          { family: 'García-López', given: 'M' },
        ],
        year: 2021,
        container: 'BMC Health Services Research',
        pages: '456',
        extra: {
          'Published Month': ['Mar'],
          Ref: ['12'],
          Study: ['Müller 2021'],
          Tags: ['full text; realist'],
        },
      },
      second: {
        extra: {
          'Accession Number': ['143210987'],
          Ref: ['13'],
          Study: ['Brown 2020'],
          Notes: ['check dates'],
        },
      },
    },
    {
      file: 'rayyan.csv',
      plugin: csvPlugin,
      count: 1,
      lines: [2],
      first: {
        sourceId: 'rayyan-101',
        authors: [
          { family: 'Lee', given: 'S' },
          { family: 'Kim', given: 'H' },
        ],
        issn: ['0168-8510'],
        pmid: '30001234',
        keywords: ['care coordination', 'multimorbidity'],
        urls: ['https://doi.org/10.1016/j.healthpol.2018.05.012'],
        extra: {
          month: ['8'],
          publisher: ['Elsevier'],
          notes: ['RAYYAN-INCLUSION: {"Reviewer A"=>"Included"}'],
        },
      },
    },
    {
      file: 'scopus.csv',
      plugin: csvPlugin,
      count: 1,
      lines: [2],
      first: {
        authors: [
          { family: 'Müller', given: 'K.' },
          { family: 'García-López', given: 'M.' },
        ],
        container: 'BMC Health Services Research',
        containerAbbreviation: 'BMC Health Serv. Res.',
        language: 'English',
        publicationType: 'journal-article',
        keywords: ['realist synthesis', 'integrated care'],
        extra: {
          'Author full names': ['Müller, Karl (57190000000); García-López, María (57190000001)'],
          'Art. No.': ['456'],
          'Document Type': ['Article'],
        },
      },
    },
    {
      file: 'records.tsv',
      plugin: tsvPlugin,
      count: 2,
      lines: [2, 3],
      first: { title: 'A tab-separated record', doi: '10.1000/abc', extra: { label: ['1'] } },
    },
  ] as const;

  it.each(cases)('$file', (c) => {
    const { records, warnings } = c.plugin.parse(fixture(c.file), { fileName: c.file });
    expect(warnings).toEqual([]);
    expect(records).toHaveLength(c.count);
    expect(records.map((r) => r.line)).toEqual(c.lines);
    expect(records[0]?.record).toMatchObject(c.first);
    if ('second' in c) expect(records[1]?.record).toMatchObject(c.second);
  });

  it('reads semicolon-separated CSV as saved by Excel in European locales', () => {
    const text = 'Title;Authors;Year;DOI\n"Soins intégrés; une revue";Dupont, J.;2019;10.1000/fr.1\n';
    const { records } = csvPlugin.parse(text, { fileName: 'export.csv' });
    expect(records[0]?.record).toMatchObject({
      title: 'Soins intégrés; une revue',
      authors: [{ family: 'Dupont', given: 'J.' }],
      year: 2019,
      doi: '10.1000/fr.1',
    });
  });

  it('keeps the raw row as the source text', () => {
    const { records } = csvPlugin.parse(fixture('asreview.csv'), { fileName: 'a.csv' });
    expect(records[1]?.sourceText).toBe(
      '2,Telehealth in heart failure,"Objectives: summarise reviews.\nTwo-line abstract.","Patel R; O\'Brien M",https://doi.org/10.1177/1357633X19845678,,2020,0',
    );
  });

  it('applies an edited column mapping', () => {
    const table = { headers: ['Name', 'Summary', 'Screened'], rows: [['A title', 'Some text', 'yes']] };
    const guess = guessColumnMapping(table.headers);
    expect(guess).toEqual({ Name: 'extra', Summary: 'abstract', Screened: 'extra' });
    const { records } = parseTable(
      table,
      { ...guess, Name: 'title', Screened: 'label' },
      { fileName: 't.csv' },
    );
    expect(records[0]?.record).toMatchObject({
      title: 'A title',
      abstract: 'Some text',
      extra: { Screened: ['yes'] },
    });
  });

  it('warns when no column is the title and on ragged rows', () => {
    const { warnings } = csvPlugin.parse('a,b\n1,2,3\n', { fileName: 'x.csv' });
    expect(warnings).toEqual([
      { message: 'no column is mapped to the title', line: 1 },
      { message: 'row has 3 cells, the header has 2', line: 2, record: 1 },
    ]);
  });
});

describe('CSV, TSV and XLSX round trip: import → export → import keeps every field', () => {
  const files = ['asreview.csv', 'covidence.csv', 'rayyan.csv', 'scopus.csv'];
  it.each(files)('CSV %s', (file) => {
    const first = csvPlugin.parse(fixture(file), { fileName: file }).records.map((r) => r.record);
    const written = csvPlugin.format?.(first) ?? '';
    const again = csvPlugin.parse(written, { fileName: 'out.csv' });
    expect(again.records.map((r) => r.record)).toEqual(first);
  });

  it.each(files)('XLSX %s', async (file) => {
    const first = csvPlugin.parse(fixture(file), { fileName: file }).records.map((r) => r.record);
    const bytes = await formatXlsx(first);
    const again = await xlsxPlugin.parseBytes(bytes, { fileName: 'out.xlsx' });
    expect(again.records.map((r) => r.record)).toEqual(first);
    expect(again.records[0]?.line).toBe(2);
  });

  it('XLSX through parseFile, with multi-valued extras', async () => {
    const record: BibliographicRecord = {
      type: 'bibliographic-record',
      title: 'Everything',
      authors: [
        { family: 'Roe', given: 'Rita' },
        { family: 'World Health Organization', literal: 'World Health Organization' },
      ],
      year: 2001,
      keywords: ['a', 'b'],
      urls: ['https://example.org/1', 'https://example.org/2'],
      issn: ['1234-5678'],
      extra: { N1: ['first note', 'second note'], label_included: ['1'] },
    };
    const bytes = await formatXlsx([record]);
    const parsed = await parseFile(bytes, 'export.xlsx');
    expect(parsed.format).toBe('xlsx');
    expect(parsed.records[0]?.record).toEqual(record);
  });
});

describe('table bad input', () => {
  it.each([
    { text: '', message: 'x.csv: the file is empty' },
    { text: 'title,abstract\n', message: 'x.csv, line 2: no rows below the header' },
    { text: 'title,abstract\n"unclosed,quote\n', message: 'x.csv, line 2: Quote Not Closed' },
  ])('$message', ({ text, message }) => {
    const attempt = () => csvPlugin.parse(text, { fileName: 'x.csv' });
    expect(attempt).toThrow(FormatError);
    expect(attempt).toThrow(message);
  });

  it('refuses a file that is not an xlsx workbook', async () => {
    await expect(
      xlsxPlugin.parseBytes(new TextEncoder().encode('title\nA'), { fileName: 'x.xlsx' }),
    ).rejects.toThrow('x.xlsx: not an Excel .xlsx workbook');
    await expect(
      xlsxPlugin.parseBytes(new Uint8Array([0x50, 0x4b, 3, 4, 0, 0, 0, 0]), { fileName: 'y.xlsx' }),
    ).rejects.toThrow(/^y\.xlsx: not a readable Excel workbook/);
  });
});

describe('CSV and XLSX keep records from every format', () => {
  const sources = [
    'ris/ovid-medline.ris',
    'ris/endnote.ris',
    'ris/variants.ris',
    'nbib/pubmed-two-records.nbib',
    'nbib/pubmed-book.nbib',
    'xml/pubmed.xml',
    'xml/endnote.xml',
    'bibtex/jabref-bibtex.bib',
    'bibtex/better-biblatex.bib',
    'wos/savedrecs.txt',
  ];
  const load = async (path: string) =>
    (await parseFile(readFileSync(new URL(`../fixtures/${path}`, import.meta.url)), path)).records.map(
      (r) => r.record,
    );

  it.each(sources)('%s → CSV → import', async (path) => {
    const first = await load(path);
    const again = csvPlugin.parse(csvPlugin.format?.(first) ?? '', { fileName: 'out.csv' });
    expect(again.records.map((r) => r.record)).toEqual(first);
  });

  it.each(sources)('%s → XLSX → import', async (path) => {
    const first = await load(path);
    const again = await xlsxPlugin.parseBytes(await formatXlsx(first), { fileName: 'out.xlsx' });
    expect(again.records.map((r) => r.record)).toEqual(first);
  });

  it('prefixes extra fields whose name looks like a record column', () => {
    const written = csvPlugin.format?.([
      {
        type: 'bibliographic-record',
        authors: [],
        keywords: [],
        urls: [],
        extra: { AU: ['Smith J'], label_included: ['1'] },
      },
    ]);
    expect(written?.split('\r\n')[0]?.endsWith(',extra.AU,label_included')).toBe(true);
  });
});

import type { BibliographicRecord } from '@weft/core';
import { describe, expect, it } from 'vitest';
import { bibtexPlugin } from './bibtex/bibtex-plugin.js';
import { risPlugin } from './ris/ris-plugin.js';
import { csvPlugin, tsvPlugin } from './table/csv-plugin.js';
import { xlsxPlugin } from './table/xlsx-plugin.js';

/** A record with every field of the pivot type filled. */
const full = (extra: Record<string, string[]>): BibliographicRecord => ({
  type: 'bibliographic-record',
  sourceId: 'rec-42',
  title: 'Every field: a test of “quotes”, accents (é, ø, ß) & symbols 50%',
  authors: [
    { family: 'Müller', given: 'Jörg' },
    { family: 'van der Berg', given: 'J.' },
    { family: 'World Health Organization', literal: 'World Health Organization' },
  ],
  year: 2021,
  container: 'Journal of Integrated Care',
  containerAbbreviation: 'J Integr Care',
  volume: '29',
  issue: '3',
  pages: '201-215',
  doi: '10.1108/jica-01-2021-0001',
  pmid: '34000001',
  issn: ['1476-9018', '2042-8685'],
  isbn: ['9781412910606'],
  abstract: 'Background: something. Methods: something else.',
  keywords: ['integrated care', 'realist synthesis'],
  urls: ['https://example.org/a', 'https://example.org/b?x=1&y=2'],
  language: 'eng',
  publicationType: 'journal-article',
  extra,
});

describe('every writer keeps every field of a full record', () => {
  const cases = [
    { name: 'RIS', plugin: risPlugin, record: full({ N1: ['A note', 'Another note'], M3: ['Article'] }) },
    { name: 'BibTeX', plugin: bibtexPlugin, record: full({ note: ['A note'], publisher: ['SAGE'] }) },
    {
      name: 'CSV',
      plugin: csvPlugin,
      record: full({ N1: ['A note', 'Another note'], label_included: ['1'] }),
    },
    { name: 'TSV', plugin: tsvPlugin, record: full({ 'Reviewer notes': ['check'], included: ['0'] }) },
  ];
  it.each(cases)('$name', ({ plugin, record }) => {
    const written = plugin.format?.([record, { ...record, sourceId: 'rec-43' }]) ?? '';
    const again = plugin.parse(written, { fileName: 'out' });
    expect(again.warnings).toEqual([]);
    expect(again.records.map((r) => r.record)).toEqual([record, { ...record, sourceId: 'rec-43' }]);
  });

  it('XLSX', async () => {
    const record = full({ N1: ['A note', 'Another note'], label_included: ['1'] });
    const bytes = (await xlsxPlugin.format?.([record])) ?? new Uint8Array();
    expect([bytes[0], bytes[1]]).toEqual([0x50, 0x4b]);
    const again = await xlsxPlugin.parseBytes(bytes, { fileName: 'out.xlsx' });
    expect(again.records.map((r) => r.record)).toEqual([record]);
  });

  it.each([
    'journal-article',
    'conference-paper',
    'conference-abstract',
    'book',
    'book-chapter',
    'report',
    'thesis',
    'preprint',
    'dataset',
    'web-page',
    'other',
  ] as const)('RIS, BibTeX and CSV keep publication type %s', (publicationType) => {
    const record: BibliographicRecord = { ...full({}), publicationType };
    if (publicationType === 'book') record.container = undefined;
    const clean = JSON.parse(JSON.stringify(record)) as BibliographicRecord;
    // BibTeX has no entry type for a conference abstract: it is written (and read back) as @inproceedings.
    const plugins =
      publicationType === 'conference-abstract'
        ? [risPlugin, csvPlugin]
        : [risPlugin, bibtexPlugin, csvPlugin];
    for (const plugin of plugins) {
      const again = plugin.parse(plugin.format?.([clean]) ?? '', { fileName: 'out' });
      expect(again.records[0]?.record.publicationType).toBe(publicationType);
    }
  });
});

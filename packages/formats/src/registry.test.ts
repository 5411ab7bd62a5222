import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FormatError } from './format-error.js';
import { detectFormat, formats, getFormat, parseFile } from './registry.js';

const fixture = (path: string) => readFileSync(new URL(`./fixtures/${path}`, import.meta.url));

describe('detectFormat and parseFile', () => {
  const cases = [
    { path: 'ris/zotero.ris', format: 'ris', count: 3 },
    { path: 'ris/ovid-medline.ris', format: 'ris', count: 2 },
    { path: 'nbib/pubmed-two-records.nbib', format: 'nbib', count: 2 },
    { path: 'xml/pubmed.xml', format: 'pubmed-xml', count: 2 },
    { path: 'xml/endnote.xml', format: 'endnote-xml', count: 2 },
    { path: 'bibtex/jabref-bibtex.bib', format: 'bibtex', count: 3 },
    { path: 'table/asreview.csv', format: 'csv', count: 3 },
    { path: 'table/covidence.csv', format: 'csv', count: 2 },
    { path: 'table/records.tsv', format: 'tsv', count: 2 },
    { path: 'wos/savedrecs.txt', format: 'wos-tab', count: 3 },
  ] as const;

  it.each(cases)('$path → $format', async ({ path, format, count }) => {
    const bytes = fixture(path);
    // Detection must not depend on the extension: every fixture is also tried as "upload.txt".
    expect(detectFormat(bytes.toString('utf8'), 'upload.txt')?.id).toBe(format);
    const result = await parseFile(bytes, path.split('/')[1] as string);
    expect(result.format).toBe(format);
    expect(result.records).toHaveLength(count);
    expect(result.records.every((r) => r.record.type === 'bibliographic-record')).toBe(true);
  });

  it('lists every format once and finds each by id', () => {
    const ids = formats.map((format) => format.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(getFormat(id).id).toBe(id);
  });

  it('honours an explicit format and then reports the mismatch with a line', async () => {
    await expect(parseFile(fixture('table/asreview.csv'), 'refs.ris', { format: 'ris' })).rejects.toThrow(
      "refs.ris, line 1: expected a tag like 'TY  - ', found 'record_id,title,abstract,authors,doi,key…'",
    );
    await expect(parseFile(fixture('ris/zotero.ris'), 'x.nbib', { format: 'nbib' })).rejects.toThrow(
      "x.nbib, line 1: expected the first record to start with 'PMID- '",
    );
  });

  const bad = [
    { name: 'empty file', bytes: new Uint8Array(), message: 'refs.ris: the file is empty' },
    {
      name: 'only whitespace',
      bytes: new TextEncoder().encode('\n \r\n\t\n'),
      message: 'refs.ris: the file is empty',
    },
    {
      name: 'prose',
      bytes: new TextEncoder().encode('Dear reviewer, here are my references.\nThanks!\n'),
      message: 'refs.ris, line 1: not a recognised reference format',
    },
    {
      name: 'a PDF given as RIS',
      bytes: new TextEncoder().encode('%PDF-1.5\n...'),
      message: 'refs.ris: this is a PDF document',
    },
    {
      name: 'a zip given as RIS',
      bytes: new Uint8Array([0x50, 0x4b, 3, 4, 0, 0, 0, 0]),
      message: 'refs.ris: this is a ZIP archive (or a Word/Excel file), not a text export of references',
    },
  ];
  it.each(bad)('refuses $name with a FormatError', async ({ bytes, message }) => {
    const attempt = parseFile(bytes, 'refs.ris');
    await expect(attempt).rejects.toBeInstanceOf(FormatError);
    await expect(parseFile(bytes, 'refs.ris')).rejects.toThrow(message);
  });

  it('uses a caller-edited column mapping for tables', async () => {
    const bytes = new TextEncoder().encode('Name,Summary,Screened\nA title,Some text,yes\n');
    const guessed = await parseFile(bytes, 'sheet.csv');
    expect(guessed.records[0]?.record.title).toBeUndefined();
    expect(guessed.warnings).toEqual([{ message: 'no column is mapped to the title', line: 1 }]);
    const edited = await parseFile(bytes, 'sheet.csv', {
      format: 'csv',
      columnMapping: { Name: 'title', Summary: 'abstract', Screened: 'label' },
    });
    expect(edited.records[0]?.record).toMatchObject({ title: 'A title', extra: { Screened: ['yes'] } });
  });

  it('passes the Windows-1252 fallback warning through', async () => {
    const bytes = new Uint8Array([
      ...new TextEncoder().encode('TY  - JOUR\nTI  - Caf'),
      0xe9,
      0x0a,
      ...new TextEncoder().encode('ER  - \n'),
    ]);
    const result = await parseFile(bytes, 'old.ris');
    expect(result.encoding).toBe('windows-1252');
    expect(result.records[0]?.record.title).toBe('Café');
    expect(result.warnings[0]?.message).toContain('read as Windows-1252');
  });
});

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FormatError } from '../format-error.js';
import { parseFile } from '../registry.js';
import { guessColumnMapping } from './column-mapping.js';
import { csvPlugin } from './csv-plugin.js';
import { applyFieldMapping, fieldsOfMapping, resolveTableMapping, TABLE_FIELDS } from './field-mapping.js';
import { formatXlsx, xlsxPlugin } from './xlsx-plugin.js';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/table/${name}`, import.meta.url), 'utf8');

describe('field mapping (field → column) on top of the guessed column mapping', () => {
  it('guesses every ASReview column as its field', () => {
    const { table } = csvPlugin.parse(fixture('asreview.csv'), { fileName: 'a.csv' });
    expect(table?.columns).toEqual([
      'record_id',
      'title',
      'abstract',
      'authors',
      'doi',
      'keywords',
      'year',
      'label_included',
    ]);
    expect(table?.guessed).toMatchObject({
      sourceId: 'record_id',
      title: 'title',
      abstract: 'abstract',
      authors: 'authors',
      doi: 'doi',
      keywords: 'keywords',
      year: 'year',
      label: 'label_included',
      container: null,
    });
    expect(table?.mapping).toEqual(table?.guessed);
    expect(Object.keys(table?.guessed ?? {})).toEqual([...TABLE_FIELDS]);
  });

  it('moves a column to another field, ignores one, and keeps the other guesses', () => {
    const result = csvPlugin.parse(fixture('asreview.csv'), {
      fileName: 'a.csv',
      fieldMapping: { title: 'abstract', abstract: null, year: null },
    });
    const first = result.records[0]?.record;
    expect(first?.title).toBe('Background: "Integrated care" is promoted, widely.');
    expect(first?.abstract).toBeUndefined();
    expect(first?.year).toBeUndefined();
    // The former title and year columns are not lost: they are kept under their header.
    expect(first?.extra).toMatchObject({
      title: ['Integrated care for older people: a review'],
      year: ['2019'],
      label_included: ['1'],
    });
    expect(first?.doi).toBe('10.1136/bmjopen-2018-024567');
    expect(result.table?.mapping).toMatchObject({
      title: 'abstract',
      abstract: null,
      year: null,
      doi: 'doi',
    });
    expect(result.table?.guessed).toMatchObject({ title: 'title', abstract: 'abstract' });
  });

  it('maps columns no header rule knows', () => {
    const csv = 'Name,Summary,Screened\nA title,Some text,yes\n';
    expect(guessColumnMapping(['Name', 'Summary', 'Screened'])).toEqual({
      Name: 'extra',
      Summary: 'abstract',
      Screened: 'extra',
    });
    const { records } = csvPlugin.parse(csv, {
      fileName: 'x.csv',
      fieldMapping: { title: 'Name', label: 'Screened' },
    });
    expect(records[0]?.record).toMatchObject({
      title: 'A title',
      abstract: 'Some text',
      extra: { Screened: ['yes'] },
    });
  });

  it('a field the guess sent several columns to takes only the chosen one', () => {
    const columns = ['Authors', 'Author full names', 'Title'];
    const guess = guessColumnMapping(columns);
    expect(fieldsOfMapping(columns, guess).authors).toBe('Authors');
    expect(applyFieldMapping(columns, guess, { authors: 'Author full names' }, 'x.csv')).toEqual({
      Authors: 'extra',
      'Author full names': 'authors',
      Title: 'title',
    });
  });

  it.each([
    {
      chosen: { title: 'Headline' },
      message:
        "x.csv, line 1: the column mapping names a column 'Headline' (for title) that the file does not have; its columns are 'title', 'abstract'",
    },
    {
      chosen: { title: 'title', abstract: 'title' },
      message:
        "x.csv, line 1: the column mapping sends column 'title' to both title and abstract; choose one",
    },
    { chosen: { colour: 'title' }, message: "x.csv: 'colour' is not a field a column can be mapped to" },
  ])('refuses $chosen', ({ chosen, message }) => {
    const attempt = () => resolveTableMapping(['title', 'abstract'], chosen as never, 'x.csv');
    expect(attempt).toThrow(FormatError);
    expect(attempt).toThrow(message);
  });

  it('applies to XLSX and through parseFile', async () => {
    const bytes = await formatXlsx([
      {
        type: 'bibliographic-record',
        title: 'T',
        abstract: 'A',
        authors: [],
        keywords: [],
        urls: [],
        extra: {},
      },
    ]);
    const parsed = await xlsxPlugin.parseBytes(bytes, {
      fileName: 'x.xlsx',
      fieldMapping: { title: 'abstract' },
    });
    expect(parsed.records[0]?.record.title).toBe('A');
    expect(parsed.table?.mapping.title).toBe('abstract');
    const again = await parseFile(bytes, 'x.xlsx', { fieldMapping: { abstract: null } });
    expect(again.records[0]?.record.abstract).toBeUndefined();
    expect(again.table?.mapping.abstract).toBeNull();
  });
});

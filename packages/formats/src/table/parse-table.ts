import { type BibliographicRecord, emptyRecord, type PublicationType } from '@weft/core';
import { BIBTEX_TYPES } from '../bibtex/bibtex-fields.js';
import { FormatError } from '../format-error.js';
import type { FormatWarning, ParsedRecord, ParseResult } from '../format-plugin.js';
import { NBIB_TYPES } from '../nbib/nbib-tags.js';
import { RIS_TYPES } from '../ris/ris-tags.js';
import { normaliseDoi } from '../support/doi.js';
import { parsePersonName } from '../support/person-name.js';
import { PUBLICATION_TYPES } from '../support/publication-type.js';
import { dropUndefined } from '../support/record.js';
import { TaggedFields } from '../support/tagged-fields.js';
import { type ColumnMapping, type ColumnTarget, EXTRA_PREFIX } from './column-mapping.js';

export interface Table {
  headers: string[];
  rows: string[][];
  /** 1-based line (CSV) or row number (XLSX) of each row, for warnings and provenance. */
  rowLines?: number[];
  /** Verbatim text of each row when the source has one (CSV); otherwise built from the cells. */
  rowText?: string[];
}

/** Document-type words used by Scopus, Web of Science, Zotero and reference-manager CSVs. */
const TABLE_TYPES: Readonly<Record<string, PublicationType>> = {
  article: 'journal-article',
  'journal article': 'journal-article',
  journalarticle: 'journal-article',
  review: 'journal-article',
  'conference paper': 'conference-paper',
  'proceedings paper': 'conference-paper',
  conferencepaper: 'conference-paper',
  'meeting abstract': 'conference-abstract',
  'book chapter': 'book-chapter',
  booksection: 'book-chapter',
  'book section': 'book-chapter',
  thesis: 'thesis',
  report: 'report',
  webpage: 'web-page',
  erratum: 'erratum',
  retraction: 'retraction',
  editorial: 'editorial',
  'editorial material': 'editorial',
  letter: 'comment',
  note: 'other',
};

function lookUpType(raw: string): PublicationType | undefined {
  const key = raw.trim().toLowerCase();
  if ((PUBLICATION_TYPES as readonly string[]).includes(key)) return key as PublicationType;
  return TABLE_TYPES[key] ?? NBIB_TYPES[key] ?? RIS_TYPES[key] ?? BIBTEX_TYPES[key];
}

/** "Smith, J.; Doe, K." (ASReview, Covidence), "Smith J, Doe K" (PubMed CSV), one per line, or "A and B". */
export function splitAuthors(cell: string): string[] {
  if (/[;\n]/.test(cell)) return cell.split(/\s*[;\n]\s*/);
  if (/\s+and\s+/.test(cell)) return cell.split(/\s+and\s+/);
  const parts = cell.split(/\s*,\s*/);
  if (parts.length > 1 && parts.every((part) => /^\S.*\s(?:[A-Z]\.?-?){1,4}$/.test(part))) return parts;
  return [cell];
}

const splitList = (cell: string) => cell.split(/\s*[;\n]\s*/);

function singleTargets(mapping: ColumnMapping, headers: readonly string[], target: ColumnTarget): string[] {
  return headers.filter((header) => mapping[header] === target);
}

/**
 * Turns table rows into records through a column mapping (see guessColumnMapping). Columns
 * mapped to the same single field: the first non-empty cell wins, the others stay in
 * `extra`. Unmapped and label columns are kept in `extra` under their header.
 */
export interface ParseTableOptions {
  fileName: string;
  /** A streaming reader parses rows in batches: records before this batch (numbering goes on). */
  recordsBefore?: number;
  /** False for every batch after the first: the header was checked once. */
  checkHeader?: boolean;
  /** False while streaming: a batch of blank rows is no error, only a file without rows is. */
  requireRows?: boolean;
}

export function parseTable(table: Table, mapping: ColumnMapping, options: ParseTableOptions): ParseResult {
  const headers = table.headers;
  const warnings: FormatWarning[] = [];
  const records: ParsedRecord[] = [];
  const before = options.recordsBefore ?? 0;
  if (headers.length === 0) throw new FormatError(options.fileName, 'no header row found', { line: 1 });
  if (options.checkHeader !== false && !headers.some((header) => mapping[header] === 'title')) {
    warnings.push({ message: 'no column is mapped to the title', line: 1 });
  }
  const by = (target: ColumnTarget) => singleTargets(mapping, headers, target);
  table.rows.forEach((row, rowIndex) => {
    const line = table.rowLines?.[rowIndex] ?? rowIndex + 2;
    if (row.every((cell) => (cell ?? '').trim() === '')) return;
    if (row.length !== headers.length) {
      warnings.push({
        message: `row has ${row.length} cells, the header has ${headers.length}`,
        line,
        record: before + records.length + 1,
      });
    }
    const fields = new TaggedFields();
    row.forEach((cell, column) => {
      const header = headers[column] ?? `column ${column + 1}`;
      const value = (cell ?? '').trim();
      if (value === '') return;
      const target = mapping[header] ?? 'extra';
      const key = header.startsWith(EXTRA_PREFIX) ? header.slice(EXTRA_PREFIX.length) : header;
      if (target === 'extra' || target === 'label')
        for (const part of value.split('\n')) fields.add(key, part);
      else fields.add(header, value);
    });
    const record = emptyRecord();
    const single = (target: ColumnTarget) => fields.take(by(target))?.value;
    record.sourceId = single('sourceId');
    record.title = single('title');
    record.container = single('container');
    record.containerAbbreviation = single('containerAbbreviation');
    record.volume = single('volume');
    record.issue = single('issue');
    record.abstract = single('abstract');
    record.language = single('language');
    record.pmid = single('pmid');
    const pages = fields.take(by('pages'));
    const start = fields.take(by('startPage'));
    const end = fields.take(by('endPage'));
    if (pages) {
      record.pages = pages.value;
      if (start) fields.putBack(start.tag, start.value);
      if (end) fields.putBack(end.tag, end.value);
    } else if (start) {
      record.pages = end ? `${start.value}-${end.value}` : start.value;
    } else if (end) fields.putBack(end.tag, end.value);
    record.year = fields.takeYear(by('year'))?.year;
    const doi = fields.take(by('doi'));
    if (doi) {
      record.doi = normaliseDoi(doi.value);
      if (!record.doi) {
        fields.putBack(doi.tag, doi.value);
        warnings.push({
          message: `'${doi.value}' is not a DOI; kept as is`,
          line,
          record: before + records.length + 1,
        });
      }
    }
    const type = fields.take(by('publicationType'));
    if (type) {
      record.publicationType = lookUpType(type.value) ?? 'other';
      if (record.publicationType !== type.value.trim()) fields.putBack(type.tag, type.value);
    }
    // Scopus has both "Authors" and "Author full names": the first filled column wins, the other stays in extra.
    const authors = fields.take(by('authors'));
    if (authors) {
      for (const raw of splitAuthors(authors.value)) {
        const name = parsePersonName(raw);
        if (name) record.authors.push(name);
      }
    }
    record.keywords = fields
      .takeAll(by('keywords'))
      .flatMap(splitList)
      .filter((k) => k !== '');
    record.urls = fields
      .takeAll(by('urls'))
      .flatMap((cell) => cell.split(/[\s;]+/))
      .filter((u) => u !== '');
    const ids = (target: ColumnTarget) => {
      const list = fields
        .takeAll(by(target))
        .flatMap((cell) => cell.split(/[\s;,]+/))
        .filter((v) => v !== '');
      return list.length > 0 ? list : undefined;
    };
    record.issn = ids('issn');
    record.isbn = ids('isbn');
    record.extra = fields.rest();
    const sourceText =
      table.rowText?.[rowIndex] ??
      JSON.stringify(Object.fromEntries(headers.map((h, i) => [h, row[i] ?? ''])));
    records.push({
      record: dropUndefined(record) as BibliographicRecord,
      sourceText,
      line,
      index: before + records.length + 1,
    });
  });
  if (records.length === 0 && options.requireRows !== false)
    throw new FormatError(options.fileName, 'no rows below the header', { line: 2 });
  return { records, warnings };
}

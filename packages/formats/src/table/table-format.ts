import type { BibliographicRecord } from '@weft/core';
import { formatPersonName } from '../support/person-name.js';
import { EXTRA_PREFIX, guessColumnMapping } from './column-mapping.js';

/**
 * The columns the CSV and XLSX writers emit: ASReview's names where it has one (title,
 * abstract, authors, doi, keywords, year, record_id), then one column per `extra` key.
 * guessColumnMapping maps every one of them back to its field.
 */
const COLUMNS: readonly [string, (record: BibliographicRecord) => string | number | undefined][] = [
  ['record_id', (r) => r.sourceId],
  ['title', (r) => r.title],
  ['abstract', (r) => r.abstract],
  ['authors', (r) => (r.authors.length > 0 ? r.authors.map(formatPersonName).join('; ') : undefined)],
  ['year', (r) => r.year],
  ['journal', (r) => r.container],
  ['journal_abbreviation', (r) => r.containerAbbreviation],
  ['volume', (r) => r.volume],
  ['issue', (r) => r.issue],
  ['pages', (r) => r.pages],
  ['doi', (r) => r.doi],
  ['pmid', (r) => r.pmid],
  ['issn', (r) => r.issn?.join('; ')],
  ['isbn', (r) => r.isbn?.join('; ')],
  ['keywords', (r) => (r.keywords.length > 0 ? r.keywords.join('; ') : undefined)],
  ['urls', (r) => (r.urls.length > 0 ? r.urls.join(' ') : undefined)],
  ['language', (r) => r.language],
  ['publication_type', (r) => r.publicationType],
];

/** Header row and cell values shared by the CSV and XLSX writers. */
export function recordsToRows(records: readonly BibliographicRecord[]): {
  headers: string[];
  rows: (string | number | undefined)[][];
} {
  const fixed = new Set(COLUMNS.map(([name]) => name));
  const extraKeys: string[] = [];
  for (const record of records) {
    for (const key of Object.keys(record.extra ?? {})) {
      if (!extraKeys.includes(key) && !fixed.has(key)) extraKeys.push(key);
    }
  }
  const headers = [
    ...COLUMNS.map(([name]) => name),
    ...extraKeys.map((key) => {
      const guessed = guessColumnMapping([key])[key];
      return guessed === 'extra' || guessed === 'label' ? key : `${EXTRA_PREFIX}${key}`;
    }),
  ];
  const rows = records.map((record) => [
    ...COLUMNS.map(([, get]) => get(record)),
    // Several values of one extra field share a cell, one per line; the reader splits them again.
    ...extraKeys.map((key) => record.extra?.[key]?.join('\n')),
  ]);
  return { headers, rows };
}

function quoteCell(value: string | number | undefined, delimiter: string): string {
  if (value === undefined) return '';
  const text = String(value);
  if (delimiter === '\t') return text.replace(/[\t\n\r]+/g, ' ');
  return /[",\n\r;]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

/** RFC 4180 CSV (or TSV), with a UTF-8 BOM so Excel opens accented names correctly. */
export function formatCsv(records: readonly BibliographicRecord[], delimiter: ',' | '\t' = ','): string {
  const { headers, rows } = recordsToRows(records);
  const lines = [headers, ...rows].map((row) =>
    row.map((cell) => quoteCell(cell, delimiter)).join(delimiter),
  );
  return `\ufeff${lines.join('\r\n')}\r\n`;
}

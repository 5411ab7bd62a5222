import { FormatError, quoteSnippet } from '../format-error.js';
import { normaliseDoi } from '../support/doi.js';
import { parseYear } from '../support/year.js';
import type { Table } from '../table/parse-table.js';
import type { DecisionRowIds, DecisionVerdict } from './decision-row.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Column lookup by any of several header names, case- and punctuation-insensitive. */
export class TableColumns {
  private readonly byKey = new Map<string, number>();

  constructor(readonly table: Table) {
    table.headers.forEach((header, index) => {
      const key = headerKey(header);
      if (!this.byKey.has(key)) this.byKey.set(key, index);
    });
  }

  index(...names: string[]): number | undefined {
    for (const name of names) {
      const index = this.byKey.get(headerKey(name));
      if (index !== undefined) return index;
    }
    return undefined;
  }

  has(...names: string[]): boolean {
    return this.index(...names) !== undefined;
  }

  /** Every column whose header starts with the prefix (ASReview's exported_notes_1, _2…). */
  startingWith(prefix: string): number[] {
    const key = headerKey(prefix);
    return [...this.byKey].filter(([k]) => k.startsWith(key)).map(([, index]) => index);
  }

  cell(row: readonly string[], index: number | undefined): string {
    return index === undefined ? '' : (row[index] ?? '').trim();
  }

  line(rowIndex: number): number {
    return this.table.rowLines?.[rowIndex] ?? rowIndex + 2;
  }
}

function headerKey(header: string): string {
  return header.toLowerCase().replace(/[^a-z0-9#]+/g, '');
}

/** The identifiers most exports carry: record id, DOI, PMID, title and year. */
export function tableIds(
  columns: TableColumns,
  row: readonly string[],
  names: { recordId?: string[]; pmid?: string[]; year?: string[] } = {},
): DecisionRowIds {
  const ids: DecisionRowIds = {};
  const recordId = columns.cell(row, columns.index(...(names.recordId ?? ['weft_record_id', 'record_id'])));
  if (UUID.test(recordId)) ids.recordId = recordId.toLowerCase();
  const doi = normaliseDoi(columns.cell(row, columns.index('doi')));
  if (doi) ids.doi = doi;
  const pmid = columns.cell(row, columns.index(...(names.pmid ?? ['pmid', 'pubmed_id', 'pubmedid'])));
  if (/^\d{1,9}$/.test(pmid)) ids.pmid = pmid;
  const title = columns.cell(row, columns.index('title', 'primary_title'));
  if (title) ids.title = title;
  const year = parseYear(columns.cell(row, columns.index(...(names.year ?? ['year', 'publication_year']))));
  if (year !== undefined) ids.year = year;
  return ids;
}

/** Weft's own spelled-out verdict column (written by its exports so "maybe" survives a round trip). */
export function parseVerdictWord(
  value: string,
  fileName: string,
  line: number,
  column: string,
): DecisionVerdict | null {
  const word = value.trim().toLowerCase();
  if (word === '') return null;
  if (['include', 'included', 'relevant', 'yes'].includes(word)) return 'include';
  if (['exclude', 'excluded', 'irrelevant', 'no'].includes(word)) return 'exclude';
  if (['maybe', 'unsure'].includes(word)) return 'maybe';
  if (['undecided', 'not seen', 'not_seen', 'unlabelled', 'unlabeled'].includes(word)) return null;
  throw new FormatError(
    fileName,
    `${column} must be include, exclude, maybe or empty, found '${quoteSnippet(value)}'`,
    { line },
  );
}

/** Reasons listed in one cell, separated by semicolons (or commas when there is no semicolon). */
export function splitReasons(cell: string): string[] {
  if (cell.trim() === '') return [];
  const parts = cell.includes(';') ? cell.split(';') : cell.split(',');
  return parts.map((part) => part.trim()).filter((part) => part !== '');
}

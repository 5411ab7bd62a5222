import { parse } from 'csv-parse/sync';
import { FormatError } from '../format-error.js';
import type { FormatWarning } from '../format-plugin.js';
import type { Table } from './parse-table.js';

interface CsvRow {
  record: string[];
  raw: string;
  info: { lines: number };
}

/** Reads CSV or TSV into a header row and data rows, keeping each row's line and raw text. */
export function readDelimited(
  text: string,
  delimiter: ',' | '\t' | ';',
  fileName: string,
): { table: Table; warnings: FormatWarning[] } {
  if (text.trim() === '') throw new FormatError(fileName, 'the file is empty');
  let rows: CsvRow[];
  try {
    rows = parse(text, {
      delimiter,
      raw: true,
      info: true,
      bom: true,
      relax_column_count: true,
      relax_quotes: delimiter === '\t',
      quote: delimiter === '\t' ? null : '"',
      skip_empty_lines: true,
    }) as unknown as CsvRow[];
  } catch (error) {
    const csvError = error as { message: string; lines?: number };
    throw new FormatError(fileName, csvError.message.replace(/ at line \d+$/, '').replace(/:.*$/, ''), {
      line: csvError.lines,
    });
  }
  const [header, ...body] = rows;
  if (!header) throw new FormatError(fileName, 'the file is empty');
  const headers = uniqueHeaders(header.record.map((cell) => cell.trim()));
  const table: Table = { headers, rows: [], rowLines: [], rowText: [] };
  for (const row of body) {
    const inner = row.raw.replace(/^\n+/, '').replace(/\n$/, '');
    table.rows.push(row.record);
    table.rowLines?.push(row.info.lines - (inner.match(/\n/g)?.length ?? 0));
    table.rowText?.push(inner);
  }
  return { table, warnings: [] };
}

/** Duplicate or blank headers get a position suffix so every column keeps its own key in `extra`. */
export function uniqueHeaders(headers: string[]): string[] {
  const seen = new Map<string, number>();
  return headers.map((header, index) => {
    const base = header === '' ? `column ${index + 1}` : header;
    const count = (seen.get(base) ?? 0) + 1;
    seen.set(base, count);
    return count === 1 ? base : `${base} (${count})`;
  });
}

/** How strongly the first lines look like a delimited table with this delimiter. */
export function delimitedScore(text: string, delimiter: string): number {
  const lines = text
    .slice(0, 8000)
    .split('\n', 6)
    .filter((line) => line.trim() !== '');
  const first = lines[0];
  if (!first) return 0;
  // Delimiters inside quoted cells ("Smith, J.; Doe, K.") do not separate columns.
  const cells = (line: string) => line.replace(/"[^"]*"/g, '""').split(delimiter).length;
  const columns = cells(first);
  if (columns < 2) return 0;
  const known =
    /(^|[,\t;"])\s*"?(title|abstract|authors?|doi|year|keywords|record_id|journal)"?\s*($|[,\t;"])/i.test(
      first,
    );
  if (known) return 0.5;
  // Without a recognisable header, only a consistent grid of three or more columns counts as a table.
  const second = lines[1];
  return columns >= 3 && second !== undefined && cells(second) === columns ? 0.2 : 0;
}

import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { parse } from 'csv-parse';
import { FormatError, quoteSnippet } from '../format-error.js';
import type { FormatWarning, ParsedRecord } from '../format-plugin.js';
import type { ParsedBatch } from '../stream.js';
import { WOS_TAB_MAPPING } from '../wos/wos-tab-plugin.js';
import type { ColumnMapping } from './column-mapping.js';
import { csvDelimiter } from './csv-plugin.js';
import { type FieldMapping, resolveTableMapping, type TableMapping } from './field-mapping.js';
import { parseTable, type Table } from './parse-table.js';
import { uniqueHeaders } from './read-delimited.js';

export type DelimitedFormat = 'csv' | 'tsv' | 'wos-tab';

interface CsvRow {
  record: string[];
  raw: string;
  info: { lines: number };
}

export interface TableStream {
  /** CSV and TSV: the columns and the mapping used (Web of Science tab-delimited has fixed tags). */
  table?: TableMapping;
  batches: AsyncIterable<ParsedBatch>;
}

/** Error text as readDelimited words it. */
function csvFailure(error: unknown, fileName: string): unknown {
  const csvError = error as { code?: unknown; message: string; lines?: number };
  if (typeof csvError.code !== 'string' || !csvError.code.startsWith('CSV_')) return error;
  return new FormatError(fileName, csvError.message.replace(/ at line \d+$/, '').replace(/:.*$/, ''), {
    line: csvError.lines,
  });
}

/** csv-parse's stream API over decoded text, with readDelimited's options. */
async function* delimitedRows(
  text: AsyncIterable<string>,
  delimiter: ',' | '\t' | ';',
  fileName: string,
): AsyncGenerator<CsvRow> {
  const parser = parse({
    delimiter,
    raw: true,
    info: true,
    bom: true,
    relax_column_count: true,
    relax_quotes: delimiter === '\t',
    quote: delimiter === '\t' ? null : '"',
    skip_empty_lines: true,
  });
  // Errors of the decoder (binary data) reach the parser and come out of its iterator.
  const piping = pipeline(Readable.from(text), parser).catch(() => {});
  try {
    for await (const row of parser) yield row as CsvRow;
  } catch (error) {
    throw csvFailure(error, fileName);
  } finally {
    parser.destroy();
    await piping;
  }
}

/**
 * CSV, TSV and Web of Science tab-delimited files row by row: csv-parse reads the decoded text
 * as it streams, the header row settles the column mapping before the first record, and rows
 * go through parseTable in batches, so records, lines, warnings and errors are those of the
 * whole-file readers (csvPlugin, tsvPlugin, wosTabPlugin).
 */
export async function openDelimitedStream(
  text: AsyncIterable<string>,
  options: {
    format: DelimitedFormat;
    /** The start of the decoded file, for the CSV delimiter (comma or semicolon). */
    head: string;
    fileName: string;
    fieldMapping?: FieldMapping;
    columnMapping?: ColumnMapping;
    batchSize: number;
  },
): Promise<TableStream> {
  const { fileName, format, batchSize } = options;
  const delimiter = format === 'csv' ? csvDelimiter(options.head) : '\t';
  const rows = delimitedRows(text, delimiter, fileName);
  const first = await rows.next();
  if (first.done) throw new FormatError(fileName, 'the file is empty');
  const headers = uniqueHeaders(first.value.record.map((cell) => cell.trim()));
  let mapping: ColumnMapping;
  let table: TableMapping | undefined;
  if (format === 'wos-tab') {
    if (!headers.includes('PT') || !headers.includes('TI')) {
      throw new FormatError(
        fileName,
        `expected a header row of Web of Science field tags (PT, AU, TI…), found '${quoteSnippet(headers.join(' '))}'`,
        { line: 1 },
      );
    }
    mapping = options.columnMapping ?? WOS_TAB_MAPPING;
  } else {
    const resolved = resolveTableMapping(headers, options.fieldMapping, fileName);
    mapping = options.columnMapping ?? resolved.columnMapping;
    table = resolved.table;
    const [only] = headers;
    if (headers.length === 1 && only !== undefined && mapping[only] === 'extra') {
      const name = delimiter === ',' ? 'comma' : delimiter === ';' ? 'semicolon' : 'tab';
      throw new FormatError(
        fileName,
        `expected a header row of ${name}-separated column names, found '${quoteSnippet(only)}'`,
        { line: 1 },
      );
    }
  }
  // Web of Science records from before 2006 have no full names (AF); their AU is the author list.
  const au = format === 'wos-tab' ? headers.indexOf('AU') : -1;
  const af = format === 'wos-tab' ? headers.indexOf('AF') : -1;

  async function* batches(): AsyncGenerator<ParsedBatch> {
    let recordsBefore = 0;
    let checkHeader = true;
    let part: Table = { headers, rows: [], rowLines: [], rowText: [] };
    const flush = (): ParsedBatch => {
      const result = parseTable(part, mapping, { fileName, recordsBefore, checkHeader, requireRows: false });
      checkHeader = false;
      recordsBefore += result.records.length;
      part = { headers, rows: [], rowLines: [], rowText: [] };
      return result;
    };
    for await (const row of rows) {
      const inner = row.raw.replace(/^\n+/, '').replace(/\n$/, '');
      const cells = row.record;
      if (au >= 0 && af >= 0 && !cells[af]?.trim() && cells[au]?.trim()) {
        cells[af] = cells[au] as string;
        cells[au] = '';
      }
      part.rows.push(cells);
      part.rowLines?.push(row.info.lines - (inner.match(/\n/g)?.length ?? 0));
      part.rowText?.push(inner);
      if (part.rows.length >= batchSize) {
        const batch = flush();
        if (batch.records.length > 0 || batch.warnings.length > 0) yield batch;
      }
    }
    const last: { records: ParsedRecord[]; warnings: FormatWarning[] } = flush();
    if (recordsBefore === 0) throw new FormatError(fileName, 'no rows below the header', { line: 2 });
    if (last.records.length > 0 || last.warnings.length > 0) yield last;
  }
  return { ...(table ? { table } : {}), batches: batches() };
}

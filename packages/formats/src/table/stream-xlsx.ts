import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { FormatError } from '../format-error.js';
import type { ParsedBatch } from '../stream.js';
import type { ColumnMapping } from './column-mapping.js';
import { type FieldMapping, resolveTableMapping } from './field-mapping.js';
import { parseTable, type Table } from './parse-table.js';
import type { TableStream } from './stream-delimited.js';
import { cellText } from './xlsx-plugin.js';

interface SheetRow {
  number: number;
  cells: string[];
}

function lastFilled(cells: string[]): number {
  for (let i = cells.length; i > 0; i--) if (cells[i - 1] !== '') return i;
  return 0;
}

/** The first worksheet's non-empty rows, as exceljs's streaming reader unzips and parses it. */
async function* sheetRows(
  chunks: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
): AsyncGenerator<SheetRow> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from(chunks), {
    worksheets: 'emit',
    sharedStrings: 'cache',
    // Styles say which numbers are dates; hyperlink cells keep their text without the links.
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  for await (const sheet of reader) {
    for await (const row of sheet) {
      if (!row.hasValues) continue;
      const values = row.values as ExcelJS.CellValue[];
      const cells: string[] = [];
      for (let column = 1; column < values.length; column++) cells.push(cellText(values[column]).trim());
      yield { number: row.number, cells };
    }
    // Only the first worksheet, as readXlsx.
    return;
  }
}

/**
 * An Excel workbook row by row (exceljs's streaming WorkbookReader): the worksheet is unzipped
 * and parsed as the chunks arrive, the first non-empty row is the header, and rows go through
 * parseTable in batches, so records are those of readXlsx + parseTable. Shared strings (the
 * workbook's distinct texts) are held in memory; a worksheet stored before them in the archive
 * is parked in a temporary file by exceljs.
 */
export async function openXlsxStream(
  chunks: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
  options: {
    fileName: string;
    fieldMapping?: FieldMapping;
    columnMapping?: ColumnMapping;
    batchSize: number;
  },
): Promise<TableStream> {
  const { fileName, batchSize } = options;
  const rows = sheetRows(chunks);
  const broken = (error: unknown) =>
    error instanceof FormatError
      ? error
      : new FormatError(fileName, `not a readable Excel workbook (${(error as Error).message})`);
  const first = await rows.next().catch((error: unknown) => {
    throw broken(error);
  });
  if (first.done) throw new FormatError(fileName, 'the workbook has no rows');
  const headers = first.value.cells.map((cell, index) => cell || `column ${index + 1}`);
  while (headers.length > 0 && /^column \d+$/.test(headers[headers.length - 1] ?? '')) headers.pop();
  const resolved = resolveTableMapping(headers, options.fieldMapping, fileName);
  const mapping = options.columnMapping ?? resolved.columnMapping;

  async function* batches(): AsyncGenerator<ParsedBatch> {
    let recordsBefore = 0;
    let checkHeader = true;
    let part: Table = { headers, rows: [], rowLines: [] };
    const flush = (): ParsedBatch => {
      const result = parseTable(part, mapping, { fileName, recordsBefore, checkHeader, requireRows: false });
      checkHeader = false;
      recordsBefore += result.records.length;
      part = { headers, rows: [], rowLines: [] };
      return result;
    };
    try {
      for await (const row of rows) {
        // As readXlsx, which reads every row to the sheet's width: a short row is padded to the header.
        const width = Math.max(headers.length, lastFilled(row.cells));
        const cells = row.cells.slice(0, width);
        while (cells.length < width) cells.push('');
        part.rows.push(cells);
        part.rowLines?.push(row.number);
        if (part.rows.length >= batchSize) {
          const batch = flush();
          if (batch.records.length > 0 || batch.warnings.length > 0) yield batch;
        }
      }
    } catch (error) {
      throw broken(error);
    }
    const last = flush();
    if (recordsBefore === 0) throw new FormatError(fileName, 'no rows below the header', { line: 2 });
    if (last.records.length > 0 || last.warnings.length > 0) yield last;
  }
  return { table: resolved.table, batches: batches() };
}

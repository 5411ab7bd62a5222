import type { BibliographicRecord } from '@weft/core';
import ExcelJS from 'exceljs';
import { FormatError } from '../format-error.js';
import type { BinaryFormatPlugin, ParseOptions, ParseResult } from '../format-plugin.js';
import { resolveTableMapping } from './field-mapping.js';
import { parseTable, type Table } from './parse-table.js';
import { recordsToRows } from './table-format.js';

export function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value !== 'object') return String(value);
  if ('richText' in value) return value.richText.map((run) => run.text).join('');
  if ('hyperlink' in value)
    return typeof value.text === 'string' ? value.text : cellText(value.text as ExcelJS.CellValue);
  if ('formula' in value || 'sharedFormula' in value) {
    const result = (value as ExcelJS.CellFormulaValue).result;
    return result === undefined || (typeof result === 'object' && !(result instanceof Date))
      ? ''
      : cellText(result);
  }
  if ('error' in value) return '';
  return String(value);
}

/** Reads the first worksheet: the first non-empty row is the header. */
export async function readXlsx(bytes: Uint8Array, fileName: string): Promise<Table> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  } catch (error) {
    throw new FormatError(fileName, `not a readable Excel workbook (${(error as Error).message})`);
  }
  const sheet = workbook.worksheets[0];
  if (!sheet || sheet.actualRowCount === 0) throw new FormatError(fileName, 'the workbook has no rows');
  let headers: string[] | undefined;
  const table: Table = { headers: [], rows: [], rowLines: [] };
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: string[] = [];
    for (let column = 1; column <= sheet.columnCount; column++)
      cells.push(cellText(row.getCell(column).value).trim());
    if (!headers) {
      headers = cells.map((cell, index) => cell || `column ${index + 1}`);
      while (headers.length > 0 && /^column \d+$/.test(headers[headers.length - 1] ?? '')) headers.pop();
      table.headers = headers;
      return;
    }
    table.rows.push(cells.slice(0, Math.max(headers.length, lastFilled(cells))));
    table.rowLines?.push(rowNumber);
  });
  return table;
}

function lastFilled(cells: string[]): number {
  for (let i = cells.length; i > 0; i--) if (cells[i - 1] !== '') return i;
  return 0;
}

export async function formatXlsx(records: readonly BibliographicRecord[]): Promise<Uint8Array> {
  const { headers, rows } = recordsToRows(records);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Weft';
  const sheet = workbook.addWorksheet('records');
  sheet.addRow(headers).font = { bold: true };
  for (const row of rows) sheet.addRow(row.map((cell) => cell ?? null));
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}

export const xlsxPlugin: BinaryFormatPlugin = {
  kind: 'binary',
  id: 'xlsx',
  label: 'Excel workbook (.xlsx)',
  extensions: ['xlsx'],
  detect: () => 0,
  async parseBytes(
    bytes: Uint8Array,
    { fileName, columnMapping, fieldMapping }: ParseOptions,
  ): Promise<ParseResult> {
    if (bytes.length === 0) throw new FormatError(fileName, 'the file is empty');
    if (bytes[0] !== 0x50 || bytes[1] !== 0x4b) {
      throw new FormatError(fileName, 'not an Excel .xlsx workbook (an .xlsx file is a ZIP archive)');
    }
    const table = await readXlsx(bytes, fileName);
    const resolved = resolveTableMapping(table.headers, fieldMapping, fileName);
    const result = parseTable(table, columnMapping ?? resolved.columnMapping, { fileName });
    return { ...result, table: resolved.table };
  },
  format: formatXlsx,
};

import { stringify } from 'csv-stringify/sync';

export type CsvCell = string | number | undefined | null;

/**
 * RFC 4180 text from a header and rows: quoted where needed, CRLF row ends as spreadsheets
 * expect. The BOM helps Excel read accented names, but R's read.csv takes it into the first
 * column's name, so callers choose.
 */
export function formatCsvText(
  headers: readonly string[],
  rows: readonly (readonly CsvCell[])[],
  options: { bom?: boolean; delimiter?: ',' | '\t' } = {},
): string {
  const text = stringify([headers as string[], ...(rows as CsvCell[][])], {
    delimiter: options.delimiter ?? ',',
    record_delimiter: 'windows',
    // csv-stringify quotes a field holding the record delimiter (CRLF) but not a lone LF or CR,
    // which line-based readers would split on; nor edge spaces, which trimming readers drop.
    quoted_match: [/[\r\n]/, /^\s|\s$/],
    cast: { number: (value) => String(value) },
  });
  return options.bom ? `\ufeff${text}` : text;
}

import { FormatError } from '../format-error.js';
import { formatCsvText } from '../support/csv-text.js';
import { csvDelimiter } from '../table/csv-plugin.js';
import { readDelimited } from '../table/read-delimited.js';

/**
 * A classification sheet as a spreadsheet (NVivo's classification sheet export): the first
 * column names the case, an optional "Description" column describes it, every other column is
 * an attribute. Cells are canonical attribute values (core `parseAttributeValue` reads them).
 */
export interface ClassificationSheet {
  /** Attribute columns, in file order. */
  attributes: string[];
  rows: ClassificationSheetRow[];
}

export interface ClassificationSheetRow {
  /** 1-based line of the file where the row starts, for error messages. */
  line: number;
  name: string;
  description: string | undefined;
  /** Cell text by attribute column name. */
  cells: Record<string, string>;
}

export const DESCRIPTION_COLUMN = 'Description';

/** Reads a classification sheet; structural problems throw a FormatError naming file and line. */
export function readClassificationCsv(text: string, fileName: string): ClassificationSheet {
  const delimiter = text.includes('\t') && !text.split('\n', 1)[0]?.includes(',') ? '\t' : csvDelimiter(text);
  const { table } = readDelimited(text, delimiter, fileName);
  const [nameHeader, ...rest] = table.headers;
  if (nameHeader === undefined) throw new FormatError(fileName, 'the file has no columns', { line: 1 });
  const descriptionIndex = rest.findIndex((h) => h.toLowerCase() === DESCRIPTION_COLUMN.toLowerCase());
  const attributes = rest.filter((_, i) => i !== descriptionIndex);
  const seen = new Set<string>();
  for (const attribute of attributes) {
    const key = attribute.toLowerCase();
    if (seen.has(key))
      throw new FormatError(fileName, `the column “${attribute}” appears twice`, { line: 1 });
    seen.add(key);
  }
  const names = new Map<string, number>();
  const rows = table.rows.map((cells, index): ClassificationSheetRow => {
    const line = table.rowLines?.[index] ?? index + 2;
    const name = (cells[0] ?? '').trim();
    if (name === '')
      throw new FormatError(fileName, `column “${nameHeader}”: every row needs a case name`, { line });
    const key = name.toLowerCase();
    const earlier = names.get(key);
    if (earlier !== undefined)
      throw new FormatError(
        fileName,
        `column “${nameHeader}”: the case “${name}” is also on line ${earlier}`,
        {
          line,
        },
      );
    names.set(key, line);
    if (cells.length > table.headers.length && cells.slice(table.headers.length).some((c) => c.trim() !== ''))
      throw new FormatError(
        fileName,
        `the row has ${cells.length} cells but the header has ${table.headers.length} columns`,
        { line },
      );
    const byColumn: Record<string, string> = {};
    rest.forEach((header, i) => {
      if (i !== descriptionIndex) byColumn[header] = cells[i + 1] ?? '';
    });
    return {
      line,
      name,
      description: descriptionIndex >= 0 ? (cells[descriptionIndex + 1] ?? '') : undefined,
      cells: byColumn,
    };
  });
  return { attributes, rows };
}

/** Writes a classification sheet; the first column header is the classification's label. */
export function formatClassificationCsv(
  caseHeader: string,
  attributes: readonly string[],
  rows: readonly { name: string; description: string; cells: Readonly<Record<string, string>> }[],
): string {
  return formatCsvText(
    [caseHeader, DESCRIPTION_COLUMN, ...attributes],
    rows.map((row) => [row.name, row.description, ...attributes.map((a) => row.cells[a] ?? '')]),
  );
}

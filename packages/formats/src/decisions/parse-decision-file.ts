import { decodeText } from '../decode-text.js';
import { FormatError } from '../format-error.js';
import type { FormatWarning } from '../format-plugin.js';
import { readDelimited } from '../table/read-delimited.js';
import { TableColumns } from './decision-cells.js';
import type { DecisionFile, DecisionFormat } from './decision-row.js';
import { ASREVIEW_LABEL_COLUMNS, readAsreviewCsv } from './read-asreview-csv.js';
import { decisionOfFileName, readCovidenceCsv } from './read-covidence-csv.js';
import { readDecisionsRis } from './read-decisions-ris.js';
import { readRayyanCsv } from './read-rayyan-csv.js';

/**
 * Reads a decision export of ASReview, Rayyan or Covidence (CSV) or a RIS file with labels.
 * Without `format`, the shape of the file decides: RIS tags, Covidence's `Covidence #`
 * column or list-named file, Rayyan's RAYYAN-INCLUSION notes, ASReview's label column.
 */
export function parseDecisionFile(
  bytes: Uint8Array,
  fileName: string,
  options: { format?: DecisionFormat } = {},
): DecisionFile {
  const decoded = decodeText(bytes, fileName);
  const warnings: FormatWarning[] = [...decoded.warnings];
  const text = decoded.text.replace(/^\ufeff/, '');
  const looksRis = /^\s*TY {1,3}-/.test(text);
  const format = options.format ?? (looksRis ? 'ris' : undefined);
  if (format === 'ris') return { format, rows: readDecisionsRis(text, fileName, warnings), warnings };

  const delimiter = sniffDelimiter(text);
  const { table } = readDelimited(text, delimiter, fileName);
  const columns = new TableColumns(table);
  const detected = format ?? detectCsvKind(columns, fileName);
  if (!detected) {
    throw new FormatError(
      fileName,
      `not a decision export Weft knows: expected ASReview's 'included' or 'label_included' column, Rayyan's notes with RAYYAN-INCLUSION, or a Covidence export (found columns ${table.headers.map((h) => `'${h}'`).join(', ')})`,
      { line: 1 },
    );
  }
  const rows =
    detected === 'asreview-csv'
      ? readAsreviewCsv(table, fileName)
      : detected === 'rayyan-csv'
        ? readRayyanCsv(table, fileName, warnings)
        : readCovidenceCsv(table, fileName);
  return { format: detected, rows, warnings };
}

function detectCsvKind(columns: TableColumns, fileName: string): DecisionFormat | undefined {
  if (columns.has('covidence #', 'covidence')) return 'covidence-csv';
  const notes = columns.index('notes');
  if (notes !== undefined && columns.table.rows.some((row) => (row[notes] ?? '').includes('RAYYAN-')))
    return 'rayyan-csv';
  if (columns.has(...ASREVIEW_LABEL_COLUMNS, 'weft_decision')) return 'asreview-csv';
  if (columns.has('key') && notes !== undefined) return 'rayyan-csv';
  if (decisionOfFileName(fileName) && columns.has('title')) return 'covidence-csv';
  return undefined;
}

function sniffDelimiter(text: string): ',' | '\t' | ';' {
  const first = text.slice(0, text.indexOf('\n') === -1 ? text.length : text.indexOf('\n'));
  const count = (c: string) => first.split(c).length - 1;
  const tabs = count('\t');
  const semis = count(';');
  const commas = count(',');
  if (tabs > commas && tabs >= semis) return '\t';
  if (semis > commas) return ';';
  return ',';
}

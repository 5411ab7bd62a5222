import { FormatError, quoteSnippet } from '../format-error.js';
import type { Table } from '../table/parse-table.js';
import { parseVerdictWord, splitReasons, TableColumns, tableIds } from './decision-cells.js';
import type { DecisionRow, DecisionVerdict } from './decision-row.js';

/** ASReview's label columns, newest name first (v1 `included`, older `label_included`). */
export const ASREVIEW_LABEL_COLUMNS = ['included', 'label_included', 'final_included', 'asreview_label'];

/**
 * ASReview (and Weft's) CSV export: one row per record, the label 1 = relevant, 0 =
 * irrelevant, empty = not screened (-1 too: ASReview 0.x wrote it for unlabelled rows).
 * Weft's own export adds `weft_decision` (so "maybe" survives) and `exclusion_reasons`;
 * when present they win over the 1/0 column.
 */
export function readAsreviewCsv(table: Table, fileName: string): DecisionRow[] {
  const columns = new TableColumns(table);
  const labelIndex = columns.index(...ASREVIEW_LABEL_COLUMNS);
  const verdictIndex = columns.index('weft_decision');
  if (labelIndex === undefined && verdictIndex === undefined) {
    throw new FormatError(
      fileName,
      `no decision column: expected 'included' or 'label_included' (1 = include, 0 = exclude, empty = undecided) among ${table.headers.map((h) => `'${h}'`).join(', ')}`,
      { line: 1 },
    );
  }
  const labelName = labelIndex === undefined ? '' : (table.headers[labelIndex] as string);
  const reasonIndex = columns.index('exclusion_reasons', 'exclusion_reason');
  const noteIndexes = [
    ...columns.startingWith('exported_notes'),
    ...[columns.index('notes', 'note')].filter((i) => i !== undefined),
  ];
  return table.rows.map((row, index) => {
    const line = columns.line(index);
    const decision =
      verdictIndex !== undefined
        ? parseVerdictWord(columns.cell(row, verdictIndex), fileName, line, 'weft_decision')
        : parseLabel(columns.cell(row, labelIndex), fileName, line, labelName);
    return {
      rowNumber: index + 1,
      line,
      ids: tableIds(columns, row),
      decision,
      reasons: splitReasons(columns.cell(row, reasonIndex)),
      note: noteIndexes
        .map((i) => columns.cell(row, i))
        .filter((n) => n !== '')
        .join('\n'),
    };
  });
}

function parseLabel(value: string, fileName: string, line: number, column: string): DecisionVerdict | null {
  const v = value.trim();
  if (v === '' || v === '-1') return null;
  if (v === '1' || v === '1.0') return 'include';
  if (v === '0' || v === '0.0') return 'exclude';
  throw new FormatError(fileName, `${column} must be 1, 0 or empty, found '${quoteSnippet(value)}'`, {
    line,
  });
}

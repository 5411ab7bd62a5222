import { FormatError } from '../format-error.js';
import type { Table } from '../table/parse-table.js';
import { parseVerdictWord, splitReasons, TableColumns, tableIds } from './decision-cells.js';
import type { DecisionRow, DecisionVerdict } from './decision-row.js';

/**
 * Covidence's CSV exports: one file per list (review_123_included_csv_20240101.csv,
 * ..._excluded_..., ..._irrelevant_..., ..._select_...), columns Title, Authors, Abstract,
 * Published Year, Journal, DOI, Accession Number, Ref, Covidence #, Study, Notes, Tags.
 * The decision is the list the file came from — or a Decision/Status column when the file
 * has one (Weft's own export writes `Decision`). "Select" (sent to full text) counts as
 * include; "irrelevant" (excluded at title/abstract) as exclude.
 */
export function readCovidenceCsv(table: Table, fileName: string): DecisionRow[] {
  const columns = new TableColumns(table);
  const decisionIndex = columns.index('decision', 'status', 'vote');
  const fromName = decisionOfFileName(fileName);
  if (decisionIndex === undefined && fromName === undefined) {
    throw new FormatError(
      fileName,
      "cannot tell the decision: Covidence names its exports after the list (…_included_…, …_excluded_…, …_irrelevant_…, …_select_…); keep that name or add a 'Decision' column",
    );
  }
  const reasonIndex = columns.index('exclusion reason', 'exclusion reasons', 'reason for exclusion');
  const notesIndex = columns.index('notes');
  return table.rows.map((row, index) => {
    const line = columns.line(index);
    const decision =
      decisionIndex !== undefined
        ? parseVerdictWord(covidenceWord(columns.cell(row, decisionIndex)), fileName, line, 'Decision')
        : (fromName ?? null);
    return {
      rowNumber: index + 1,
      line,
      // Covidence's Accession Number is the PMID for MEDLINE records (tableIds keeps digits only).
      ids: tableIds(columns, row, {
        recordId: ['weft_record_id'],
        pmid: ['pmid', 'accession number'],
        year: ['published year', 'year'],
      }),
      decision,
      reasons: splitReasons(columns.cell(row, reasonIndex)),
      note: columns.cell(row, notesIndex),
    };
  });
}

function covidenceWord(value: string): string {
  const word = value.trim().toLowerCase();
  if (word === 'select' || word === 'full text review' || word === 'full-text review') return 'include';
  if (word === 'screen') return '';
  return word;
}

export function decisionOfFileName(fileName: string): DecisionVerdict | undefined {
  const name = fileName.toLowerCase();
  if (/(^|[_\W])included([_\W]|$)/.test(name) || /(^|[_\W])select([_\W]|$)/.test(name)) return 'include';
  if (/(^|[_\W])(excluded|irrelevant)([_\W]|$)/.test(name)) return 'exclude';
  if (/(^|[_\W])maybe([_\W]|$)/.test(name)) return 'maybe';
  return undefined;
}

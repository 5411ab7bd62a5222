import type { FormatWarning } from '../format-plugin.js';

/** Decision files Weft reads and writes (the same ids as the protocol's DECISION_FILE_FORMATS). */
export const DECISION_FORMATS = ['asreview-csv', 'rayyan-csv', 'covidence-csv', 'ris'] as const;
export type DecisionFormat = (typeof DECISION_FORMATS)[number];

export type DecisionVerdict = 'include' | 'exclude' | 'maybe';

/** What a row says about which record it is: matched to project records in core. */
export interface DecisionRowIds {
  /** A Weft record id (a uuid), present when the file was exported by Weft. */
  recordId?: string;
  doi?: string;
  pmid?: string;
  title?: string;
  year?: number;
}

/** One record's decision as another tool exported it. */
export interface DecisionRow {
  /** 1-based data row (CSV) or record (RIS) number. */
  rowNumber: number;
  /** 1-based line where the row starts, for messages. */
  line: number;
  ids: DecisionRowIds;
  /** null = the tool shows the record as not yet decided. */
  decision: DecisionVerdict | null;
  /** Exclusion reasons as labels (matched to the stage's reasons by the importer). */
  reasons: string[];
  note: string;
}

export interface DecisionFile {
  format: DecisionFormat;
  rows: DecisionRow[];
  warnings: FormatWarning[];
}

import type { BibliographicRecord } from '@weft/core';
import type { ColumnMapping } from './table/column-mapping.js';
import type { FieldMapping, TableMapping } from './table/field-mapping.js';

export type FormatId =
  | 'ris'
  | 'nbib'
  | 'pubmed-xml'
  | 'endnote-xml'
  | 'bibtex'
  | 'csv'
  | 'tsv'
  | 'xlsx'
  | 'wos-tab'
  | 'wos';

/** A recoverable oddity: the import goes on, the reviewer is told where to look. */
export interface FormatWarning {
  message: string;
  line?: number;
  /** 1-based record number in the file. */
  record?: number;
}

export interface ParsedRecord {
  record: BibliographicRecord;
  /** The record exactly as it appeared in the file (provenance; the "source record"). */
  sourceText: string;
  /** 1-based line where the record starts (for tables, the row's line; for XLSX, the row number). */
  line: number;
  /** 1-based position of the record in the file. */
  index: number;
}

export interface ParseResult {
  records: ParsedRecord[];
  warnings: FormatWarning[];
  /** CSV, TSV and XLSX: the columns and the mapping used (for the wizard's mapping step and the event). */
  table?: TableMapping;
}

export interface ParseOptions {
  fileName: string;
  /** For CSV, TSV and XLSX: overrides the guessed column mapping. */
  columnMapping?: ColumnMapping;
  /** For CSV, TSV and XLSX: the user's field → column choices, applied on top of the guess. */
  fieldMapping?: FieldMapping;
}

interface PluginBase {
  id: FormatId;
  label: string;
  /** Lower-case file extensions without the dot. */
  extensions: string[];
  /** Confidence in [0, 1] that the text is in this format (0 = certainly not). */
  detect(text: string): number;
}

/** A format read from decoded text. */
export interface TextFormatPlugin extends PluginBase {
  kind: 'text';
  parse(text: string, options: ParseOptions): ParseResult;
  /** Absent for import-only formats. */
  format?(records: readonly BibliographicRecord[]): string;
}

/** A format read from bytes (XLSX): parsing and writing are asynchronous. */
export interface BinaryFormatPlugin extends PluginBase {
  kind: 'binary';
  parseBytes(bytes: Uint8Array, options: ParseOptions): Promise<ParseResult>;
  format?(records: readonly BibliographicRecord[]): Promise<Uint8Array>;
}

export type FormatPlugin = TextFormatPlugin | BinaryFormatPlugin;

import type { ColumnType } from 'kysely';

/**
 * Tables of qualitative coding: documents and their versions, the codebook (materialised from
 * the coding events) and codings. Kept apart from schema.ts so each capability owns its table
 * types; `Database` extends this.
 */
type Timestamp = ColumnType<Date, Date | string, Date | string>;
type Json = ColumnType<unknown, string, string>;

export interface DocumentsTable {
  id: string;
  project_id: string;
  name: string;
  /** The extract package's kind: text, markdown, docx, html, pdf, transcript. */
  kind: string;
  folder: string;
  /** An included study (its report record) the document belongs to, when linked. */
  study_id: string | null;
  /** A case (participant, site, …) the document belongs to, when linked. */
  case_id: string | null;
  current_version: number;
  created_at: Timestamp;
  created_by: string;
}

export interface DocumentVersionsTable {
  id: string;
  document_id: string;
  version: number;
  text: string;
  /** Blocks (headings, paragraphs, utterances, pages) with offsets into `text`. */
  structure: Json;
  /** PDF only: page spans and text items; null for other kinds. */
  pages: Json | null;
  meta: Json;
  created_at: Timestamp;
  created_by: string;
}

export interface CodesTable {
  id: string;
  project_id: string;
  parent_id: string | null;
  name: string;
  description: string;
  inclusion: string;
  exclusion: string;
  example: string;
  colour: string | null;
  shortcut: string | null;
  /** Order among siblings; fractional so a move touches one code (core `Code.position`). */
  position: number;
  status: 'active' | 'deleted' | 'merged';
  deleted_with: string | null;
  /** What a merge moved, so unmerge can put it back (core `MergeRecord`). */
  merge: Json | null;
  created_at: Timestamp;
  created_by: string;
}

export interface CodingsTable {
  id: string;
  project_id: string;
  code_id: string;
  document_id: string;
  version_id: string;
  start_offset: number;
  end_offset: number;
  exact: string;
  prefix: string;
  suffix: string;
  coder_id: string;
  created_at: Timestamp;
  status: 'active' | 'removed';
  /** How the last re-anchoring placed the coding; `kept` for a coding never re-anchored. */
  anchor_status: 'kept' | 'moved' | 'fuzzy' | 'orphan';
  score: number;
  /** For a fuzzy placement: the words the coding covered when a person last placed it. */
  coded_exact: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface CodingTables {
  documents: DocumentsTable;
  document_versions: DocumentVersionsTable;
  codes: CodesTable;
  codings: CodingsTable;
}

/** Coding tables in foreign-key order, for backup and restore. */
export const CODING_TABLES = ['documents', 'document_versions', 'codes', 'codings'] as const;

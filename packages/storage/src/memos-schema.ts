import type { ColumnType } from 'kysely';

/**
 * Tables of memos, their "see also" links and annotations on codings (migration 0010). Kept apart
 * from schema.ts so each capability owns its table types; `Database` extends this.
 */
type Timestamp = ColumnType<Date, Date | string, Date | string>;
type Json = ColumnType<unknown, string, string>;

export type MemoTargetKindColumn = 'project' | 'document' | 'case' | 'code' | 'coding';
export type MemoLinkKindColumn = 'coding' | 'memo' | 'document' | 'code';

export interface MemosTable {
  id: string;
  project_id: string;
  title: string;
  /** Rich text as a ProseMirror JSON document, checked against core's whitelist (`sanitizeRichDoc`). */
  content: Json;
  /** Derived from `content` (core `richDocText`): searched, and shown where rich text cannot be. */
  plain_text: string;
  target_kind: MemoTargetKindColumn;
  /** Null exactly when the memo is on the project itself. */
  target_id: string | null;
  author_id: string;
  created_at: Timestamp;
  updated_at: Timestamp;
  /** Raised by every edit, so a stale edit is refused (409). */
  version: number;
  status: 'active' | 'deleted';
}

export interface MemoLinksTable {
  memo_id: string;
  kind: MemoLinkKindColumn;
  target_id: string;
  created_at: Timestamp;
  created_by: string;
}

export interface AnnotationsTable {
  id: string;
  project_id: string;
  coding_id: string;
  text: string;
  author_id: string;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: number;
  status: 'active' | 'removed';
}

export interface MemoTables {
  memos: MemosTable;
  memo_links: MemoLinksTable;
  annotations: AnnotationsTable;
}

/** Memo tables in foreign-key order (after the coding tables), for backup and restore. */
export const MEMO_TABLES = ['memos', 'memo_links', 'annotations'] as const;

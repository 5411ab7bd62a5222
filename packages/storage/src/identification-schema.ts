import type { ColumnType } from 'kysely';

/**
 * Tables of the identification stage (searches, imports, records, duplicates). Kept apart from
 * schema.ts so each capability owns its table types; `Database` extends this interface.
 */
type Timestamp = ColumnType<Date, Date | string, Date | string>;
type Json = ColumnType<unknown, string, string>;

/** File bytes sent before the command that imports them (a command body is JSON and small). */
export interface UploadsTable {
  id: string;
  project_id: string;
  file_name: string;
  byte_size: number;
  sha256: string;
  /** Only in uploads restored from backups older than migration 0013; the bytes are in upload_chunks. */
  bytes: ColumnType<Buffer | null, Buffer | null | undefined, Buffer | null>;
  uploaded_by: string;
  uploaded_at: Timestamp;
}

/** An upload's bytes in order, 1 MiB per row (migration 0013), so no one holds a whole file. */
export interface UploadChunksTable {
  upload_id: string;
  seq: number;
  bytes: Buffer;
}

/** One run of a query in one source (PRISMA-S item). */
export interface SearchesTable {
  id: string;
  project_id: string;
  source_type: string;
  name: string;
  platform: string;
  /** ISO date (YYYY-MM-DD) kept as text: a `date` column would come back shifted by the time zone. */
  date_run: string | null;
  query: string;
  reported_count: number | null;
  notes: string;
  version: number;
  created_at: Timestamp;
  created_by: string;
}

export interface ImportsTable {
  id: string;
  project_id: string;
  search_id: string;
  upload_id: string | null;
  file_name: string;
  format: string;
  encoding: string;
  record_count: number;
  warnings: Json;
  imported_at: Timestamp;
  imported_by: string;
}

/** A record exactly as the file had it: provenance, never modified. */
export interface SourceRecordsTable {
  id: string;
  project_id: string;
  import_id: string;
  position: number;
  line: number;
  text: string;
}

/** The normalised working copy; the columns beside `data` are what lists sort and filter on. */
export interface RecordsTable {
  id: string;
  project_id: string;
  import_id: string;
  search_id: string;
  source_record_id: string;
  data: Json;
  title: string | null;
  year: number | null;
  doi: string | null;
  pmid: string | null;
  first_author: string | null;
  /** The active duplicate group this record belongs to; null when it stands alone. */
  group_id: string | null;
  version: number;
  created_at: Timestamp;
}

/** A merge. Dissolving one (unmerge, or a larger merge absorbing it) keeps the row. */
export interface DuplicateGroupsTable {
  id: string;
  project_id: string;
  method: string;
  primary_record_id: string;
  member_ids: Json;
  merged: Json;
  created_at: Timestamp;
  created_by: string;
  dissolved_at: Timestamp | null;
  dissolved_by: string | null;
  dissolved_reason: string | null;
  /** The bulk merge that created this group (migration 0005); null for single merges and engine runs. */
  batch_id: ColumnType<string | null, string | null | undefined, string | null>;
  /** The bulk merge that absorbed this group, so undoing it brings the group back. */
  absorbed_by_batch: ColumnType<string | null, string | null | undefined, string | null>;
}

/** A pair the engine (or a person) raised, with the answer once given. */
export interface DuplicateCandidatesTable {
  id: string;
  project_id: string;
  record_a: string;
  record_b: string;
  decision: string;
  score: number;
  evidence: Json;
  status: string;
  answered_by: string | null;
  answered_at: Timestamp | null;
  created_at: Timestamp;
  /** The bulk merge that answered this pair (migration 0005). */
  batch_id: ColumnType<string | null, string | null | undefined, string | null>;
}

/** A record removed before screening for another reason than duplication (migration 0015). */
export interface RecordRemovalsTable {
  record_id: string;
  project_id: string;
  kind: 'automation' | 'other';
  reason: string;
  removed_by: string;
  removed_at: Timestamp;
}

export interface IdentificationTables {
  uploads: UploadsTable;
  upload_chunks: UploadChunksTable;
  searches: SearchesTable;
  imports: ImportsTable;
  source_records: SourceRecordsTable;
  records: RecordsTable;
  duplicate_groups: DuplicateGroupsTable;
  duplicate_candidates: DuplicateCandidatesTable;
  record_removals: RecordRemovalsTable;
}

/** Identification tables in foreign-key order (appended to TABLES_IN_DEPENDENCY_ORDER). */
export const IDENTIFICATION_TABLES = [
  'uploads',
  'upload_chunks',
  'searches',
  'imports',
  'source_records',
  'duplicate_groups',
  'records',
  'duplicate_candidates',
  'record_removals',
] as const satisfies readonly (keyof IdentificationTables)[];

import type { ColumnType } from 'kysely';

/**
 * Tables of REFI-QDA interchange (migration 0014). Kept apart from schema.ts so each capability
 * owns its table types; `Database` extends this.
 */
type Timestamp = ColumnType<Date, Date | string, Date | string>;
type Json = ColumnType<unknown, string, string>;

/** A .qdpx/.qde/.qdc staged for import into a new project (uploads need a project). */
export interface QdpxUploadsTable {
  id: string;
  file_name: string;
  byte_size: number;
  bytes: Buffer;
  uploaded_by: string;
  uploaded_at: Timestamp;
}

/** The report of the import that created a project. */
export interface QdpxImportsTable {
  project_id: string;
  file_name: string;
  /** The producing application (the file's `origin`). */
  origin: string;
  report: Json;
  imported_at: Timestamp;
  imported_by: string;
}

/**
 * Where an imported thing came from: its REFI guid, and for codings and documents the REFI user
 * who made it (Weft attributes them to the importing account, see ARCHITECTURE).
 */
export interface QdpxOriginsTable {
  project_id: string;
  entity: 'code' | 'document' | 'coding' | 'source-file' | 'selection' | 'set';
  entity_id: string;
  guid: string;
  creator_guid: string | null;
  creator_name: string | null;
}

/** A PDF, picture, audio or video source: its bytes (null when the archive lacked the file). */
export interface QdpxSourceFilesTable {
  id: string;
  project_id: string;
  guid: string;
  kind: 'pdf' | 'picture' | 'audio' | 'video';
  name: string;
  path: string;
  /** A PDF's text representation, imported as a document. */
  document_id: string | null;
  byte_size: number;
  bytes: Buffer | null;
  created_at: Timestamp;
}

/** A selection Weft cannot code yet, kept as the file gave it. */
export interface QdpxMediaSelectionsTable {
  id: string;
  project_id: string;
  source_file_id: string;
  guid: string;
  kind: 'pdf' | 'picture' | 'audio' | 'video' | 'transcript';
  name: string;
  /** {page, firstX, firstY, secondX, secondY} or {begin, end} (ms) or {fromSyncPoint, toSyncPoint}. */
  geometry: Json;
  text: string | null;
  /** [{codeId, guid, creatorName, createdAt}] */
  codings: Json;
  created_at: Timestamp;
}

export interface QdpxSetsTable {
  id: string;
  project_id: string;
  guid: string;
  name: string;
  description: string;
  /** {codeIds, documentIds, sourceFileIds, noteGuids} */
  members: Json;
}

export interface QdpxTables {
  qdpx_uploads: QdpxUploadsTable;
  qdpx_imports: QdpxImportsTable;
  qdpx_origins: QdpxOriginsTable;
  qdpx_source_files: QdpxSourceFilesTable;
  qdpx_media_selections: QdpxMediaSelectionsTable;
  qdpx_sets: QdpxSetsTable;
}

/** In foreign-key order, for backup and restore (staged uploads are not project data). */
export const QDPX_TABLES = [
  'qdpx_uploads',
  'qdpx_imports',
  'qdpx_origins',
  'qdpx_source_files',
  'qdpx_media_selections',
  'qdpx_sets',
] as const;

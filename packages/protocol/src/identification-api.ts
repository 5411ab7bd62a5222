import { type BibliographicRecord, TABLE_FIELDS, type TableField } from '@weft/core';
import { z } from 'zod';

/** Identification stage: searches, imports, records and duplicates, as the HTTP API shows them. */

/** PRISMA-S source types; "database" and "register" are the PRISMA 2020 "databases and registers" box. */
export const SEARCH_SOURCE_TYPES = [
  'database',
  'register',
  'website',
  'organisation',
  'citation-searching',
  'other',
] as const;
export type SearchSourceType = (typeof SEARCH_SOURCE_TYPES)[number];

/** Format ids of @weft/formats (protocol may not import formats; the server checks they agree). */
export const IMPORT_FORMATS = [
  'ris',
  'nbib',
  'pubmed-xml',
  'endnote-xml',
  'bibtex',
  'csv',
  'tsv',
  'xlsx',
  'wos-tab',
] as const;

export { TABLE_FIELDS, type TableField };

/**
 * A table's column mapping as the user edits it: record field → the column (header) that fills
 * it, or null for none. Fields left out keep the column guessed from the headers.
 */
export const columnMappingSchema = z.partialRecord(
  z.enum(TABLE_FIELDS),
  z.string().min(1).max(1000).nullable(),
);
export type ColumnMappingInput = z.infer<typeof columnMappingSchema>;

/** Body of `POST /api/projects/:id/uploads/:uploadId/preview` (all optional: the guess by default). */
export const uploadPreviewRequestSchema = z
  .object({
    format: z.enum(IMPORT_FORMATS).optional(),
    columnMapping: columnMappingSchema.optional(),
  })
  .default({});
export type UploadPreviewRequest = z.input<typeof uploadPreviewRequestSchema>;

/** Largest upload accepted by `POST /api/projects/:id/uploads` (100,000 RIS records are ~60 MB). */
export const UPLOAD_MAX_BYTES = 256 * 1024 * 1024;

export interface UploadResponse {
  uploadId: string;
  fileName: string;
  byteSize: number;
  sha256: string;
}

export interface SearchView {
  id: string;
  sourceType: SearchSourceType;
  name: string;
  platform: string;
  /** YYYY-MM-DD or null. */
  dateRun: string | null;
  query: string;
  reportedCount: number | null;
  notes: string;
  version: number;
  createdAt: string;
  importCount: number;
  recordCount: number;
}

export interface SearchesResponse {
  searches: SearchView[];
}

export interface RecordView {
  id: string;
  searchId: string;
  importId: string;
  groupId: string | null;
  /** False when the record was merged into another record of its group. */
  isPrimary: boolean;
  /** Set when the record was removed before screening (PRISMA: automation tool or another reason). */
  removal?: { kind: 'automation' | 'other'; reason: string; removedAt: string } | null;
  version: number;
  record: BibliographicRecord;
}

export const recordsQuerySchema = z.object({
  offset: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  sort: z.enum(['imported', 'title', 'year', 'first-author']).default('imported'),
  order: z.enum(['asc', 'desc']).default('asc'),
  q: z.string().max(500).optional(),
  searchId: z.uuid().optional(),
  importId: z.uuid().optional(),
  yearFrom: z.coerce.number().int().optional(),
  yearTo: z.coerce.number().int().optional(),
  /**
   * remaining: what goes on to screening; merged: records folded into another; grouped: every group
   * member; pending: records in a pair waiting in the duplicate review queue; removed: records
   * removed before screening for another reason.
   */
  view: z.enum(['all', 'remaining', 'merged', 'grouped', 'pending', 'removed']).default('all'),
});
export type RecordsQuery = z.input<typeof recordsQuerySchema>;

export interface RecordsResponse {
  records: RecordView[];
  total: number;
  offset: number;
  limit: number;
}

export interface SourceRecordResponse {
  record: RecordView;
  source: { fileName: string; format: string; line: number; position: number; text: string };
}

export interface DuplicateEvidenceView {
  field: string;
  outcome: 'agree' | 'similar' | 'disagree' | 'missing';
  similarity?: number;
  detail?: string;
}

export interface DuplicateCandidateView {
  id: string;
  decision: 'certain' | 'possible' | 'manual';
  score: number;
  evidence: { evidence: DuplicateEvidenceView[]; reasons: string[] } | Record<string, never>;
  status: 'pending' | 'duplicate' | 'not-duplicate';
  answeredBy: string | null;
  answeredAt: string | null;
  a: RecordView;
  b: RecordView;
}

export const duplicatesQuerySchema = z.object({
  status: z.enum(['pending', 'duplicate', 'not-duplicate']).default('pending'),
  offset: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  /** Only pairs scoring at least this (0–1): what "accept all above a score" would merge. */
  minScore: z.coerce.number().min(0).max(1).optional(),
});

export interface DuplicatesResponse {
  candidates: DuplicateCandidateView[];
  total: number;
}

/** The PRISMA 2020 identification box, derived from the store. */
export interface IdentificationResponse {
  searches: Array<{
    searchId: string;
    name: string;
    platform: string;
    sourceType: string;
    reportedCount: number | null;
    imported: number;
  }>;
  bySourceType: Record<string, number>;
  identified: number;
  duplicatesRemovedAutomatically: number;
  duplicatesRemovedManually: number;
  pendingDuplicatePairs: number;
  /** Records removed before screening for another reason (automation tool or other). */
  removedBeforeScreening: number;
  remaining: number;
}

/** A warning shown after an import (format oddities, a count that differs from the reported one). */
export interface ImportWarningView {
  message: string;
  line?: number;
  record?: number;
}

/** What the import wizard shows before anything is imported: the parse-only preview of an upload. */
export interface UploadPreviewResponse {
  uploadId: string;
  fileName: string;
  format: string;
  encoding: string;
  recordCount: number;
  records: BibliographicRecord[];
  warnings: ImportWarningView[];
  /**
   * Tables only: the file's columns, the mapping guessed from their headers, and the mapping
   * the preview used (the guess with the request's columnMapping applied), each field → column.
   */
  table: {
    columns: string[];
    guessed: Record<TableField, string | null>;
    mapping: Record<TableField, string | null>;
  } | null;
}

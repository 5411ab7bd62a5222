import type { ColumnType } from 'kysely';

/** The full-text files of reports (migration 0011); `Database` extends this. */
type Timestamp = ColumnType<Date, Date | string, Date | string>;

export type ReportFileMatch = 'manual' | 'doi' | 'title' | 'file-name';

export interface ReportFilesTable {
  id: string;
  project_id: string;
  record_id: string;
  upload_id: string;
  file_name: string;
  byte_size: number;
  sha256: string;
  page_count: number;
  doi: string | null;
  text: string;
  matched_by: ReportFileMatch;
  status: 'attached' | 'detached';
  attached_by: string;
  attached_at: Timestamp;
  detached_by: string | null;
  detached_at: Timestamp | null;
}

export interface ReportFileTables {
  report_files: ReportFilesTable;
}

/** After uploads and records (foreign keys), for backup and restore. */
export const REPORT_FILE_TABLES = ['report_files'] as const;

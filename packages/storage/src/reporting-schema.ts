import type { ColumnType } from 'kysely';

/**
 * Tables of reporting: reports (retrieval, study links) and the PRISMA diagram's settings. Kept
 * apart from schema.ts so each capability owns its table types; `Database` extends this.
 */
type Timestamp = ColumnType<Date, Date | string, Date | string>;
type Json = ColumnType<unknown, string, string>;

export interface ReportsTable {
  record_id: string;
  project_id: string;
  retrieval: 'retrieved' | 'not-retrieved' | null;
  retrieval_note: string;
  study_id: string;
  updated_at: Timestamp;
  updated_by: string;
}

export interface PrismaSettingsTable {
  project_id: string;
  /** Box text overrides keyed like the PRISMA2020 template's `data` column. */
  labels: Json;
  previous_studies: number | null;
  previous_reports: number | null;
  version: number;
}

export interface ReportingTables {
  reports: ReportsTable;
  prisma_settings: PrismaSettingsTable;
}

/** Reporting tables in foreign-key order, for backup and restore. */
export const REPORTING_TABLES = ['reports', 'prisma_settings'] as const;

import type { ColumnType } from 'kysely';

/**
 * Tables of cases and attributes (classification sheets). Kept apart from schema.ts so each
 * capability owns its table types; `Database` extends this.
 */
type Timestamp = ColumnType<Date, Date | string, Date | string>;
type Json = ColumnType<unknown, string, string>;

export interface CasesTable {
  id: string;
  project_id: string;
  /** study, participant, organisation, site, or a project's own classification name. */
  classification: string;
  name: string;
  description: string;
  /** For a study case: the study it mirrors (reports.study_id, else the record id). */
  study_id: string | null;
  status: 'active' | 'deleted';
  created_at: Timestamp;
  created_by: string;
}

export interface AttributeDefinitionsTable {
  id: string;
  project_id: string;
  /** The classification the attribute belongs to; `document` for document attributes. */
  classification: string;
  name: string;
  type: 'text' | 'number' | 'date' | 'boolean' | 'choice';
  /** Choice options, in order (JSON string array); [] for other types. */
  options: Json;
  position: number;
  status: 'active' | 'removed';
  created_at: Timestamp;
  created_by: string;
}

export interface AttributeValuesTable {
  attribute_id: string;
  /** A case id, or a document id for document attributes. */
  target_id: string;
  project_id: string;
  /** Canonical text: number as JS number text, date YYYY-MM-DD, boolean true/false, choice option. */
  value: string;
  updated_at: Timestamp;
  updated_by: string;
}

export interface CaseTables {
  cases: CasesTable;
  attribute_definitions: AttributeDefinitionsTable;
  attribute_values: AttributeValuesTable;
}

/** Case tables in foreign-key order, for backup and restore. */
export const CASE_TABLES = ['cases', 'attribute_definitions', 'attribute_values'] as const;

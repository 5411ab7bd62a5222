import type { ColumnType } from 'kysely';

/**
 * Tables of the screening stages (stages, criteria, reasons, sample, decisions, conflicts,
 * stops, model runs and rankings). Kept apart from schema.ts so each capability owns its
 * table types; `Database` extends this. Created by migration 0004-screening.
 */
type Timestamp = ColumnType<Date, Date | string, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
type Json = ColumnType<unknown, string, string>;

export interface StagesTable {
  id: string;
  project_id: string;
  key: string;
  name: string;
  position: number;
  mode: string;
  sample_percent: number | null;
  sample_seed: number;
  sample_drawn_at: NullableTimestamp;
  reviewer_ids: Json;
  reason_required: boolean;
  status: string;
  blinded: boolean;
  include_keywords: Json;
  exclude_keywords: Json;
  stopping_sample_seed: number | null;
  stopping_sample_started_at: NullableTimestamp;
  version: number;
  created_at: Timestamp;
}

export interface StageCriteriaTable {
  id: string;
  project_id: string;
  stage_id: string;
  criterion_group: string;
  kind: string;
  text: string;
  position: number;
}

export interface ExclusionReasonsTable {
  id: string;
  project_id: string;
  stage_id: string;
  label: string;
  position: number;
  retired: boolean;
}

export interface ScreeningSampleTable {
  stage_id: string;
  record_id: string;
  in_sample: boolean;
}

export interface ScreeningDecisionsTable {
  id: string;
  project_id: string;
  stage_id: string;
  record_id: string;
  reviewer_id: string;
  decision: string;
  reason_ids: Json;
  note: string;
  source: string;
  at: Timestamp;
  superseded_at: NullableTimestamp;
  retracted: ColumnType<boolean, boolean | undefined, boolean>;
  command_id: string | null;
}

export interface ScreeningResolutionsTable {
  id: string;
  project_id: string;
  stage_id: string;
  record_id: string;
  method: string;
  decision: string;
  reason_ids: Json;
  participant_ids: Json;
  resolved_by: string;
  note: string;
  at: Timestamp;
  superseded_at: NullableTimestamp;
}

export interface StageStopsTable {
  id: string;
  project_id: string;
  stage_id: string;
  at: Timestamp;
  stopped_by: string;
  note: string;
  evidence: Json;
}

export interface ModelRunsTable {
  id: string;
  project_id: string;
  stage_id: string;
  version: number;
  state: string;
  settings: Json;
  includes: number;
  excludes: number;
  trained_at: NullableTimestamp;
  message: string | null;
  label_count: number;
}

export interface ScreeningRankingsTable {
  stage_id: string;
  record_id: string;
  score: number;
  rank: number;
  model_version: number;
}

export interface ScreeningTables {
  stages: StagesTable;
  stage_criteria: StageCriteriaTable;
  exclusion_reasons: ExclusionReasonsTable;
  screening_sample: ScreeningSampleTable;
  screening_decisions: ScreeningDecisionsTable;
  screening_resolutions: ScreeningResolutionsTable;
  stage_stops: StageStopsTable;
  model_runs: ModelRunsTable;
  screening_rankings: ScreeningRankingsTable;
}

/** Screening tables in foreign-key order, for backup and restore. */
export const SCREENING_TABLES = [
  'stages',
  'stage_criteria',
  'exclusion_reasons',
  'screening_sample',
  'screening_decisions',
  'screening_resolutions',
  'stage_stops',
  'model_runs',
  'screening_rankings',
] as const satisfies readonly (keyof ScreeningTables)[];

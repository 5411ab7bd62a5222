/**
 * The materialised outcome of every eligible record at every stage (migration 0012): a
 * projection of the decisions, resolutions, sample and stage settings, rewritten in the
 * transaction of every command that changes one of them (see stage-outcomes.ts). Not part of
 * a backup: a restore rebuilds it.
 */
export interface StageOutcomesTable {
  stage_id: string;
  record_id: string;
  project_id: string;
  needed: number;
  in_sample: boolean;
  n: number;
  verdicts: number;
  final: 'include' | 'exclude' | 'maybe' | null;
  conflict: boolean;
  resolved: boolean;
}

export interface StageOutcomeTables {
  stage_outcomes: StageOutcomesTable;
}

import type { BibliographicRecord } from '@weft/core';
import { type Kysely, sql, type Transaction } from 'kysely';
import type { Database } from '../schema.js';
import { outcomesSql } from '../screening/stage-outcomes.js';
import { listStages } from '../screening/stages.js';

type Db = Kysely<Database> | Transaction<Database>;

export interface IncludedStudy {
  /** reports.study_id (the id of the study's first report's record), else the record's own id. */
  studyId: string;
  /** The report whose metadata describes the study: the one the study id names when included. */
  recordId: string;
  record: BibliographicRecord;
}

/**
 * Studies with a final include at the last screening stage (the PRISMA "studies included"), one
 * entry per study however many of its reports were included. Empty when there is no stage. Reads
 * the materialised stage outcomes (migration 0012), which every decision keeps current.
 */
export async function listIncludedStudies(db: Db, projectId: string): Promise<IncludedStudy[]> {
  const stages = await listStages(db, projectId);
  const last = stages[stages.length - 1];
  if (!last) return [];
  const { rows } = await sql<{ study_id: string; record_id: string; data: unknown }>`
    with states as materialized (${outcomesSql(last)})
    select distinct on (coalesce(rep.study_id, r.id)) coalesce(rep.study_id, r.id) as study_id,
      r.id as record_id, r.data
    from states s
    join records r on r.id = s.record_id
    left join reports rep on rep.record_id = r.id
    where r.project_id = ${projectId}::uuid and s.final = 'include'
    order by coalesce(rep.study_id, r.id), (r.id = coalesce(rep.study_id, r.id)) desc, r.created_at, r.id`.execute(
    db,
  );
  return rows.map((row) => ({
    studyId: row.study_id,
    recordId: row.record_id,
    record: row.data as BibliographicRecord,
  }));
}

import type { ReportStudyView } from '@weft/protocol';
import { type Database, findRecords, findReports } from '@weft/storage';
import type { Kysely } from 'kysely';

/**
 * The studies of several reports that the given records belong to, keyed by record id. A report
 * alone in its study (the usual case) is left out: there is nothing to group or take apart.
 */
export async function reportStudies(
  db: Kysely<Database>,
  projectId: string,
  recordIds: readonly string[],
): Promise<Record<string, ReportStudyView>> {
  const own = await findReports(db, projectId, recordIds);
  const studyIds = [...new Set(own.map((r) => r.studyId))];
  if (studyIds.length === 0) return {};
  const members = await db
    .selectFrom('reports')
    .select(['record_id', 'study_id'])
    .where('project_id', '=', projectId)
    .where('study_id', 'in', studyIds)
    .execute();
  const byStudy = new Map<string, string[]>();
  for (const m of members) byStudy.set(m.study_id, [...(byStudy.get(m.study_id) ?? []), m.record_id]);
  const shared = [...byStudy].filter(([, ids]) => ids.length > 1);
  const titles = new Map(
    (await findRecords(db, projectId, [...new Set(shared.flatMap(([id, ids]) => [id, ...ids]))])).map((r) => [
      r.id,
      r.record.title ?? null,
    ]),
  );
  const views = new Map<string, ReportStudyView>();
  for (const [studyId, ids] of shared) {
    const ordered = [studyId, ...ids.filter((id) => id !== studyId).sort()];
    views.set(studyId, {
      studyId,
      title: titles.get(studyId) ?? null,
      reports: ordered.map((id) => ({ id, title: titles.get(id) ?? null })),
    });
  }
  const result: Record<string, ReportStudyView> = {};
  for (const report of own) {
    const view = views.get(report.studyId);
    if (view) result[report.recordId] = view;
  }
  return result;
}

/** Boxes that count studies: their lines are studies, each named by the report it is named after. */
export const STUDY_BOXES = new Set(['new_studies', 'total_studies']);

/** For a study box, the records that name the listed studies (its primary reports), in the same order. */
export async function studyNamers(
  db: Kysely<Database>,
  projectId: string,
  recordIds: readonly string[],
): Promise<string[]> {
  const studyOf = new Map((await findReports(db, projectId, recordIds)).map((r) => [r.recordId, r.studyId]));
  return recordIds.map((id) => studyOf.get(id) ?? id);
}

import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../schema.js';

type Db = Kysely<Database> | Transaction<Database>;

export type Retrieval = 'retrieved' | 'not-retrieved';

export interface StoredReport {
  recordId: string;
  retrieval: Retrieval | null;
  retrievalNote: string;
  studyId: string;
}

/** Records get a report row the first time something is said about them as reports. */
async function ensureReports(
  trx: Db,
  projectId: string,
  recordIds: readonly string[],
  actorId: string,
  at: Date,
) {
  if (recordIds.length === 0) return;
  await trx
    .insertInto('reports')
    .values(
      recordIds.map((recordId) => ({
        record_id: recordId,
        project_id: projectId,
        retrieval: null,
        retrieval_note: '',
        study_id: recordId,
        updated_at: at,
        updated_by: actorId,
      })),
    )
    .onConflict((oc) => oc.column('record_id').doNothing())
    .execute();
}

export async function findReports(
  db: Db,
  projectId: string,
  recordIds: readonly string[],
): Promise<StoredReport[]> {
  if (recordIds.length === 0) return [];
  const rows = await db
    .selectFrom('reports')
    .select(['record_id', 'retrieval', 'retrieval_note', 'study_id'])
    .where('project_id', '=', projectId)
    .where('record_id', 'in', recordIds)
    .execute();
  return rows.map((r) => ({
    recordId: r.record_id,
    retrieval: r.retrieval,
    retrievalNote: r.retrieval_note,
    studyId: r.study_id,
  }));
}

export async function setRetrieval(
  trx: Db,
  projectId: string,
  recordId: string,
  retrieval: Retrieval | null,
  note: string,
  actorId: string,
  at: Date,
): Promise<void> {
  await ensureReports(trx, projectId, [recordId], actorId, at);
  await trx
    .updateTable('reports')
    .set({ retrieval, retrieval_note: note, updated_at: at, updated_by: actorId })
    .where('record_id', '=', recordId)
    .execute();
}

/**
 * Makes the given reports one study, named by `studyId` (one of them). Reports already linked to
 * another study bring that study's other reports along, so links never split a study silently.
 */
export async function linkStudy(
  trx: Db,
  projectId: string,
  recordIds: readonly string[],
  studyId: string,
  actorId: string,
  at: Date,
): Promise<string[]> {
  await ensureReports(trx, projectId, recordIds, actorId, at);
  const current = await findReports(trx, projectId, recordIds);
  const studies = [...new Set(current.map((r) => r.studyId))];
  const members = await trx
    .selectFrom('reports')
    .select('record_id')
    .where('project_id', '=', projectId)
    .where('study_id', 'in', studies)
    .execute();
  const all = [...new Set([...recordIds, ...members.map((m) => m.record_id)])];
  await trx
    .updateTable('reports')
    .set({ study_id: studyId, updated_at: at, updated_by: actorId })
    .where('project_id', '=', projectId)
    .where('record_id', 'in', all)
    .execute();
  return all;
}

/** Takes one report out of its study: it becomes a study of its own again. */
export async function unlinkStudy(trx: Db, projectId: string, recordId: string, actorId: string, at: Date) {
  const [report] = await findReports(trx, projectId, [recordId]);
  if (!report) return { previousStudyId: recordId };
  await trx
    .updateTable('reports')
    .set({ study_id: recordId, updated_at: at, updated_by: actorId })
    .where('record_id', '=', recordId)
    .execute();
  // The study keeps its name only while the report it is named after is in it.
  if (report.studyId === recordId) {
    const rest = await trx
      .selectFrom('reports')
      .select('record_id')
      .where('project_id', '=', projectId)
      .where('study_id', '=', recordId)
      .where('record_id', '!=', recordId)
      .orderBy('record_id')
      .execute();
    const [next] = rest;
    if (next)
      await trx
        .updateTable('reports')
        .set({ study_id: next.record_id })
        .where(
          'record_id',
          'in',
          rest.map((r) => r.record_id),
        )
        .execute();
  }
  return { previousStudyId: report.studyId };
}

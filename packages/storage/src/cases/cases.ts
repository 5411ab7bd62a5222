import type { Kysely, Selectable, Transaction } from 'kysely';
import type { CasesTable } from '../cases-schema.js';
import type { Database } from '../schema.js';

type Db = Kysely<Database> | Transaction<Database>;

export type CaseRow = Selectable<CasesTable>;

export interface NewCase {
  id: string;
  projectId: string;
  classification: string;
  name: string;
  description: string;
  studyId: string | null;
}

export async function insertCase(trx: Db, row: NewCase, by: string, at: Date): Promise<void> {
  await trx
    .insertInto('cases')
    .values({
      id: row.id,
      project_id: row.projectId,
      classification: row.classification,
      name: row.name,
      description: row.description,
      study_id: row.studyId,
      status: 'active',
      created_at: at,
      created_by: by,
    })
    .execute();
}

export async function getCase(db: Db, projectId: string, caseId: string): Promise<CaseRow | undefined> {
  return db
    .selectFrom('cases')
    .selectAll()
    .where('project_id', '=', projectId)
    .where('id', '=', caseId)
    .executeTakeFirst();
}

/** Every case of the project (deleted ones too), in sheet order. */
export async function listCases(db: Db, projectId: string, classification?: string): Promise<CaseRow[]> {
  let query = db.selectFrom('cases').selectAll().where('project_id', '=', projectId);
  if (classification !== undefined) query = query.where('classification', '=', classification);
  return query.orderBy('classification').orderBy('name').orderBy('id').execute();
}

/** The active case of a classification with this name (names compare case-insensitively). */
export async function findActiveCaseByName(
  db: Db,
  projectId: string,
  classification: string,
  name: string,
): Promise<CaseRow | undefined> {
  const rows = await db
    .selectFrom('cases')
    .selectAll()
    .where('project_id', '=', projectId)
    .where('classification', '=', classification)
    .where('status', '=', 'active')
    .execute();
  const key = name.trim().toLowerCase();
  return rows.find((row) => row.name.trim().toLowerCase() === key);
}

export async function updateCase(
  trx: Db,
  caseId: string,
  changes: { name?: string; description?: string; status?: 'active' | 'deleted' },
): Promise<void> {
  if (Object.keys(changes).length === 0) return;
  await trx.updateTable('cases').set(changes).where('id', '=', caseId).execute();
}

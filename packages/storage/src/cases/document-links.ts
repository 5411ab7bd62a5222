import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../schema.js';

type Db = Kysely<Database> | Transaction<Database>;

/** Sets where a document belongs; fields left undefined keep their value. */
export async function assignDocument(
  trx: Db,
  documentId: string,
  changes: { folder?: string; caseId?: string | null; studyId?: string | null },
): Promise<void> {
  const set: { folder?: string; case_id?: string | null; study_id?: string | null } = {};
  if (changes.folder !== undefined) set.folder = changes.folder;
  if (changes.caseId !== undefined) set.case_id = changes.caseId;
  if (changes.studyId !== undefined) set.study_id = changes.studyId;
  if (Object.keys(set).length === 0) return;
  await trx.updateTable('documents').set(set).where('id', '=', documentId).execute();
}

/** Distinct folder names in use, for the folder picker. */
export async function documentFolders(db: Db, projectId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('documents')
    .select('folder')
    .distinct()
    .where('project_id', '=', projectId)
    .where('folder', '<>', '')
    .orderBy('folder')
    .execute();
  return rows.map((r) => r.folder);
}

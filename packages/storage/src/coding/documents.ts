import type { Kysely, Selectable, Transaction } from 'kysely';
import type { DocumentsTable, DocumentVersionsTable } from '../coding-schema.js';
import type { Database } from '../schema.js';

type Db = Kysely<Database> | Transaction<Database>;

export type DocumentRow = Selectable<DocumentsTable>;

export interface DocumentVersion {
  id: string;
  documentId: string;
  version: number;
  text: string;
  structure: unknown[];
  pages: unknown | null;
  meta: Record<string, unknown>;
  createdAt: Date;
  createdBy: string;
}

export interface NewDocument {
  id: string;
  projectId: string;
  name: string;
  kind: string;
  folder: string;
  versionId: string;
  text: string;
  structure: unknown[];
  pages: unknown | null;
  meta: Record<string, unknown>;
}

export async function insertDocument(trx: Db, doc: NewDocument, by: string, at: Date): Promise<void> {
  await trx
    .insertInto('documents')
    .values({
      id: doc.id,
      project_id: doc.projectId,
      name: doc.name,
      kind: doc.kind,
      folder: doc.folder,
      study_id: null,
      case_id: null,
      current_version: 1,
      created_at: at,
      created_by: by,
    })
    .execute();
  await insertVersion(trx, { ...doc, documentId: doc.id, id: doc.versionId, version: 1 }, by, at);
}

async function insertVersion(
  trx: Db,
  v: Pick<DocumentVersion, 'id' | 'documentId' | 'version' | 'text' | 'structure' | 'pages' | 'meta'>,
  by: string,
  at: Date,
): Promise<void> {
  await trx
    .insertInto('document_versions')
    .values({
      id: v.id,
      document_id: v.documentId,
      version: v.version,
      text: v.text,
      structure: JSON.stringify(v.structure),
      pages: v.pages === null ? null : JSON.stringify(v.pages),
      meta: JSON.stringify(v.meta),
      created_at: at,
      created_by: by,
    })
    .execute();
}

/**
 * Saves the next version, refusing (returning false) when the stored current version is not
 * `expectedVersion` (someone else saved meanwhile).
 */
export async function addDocumentVersion(
  trx: Db,
  v: Pick<DocumentVersion, 'id' | 'documentId' | 'text' | 'structure' | 'pages' | 'meta'>,
  expectedVersion: number,
  by: string,
  at: Date,
): Promise<number | false> {
  const bumped = await trx
    .updateTable('documents')
    .set({ current_version: expectedVersion + 1 })
    .where('id', '=', v.documentId)
    .where('current_version', '=', expectedVersion)
    .executeTakeFirst();
  if (Number(bumped.numUpdatedRows) !== 1) return false;
  await insertVersion(trx, { ...v, version: expectedVersion + 1 }, by, at);
  return expectedVersion + 1;
}

export async function listDocuments(db: Db, projectId: string): Promise<DocumentRow[]> {
  return db
    .selectFrom('documents')
    .selectAll()
    .where('project_id', '=', projectId)
    .orderBy('folder')
    .orderBy('name')
    .orderBy('id')
    .execute();
}

export async function getDocument(
  db: Db,
  projectId: string,
  documentId: string,
): Promise<DocumentRow | undefined> {
  return db
    .selectFrom('documents')
    .selectAll()
    .where('project_id', '=', projectId)
    .where('id', '=', documentId)
    .executeTakeFirst();
}

function toVersion(row: Selectable<DocumentVersionsTable>): DocumentVersion {
  return {
    id: row.id,
    documentId: row.document_id,
    version: row.version,
    text: row.text,
    structure: row.structure as unknown[],
    pages: row.pages,
    meta: row.meta as Record<string, unknown>,
    createdAt: row.created_at,
    createdBy: row.created_by,
  };
}

/** One version of a document; the current one when `version` is omitted. */
export async function getDocumentVersion(
  db: Db,
  documentId: string,
  version?: number,
): Promise<DocumentVersion | undefined> {
  let query = db.selectFrom('document_versions').selectAll().where('document_id', '=', documentId);
  query =
    version === undefined ? query.orderBy('version', 'desc').limit(1) : query.where('version', '=', version);
  const row = await query.executeTakeFirst();
  return row ? toVersion(row) : undefined;
}

/** Texts of the given versions, for the context around segments. */
export async function versionTexts(db: Db, versionIds: readonly string[]): Promise<Map<string, string>> {
  if (versionIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('document_versions')
    .select(['id', 'text'])
    .where('id', 'in', [...new Set(versionIds)])
    .execute();
  return new Map(rows.map((r) => [r.id, r.text]));
}

/** A document's current version number and id, without its text (cheap to ask on every coding). */
export async function currentVersionHead(
  db: Db,
  documentId: string,
): Promise<{ id: string; version: number } | undefined> {
  return db
    .selectFrom('document_versions')
    .select(['id', 'version'])
    .where('document_id', '=', documentId)
    .orderBy('version', 'desc')
    .limit(1)
    .executeTakeFirst();
}

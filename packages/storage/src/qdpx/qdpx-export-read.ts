import type { Kysely, Selectable, Transaction } from 'kysely';
import type { CodesTable } from '../coding-schema.js';
import type { QdpxMediaSelectionsTable, QdpxSetsTable, QdpxSourceFilesTable } from '../qdpx-schema.js';
import type { Database } from '../schema.js';

type Db = Kysely<Database> | Transaction<Database>;

export interface QdpxExportData {
  project: { id: string; name: string; description: string; createdAt: Date; createdBy: string };
  users: { id: string; displayName: string }[];
  codes: Selectable<CodesTable>[];
  documents: {
    id: string;
    name: string;
    createdAt: Date;
    createdBy: string;
    versionId: string;
    text: string;
  }[];
  codings: {
    id: string;
    codeId: string;
    documentId: string;
    start: number;
    end: number;
    coderId: string;
    createdAt: Date;
  }[];
  /** Active codings left out: orphans (no trustworthy position) and codings on an old version. */
  orphanCodings: number;
  sourceFiles: Selectable<QdpxSourceFilesTable>[];
  mediaSelections: Selectable<QdpxMediaSelectionsTable>[];
  sets: Selectable<QdpxSetsTable>[];
  /** Active cases, attributes (as variables) and their values, for REFI cases and variables. */
  cases: { id: string; name: string; description: string }[];
  attributes: { id: string; classification: string; name: string; type: string }[];
  attributeValues: { attributeId: string; targetId: string; value: string }[];
  /** document id → case id. */
  documentCases: Map<string, string>;
  /** Active memos, as REFI notes. */
  memos: {
    id: string;
    title: string;
    plainText: string;
    targetKind: string;
    targetId: string | null;
    authorId: string;
    createdAt: Date;
  }[];
}

/** Everything a REFI-QDA export of the project needs, read in a handful of queries. */
export async function readQdpxExportData(
  db: Db,
  projectId: string,
  withFiles: boolean,
): Promise<QdpxExportData> {
  const project = await db
    .selectFrom('projects')
    .select(['id', 'name', 'description', 'created_at', 'created_by'])
    .where('id', '=', projectId)
    .executeTakeFirstOrThrow();
  const codes = await db
    .selectFrom('codes')
    .selectAll()
    .where('project_id', '=', projectId)
    .where('status', '=', 'active')
    .orderBy('position')
    .orderBy('id')
    .execute();
  const documents = await db
    .selectFrom('documents')
    .innerJoin('document_versions', (j) =>
      j
        .onRef('document_versions.document_id', '=', 'documents.id')
        .onRef('document_versions.version', '=', 'documents.current_version'),
    )
    .select([
      'documents.id',
      'documents.name',
      'documents.created_at',
      'documents.created_by',
      'document_versions.id as version_id',
      'document_versions.text',
    ])
    .where('documents.project_id', '=', projectId)
    .orderBy('documents.created_at')
    .orderBy('documents.id')
    .execute();
  const currentVersion = new Set(documents.map((d) => d.version_id));
  const active = new Set(codes.map((c) => c.id));
  const codingRows = await db
    .selectFrom('codings')
    .select([
      'id',
      'code_id',
      'document_id',
      'version_id',
      'start_offset',
      'end_offset',
      'coder_id',
      'created_at',
      'anchor_status',
    ])
    .where('project_id', '=', projectId)
    .where('status', '=', 'active')
    .orderBy('document_id')
    .orderBy('start_offset')
    .orderBy('id')
    .execute();
  let orphanCodings = 0;
  const codings: QdpxExportData['codings'] = [];
  for (const r of codingRows) {
    if (!active.has(r.code_id)) continue;
    if (r.anchor_status === 'orphan' || !currentVersion.has(r.version_id) || r.start_offset >= r.end_offset) {
      orphanCodings++;
      continue;
    }
    codings.push({
      id: r.id,
      codeId: r.code_id,
      documentId: r.document_id,
      start: r.start_offset,
      end: r.end_offset,
      coderId: r.coder_id,
      createdAt: r.created_at,
    });
  }
  const userIds = [
    ...new Set([project.created_by, ...codings.map((c) => c.coderId), ...documents.map((d) => d.created_by)]),
  ];
  const users = await db
    .selectFrom('users')
    .select(['id', 'display_name'])
    .where('id', 'in', userIds)
    .orderBy('id')
    .execute();
  const sourceFiles = await db
    .selectFrom('qdpx_source_files')
    .select([
      'id',
      'project_id',
      'guid',
      'kind',
      'name',
      'path',
      'document_id',
      'byte_size',
      'created_at',
      ...(withFiles ? (['bytes'] as const) : []),
    ])
    .where('project_id', '=', projectId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  const mediaSelections = await db
    .selectFrom('qdpx_media_selections')
    .selectAll()
    .where('project_id', '=', projectId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  const sets = await db
    .selectFrom('qdpx_sets')
    .selectAll()
    .where('project_id', '=', projectId)
    .orderBy('name')
    .orderBy('id')
    .execute();
  const cases = await db
    .selectFrom('cases')
    .select(['id', 'name', 'description'])
    .where('project_id', '=', projectId)
    .where('status', '=', 'active')
    .orderBy('name')
    .orderBy('id')
    .execute();
  const attributes = await db
    .selectFrom('attribute_definitions')
    .select(['id', 'classification', 'name', 'type'])
    .where('project_id', '=', projectId)
    .where('status', '=', 'active')
    .orderBy('classification')
    .orderBy('position')
    .execute();
  const attributeValues = await db
    .selectFrom('attribute_values')
    .select(['attribute_id', 'target_id', 'value'])
    .where('project_id', '=', projectId)
    .orderBy('attribute_id')
    .orderBy('target_id')
    .execute();
  const documentCases = await db
    .selectFrom('documents')
    .select(['id', 'case_id'])
    .where('project_id', '=', projectId)
    .where('case_id', 'is not', null)
    .execute();
  const memos = await db
    .selectFrom('memos')
    .select(['id', 'title', 'plain_text', 'target_kind', 'target_id', 'author_id', 'created_at'])
    .where('project_id', '=', projectId)
    .where('status', '=', 'active')
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return {
    cases,
    attributes,
    attributeValues: attributeValues.map((v) => ({
      attributeId: v.attribute_id,
      targetId: v.target_id,
      value: v.value,
    })),
    documentCases: new Map(documentCases.map((d) => [d.id, d.case_id as string])),
    memos: memos.map((m) => ({
      id: m.id,
      title: m.title,
      plainText: m.plain_text,
      targetKind: m.target_kind,
      targetId: m.target_id,
      authorId: m.author_id,
      createdAt: m.created_at,
    })),
    project: {
      id: project.id,
      name: project.name,
      description: project.description,
      createdAt: project.created_at,
      createdBy: project.created_by,
    },
    users: users.map((u) => ({ id: u.id, displayName: u.display_name })),
    codes,
    documents: documents.map((d) => ({
      id: d.id,
      name: d.name,
      createdAt: d.created_at,
      createdBy: d.created_by,
      versionId: d.version_id,
      text: d.text,
    })),
    codings,
    orphanCodings,
    sourceFiles: sourceFiles.map((f) => ({ ...f, bytes: 'bytes' in f ? (f.bytes as Buffer | null) : null })),
    mediaSelections,
    sets,
  };
}

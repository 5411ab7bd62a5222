import { type Kysely, sql, type Transaction } from 'kysely';
import type { Database } from '../schema.js';
import type { ReportFileMatch } from './report-files-schema.js';

type Db = Kysely<Database> | Transaction<Database>;

export interface NewReportFile {
  id: string;
  projectId: string;
  recordId: string;
  uploadId: string;
  fileName: string;
  byteSize: number;
  sha256: string;
  pageCount: number;
  doi: string | null;
  text: string;
  matchedBy: ReportFileMatch;
  attachedBy: string;
  at: Date;
}

export interface StoredReportFile {
  id: string;
  recordId: string;
  uploadId: string;
  fileName: string;
  byteSize: number;
  sha256: string;
  pageCount: number;
  doi: string | null;
  matchedBy: ReportFileMatch;
  status: 'attached' | 'detached';
  attachedBy: string;
  attachedAt: string;
}

const COLUMNS = [
  'id',
  'record_id',
  'upload_id',
  'file_name',
  'byte_size',
  'sha256',
  'page_count',
  'doi',
  'matched_by',
  'status',
  'attached_by',
  'attached_at',
] as const;

type Row = {
  id: string;
  record_id: string;
  upload_id: string;
  file_name: string;
  byte_size: number;
  sha256: string;
  page_count: number;
  doi: string | null;
  matched_by: ReportFileMatch;
  status: 'attached' | 'detached';
  attached_by: string;
  attached_at: Date;
};

function fromRow(row: Row): StoredReportFile {
  return {
    id: row.id,
    recordId: row.record_id,
    uploadId: row.upload_id,
    fileName: row.file_name,
    byteSize: row.byte_size,
    sha256: row.sha256,
    pageCount: row.page_count,
    doi: row.doi,
    matchedBy: row.matched_by,
    status: row.status,
    attachedBy: row.attached_by,
    attachedAt: row.attached_at.toISOString(),
  };
}

export async function insertReportFile(trx: Db, file: NewReportFile): Promise<void> {
  await trx
    .insertInto('report_files')
    .values({
      id: file.id,
      project_id: file.projectId,
      record_id: file.recordId,
      upload_id: file.uploadId,
      file_name: file.fileName,
      byte_size: file.byteSize,
      sha256: file.sha256,
      page_count: file.pageCount,
      doi: file.doi,
      // PostgreSQL text cannot hold NUL; a PDF's text layer sometimes does.
      text: file.text.replace(/\0/g, ''),
      matched_by: file.matchedBy,
      status: 'attached',
      attached_by: file.attachedBy,
      attached_at: file.at,
      detached_by: null,
      detached_at: null,
    })
    .execute();
}

/** The files attached to some records (all of the project's when `recordIds` is omitted), oldest first. */
export async function listReportFiles(
  db: Db,
  projectId: string,
  recordIds?: readonly string[],
  /** Only files whose extracted text contains these words (case-insensitive, as typed). */
  textContains?: string,
): Promise<StoredReportFile[]> {
  if (recordIds && recordIds.length === 0) return [];
  let query = db
    .selectFrom('report_files')
    .select(COLUMNS)
    .where('project_id', '=', projectId)
    .where('status', '=', 'attached');
  if (recordIds) query = query.where('record_id', 'in', recordIds);
  if (textContains?.trim())
    query = query.where('text', 'ilike', `%${textContains.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
  const rows = await query.orderBy('attached_at').orderBy('id').execute();
  return rows.map(fromRow);
}

/** One file (attached or detached), only if it belongs to the project. */
export async function findReportFile(
  db: Db,
  projectId: string,
  fileId: string,
): Promise<StoredReportFile | undefined> {
  const row = await db
    .selectFrom('report_files')
    .select(COLUMNS)
    .where('project_id', '=', projectId)
    .where('id', '=', fileId)
    .executeTakeFirst();
  return row && fromRow(row);
}

/** Attached files with these contents (the same PDF uploaded again). */
export async function attachedFilesWithHashes(
  db: Db,
  projectId: string,
  sha256s: readonly string[],
): Promise<StoredReportFile[]> {
  if (sha256s.length === 0) return [];
  const rows = await db
    .selectFrom('report_files')
    .select(COLUMNS)
    .where('project_id', '=', projectId)
    .where('status', '=', 'attached')
    .where('sha256', 'in', sha256s)
    .execute();
  return rows.map(fromRow);
}

/** Whether any file (attached now or once) uses this upload: one upload is one file. */
export async function reportFileOfUpload(db: Db, uploadId: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('report_files')
    .select('id')
    .where('upload_id', '=', uploadId)
    .executeTakeFirst();
  return row?.id;
}

/** Detaches a file; the row and its bytes stay for the audit trail. False when it was not attached. */
export async function detachReportFile(
  trx: Db,
  projectId: string,
  fileId: string,
  actorId: string,
  at: Date,
): Promise<boolean> {
  const result = await trx
    .updateTable('report_files')
    .set({ status: 'detached', detached_by: actorId, detached_at: at })
    .where('project_id', '=', projectId)
    .where('id', '=', fileId)
    .where('status', '=', 'attached')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** Attached files per record, for lists. */
export async function reportFileCounts(
  db: Db,
  projectId: string,
  recordIds: readonly string[],
): Promise<Map<string, number>> {
  if (recordIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('report_files')
    .select(['record_id', (eb) => eb.fn.countAll<string>().as('n')])
    .where('project_id', '=', projectId)
    .where('status', '=', 'attached')
    .where('record_id', 'in', recordIds)
    .groupBy('record_id')
    .execute();
  return new Map(rows.map((r) => [r.record_id, Number(r.n)]));
}

/** What matching a full text to a record looks at. */
export interface MatchableRecord {
  id: string;
  title: string;
  year: number | null;
  doi: string | null;
  firstAuthor: string | null;
}

/**
 * The records a full text may belong to: every record of the project except those merged into
 * another (a duplicate group is matched through its primary record, which screening shows).
 */
export async function matchableRecords(db: Db, projectId: string): Promise<MatchableRecord[]> {
  const rows = await db
    .selectFrom('records as r')
    .leftJoin('duplicate_groups as g', 'g.id', 'r.group_id')
    .select(['r.id', 'r.title', 'r.year', 'r.doi', 'r.first_author'])
    .where('r.project_id', '=', projectId)
    .where((eb) =>
      eb.or([eb('r.group_id', 'is', null), eb(sql.ref('g.primary_record_id'), '=', sql.ref('r.id'))]),
    )
    .execute();
  return rows.map((r) => ({
    id: r.id,
    title: r.title ?? '',
    year: r.year,
    doi: r.doi,
    firstAuthor: r.first_author,
  }));
}

export interface StudyReports {
  studyId: string;
  /** Every report of the study, this one included, in a stable order. */
  reports: Array<{ recordId: string; title: string; year: number | null }>;
}

/** The study a record's report belongs to, with its reports; a record never said to be a report is a study of one. */
export async function studyOfReport(db: Db, projectId: string, recordId: string): Promise<StudyReports> {
  const own = await db
    .selectFrom('reports')
    .select('study_id')
    .where('project_id', '=', projectId)
    .where('record_id', '=', recordId)
    .executeTakeFirst();
  const studyId = own?.study_id ?? recordId;
  const rows = await db
    .selectFrom('records as r')
    .leftJoin('reports as p', 'p.record_id', 'r.id')
    .select(['r.id', 'r.title', 'r.year'])
    .where('r.project_id', '=', projectId)
    .where((eb) => (own ? eb('p.study_id', '=', studyId) : eb('r.id', '=', recordId)))
    .orderBy('r.year')
    .orderBy('r.id')
    .execute();
  return { studyId, reports: rows.map((r) => ({ recordId: r.id, title: r.title ?? '', year: r.year })) };
}

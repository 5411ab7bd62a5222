import { createHash } from 'node:crypto';
import { type Kysely, sql, type Transaction } from 'kysely';
import type { Database } from '../schema.js';

type Db = Kysely<Database> | Transaction<Database>;

export interface NewUpload {
  id: string;
  projectId: string;
  fileName: string;
  bytes: Uint8Array;
  uploadedBy: string;
  at: Date;
}

export interface UploadInfo {
  id: string;
  projectId: string;
  fileName: string;
  byteSize: number;
  sha256: string;
  uploadedAt: string;
}

export async function saveUpload(db: Db, upload: NewUpload): Promise<UploadInfo> {
  const sha256 = createHash('sha256').update(upload.bytes).digest('hex');
  await db
    .insertInto('uploads')
    .values({
      id: upload.id,
      project_id: upload.projectId,
      file_name: upload.fileName,
      byte_size: upload.bytes.byteLength,
      sha256,
      bytes: Buffer.from(upload.bytes.buffer, upload.bytes.byteOffset, upload.bytes.byteLength),
      uploaded_by: upload.uploadedBy,
      uploaded_at: upload.at,
    })
    .execute();
  return {
    id: upload.id,
    projectId: upload.projectId,
    fileName: upload.fileName,
    byteSize: upload.bytes.byteLength,
    sha256,
    uploadedAt: upload.at.toISOString(),
  };
}

/** Bytes per slice when an upload is read back (migration 0003 says why slices). */
export const UPLOAD_READ_SLICE = 4 * 1024 * 1024;

/**
 * The upload's bytes, only if it belongs to the project (an id from another project is not
 * found). Read in slices into one buffer: the whole value through the connection would cost the
 * embedded store several times the file's size in memory it never gives back.
 */
export async function readUpload(
  db: Db,
  projectId: string,
  uploadId: string,
): Promise<(UploadInfo & { bytes: Uint8Array }) | undefined> {
  const row = await db
    .selectFrom('uploads')
    .select(['id', 'project_id', 'file_name', 'byte_size', 'sha256', 'uploaded_at'])
    .where('id', '=', uploadId)
    .where('project_id', '=', projectId)
    .executeTakeFirst();
  if (!row) return undefined;
  const bytes = new Uint8Array(row.byte_size);
  for (let offset = 0; offset < row.byte_size; offset += UPLOAD_READ_SLICE) {
    const slice = await db
      .selectFrom('uploads')
      .select(
        sql<Buffer>`substring(bytes from ${offset + 1}::integer for ${UPLOAD_READ_SLICE}::integer)`.as(
          'part',
        ),
      )
      .where('id', '=', uploadId)
      .executeTakeFirstOrThrow();
    bytes.set(slice.part, offset);
  }
  return {
    id: row.id,
    projectId: row.project_id,
    fileName: row.file_name,
    byteSize: row.byte_size,
    sha256: row.sha256,
    uploadedAt: row.uploaded_at.toISOString(),
    bytes,
  };
}

/** Whether an import already consumed this upload: importing one file twice is almost always a slip. */
export async function importOfUpload(db: Db, uploadId: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('imports')
    .select('id')
    .where('upload_id', '=', uploadId)
    .executeTakeFirst();
  return row?.id;
}

/**
 * Removes an upload no import used: `weft import` stores the file and then imports it, and a
 * failed import must leave nothing behind, not even the bytes. An upload an import refers to
 * is kept (returns false).
 */
export async function deleteUnimportedUpload(db: Db, projectId: string, uploadId: string): Promise<boolean> {
  const result = await db
    .deleteFrom('uploads')
    .where('id', '=', uploadId)
    .where('project_id', '=', projectId)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(selectFrom('imports').select('imports.id').whereRef('imports.upload_id', '=', 'uploads.id')),
      ),
    )
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

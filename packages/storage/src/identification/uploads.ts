import { createHash } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
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

/** The upload's bytes, only if it belongs to the project (an id from another project is not found). */
export async function readUpload(
  db: Db,
  projectId: string,
  uploadId: string,
): Promise<(UploadInfo & { bytes: Uint8Array }) | undefined> {
  const row = await db
    .selectFrom('uploads')
    .selectAll()
    .where('id', '=', uploadId)
    .where('project_id', '=', projectId)
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    id: row.id,
    projectId: row.project_id,
    fileName: row.file_name,
    byteSize: row.byte_size,
    sha256: row.sha256,
    uploadedAt: row.uploaded_at.toISOString(),
    bytes: new Uint8Array(row.bytes.buffer, row.bytes.byteOffset, row.bytes.byteLength),
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

import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../schema.js';

type Db = Kysely<Database> | Transaction<Database>;

export interface QdpxUpload {
  id: string;
  fileName: string;
  bytes: Uint8Array;
  uploadedBy: string;
}

/** Stages a REFI-QDA file for `project.import-qdpx` (it has no project to belong to yet). */
export async function saveQdpxUpload(db: Db, upload: QdpxUpload, at: Date): Promise<void> {
  await db
    .insertInto('qdpx_uploads')
    .values({
      id: upload.id,
      file_name: upload.fileName,
      byte_size: upload.bytes.byteLength,
      bytes: Buffer.from(upload.bytes.buffer, upload.bytes.byteOffset, upload.bytes.byteLength),
      uploaded_by: upload.uploadedBy,
      uploaded_at: at,
    })
    .execute();
}

/** The staged file, only for the account that staged it. */
export async function readQdpxUpload(db: Db, id: string, userId: string): Promise<QdpxUpload | undefined> {
  const row = await db
    .selectFrom('qdpx_uploads')
    .selectAll()
    .where('id', '=', id)
    .where('uploaded_by', '=', userId)
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    id: row.id,
    fileName: row.file_name,
    bytes: new Uint8Array(row.bytes.buffer, row.bytes.byteOffset, row.bytes.byteLength),
    uploadedBy: row.uploaded_by,
  };
}

export async function deleteQdpxUpload(db: Db, id: string): Promise<void> {
  await db.deleteFrom('qdpx_uploads').where('id', '=', id).execute();
}

/**
 * Drops the account's staged files older than `before`: a refused import rolls back and leaves its
 * staged file, which nothing else would ever remove.
 */
export async function pruneQdpxUploads(db: Db, userId: string, before: Date): Promise<void> {
  await db
    .deleteFrom('qdpx_uploads')
    .where('uploaded_by', '=', userId)
    .where('uploaded_at', '<', before)
    .execute();
}

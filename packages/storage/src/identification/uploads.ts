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

/** Bytes per stored chunk (migration 0013): one row of upload_chunks. */
export const UPLOAD_CHUNK_BYTES = 1024 * 1024;

/** Bytes per slice when an upload from before migration 0013 is read back (0003 says why slices). */
export const UPLOAD_READ_SLICE = 4 * 1024 * 1024;

/** The file is larger than the caller allows; nothing of it was kept. */
export class UploadTooLargeError extends Error {
  constructor(readonly limit: number) {
    super(`the upload is larger than ${limit} bytes`);
    this.name = 'UploadTooLargeError';
  }
}

export type UploadMeta = Omit<NewUpload, 'bytes'>;

/**
 * Stores a file as it arrives: the bytes are gathered into 1 MiB chunks, each written as it
 * fills and hashed on the way, so memory holds one chunk whatever the file's size. Not one
 * transaction (a slow client would hold the embedded store's only connection): if the stream
 * fails or passes `maxBytes`, what was written is deleted before the error is rethrown.
 */
export async function saveUploadStream(
  db: Db,
  upload: UploadMeta,
  chunks: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
  options: { maxBytes?: number } = {},
): Promise<UploadInfo> {
  const hash = createHash('sha256');
  await db
    .insertInto('uploads')
    .values({
      id: upload.id,
      project_id: upload.projectId,
      file_name: upload.fileName,
      byte_size: 0,
      sha256: '',
      bytes: null,
      uploaded_by: upload.uploadedBy,
      uploaded_at: upload.at,
    })
    .execute();
  let size = 0;
  let seq = 0;
  let buffer = Buffer.allocUnsafe(UPLOAD_CHUNK_BYTES);
  let filled = 0;
  const flush = async () => {
    if (filled === 0) return;
    await db
      .insertInto('upload_chunks')
      .values({ upload_id: upload.id, seq, bytes: buffer.subarray(0, filled) })
      .execute();
    seq++;
    // A fresh buffer: the driver may still refer to the one it was given.
    buffer = Buffer.allocUnsafe(UPLOAD_CHUNK_BYTES);
    filled = 0;
  };
  try {
    for await (const chunk of chunks) {
      size += chunk.byteLength;
      if (options.maxBytes !== undefined && size > options.maxBytes)
        throw new UploadTooLargeError(options.maxBytes);
      hash.update(chunk);
      for (let at = 0; at < chunk.byteLength; ) {
        const take = Math.min(UPLOAD_CHUNK_BYTES - filled, chunk.byteLength - at);
        buffer.set(chunk.subarray(at, at + take), filled);
        filled += take;
        at += take;
        if (filled === UPLOAD_CHUNK_BYTES) await flush();
      }
    }
    await flush();
    const sha256 = hash.digest('hex');
    await db.updateTable('uploads').set({ byte_size: size, sha256 }).where('id', '=', upload.id).execute();
    return {
      id: upload.id,
      projectId: upload.projectId,
      fileName: upload.fileName,
      byteSize: size,
      sha256,
      uploadedAt: upload.at.toISOString(),
    };
  } catch (error) {
    await db.deleteFrom('uploads').where('id', '=', upload.id).execute();
    throw error;
  }
}

/** A file already in memory (small uploads, demo data): stored in chunks like a stream. */
export async function saveUpload(db: Db, upload: NewUpload): Promise<UploadInfo> {
  const { bytes, ...meta } = upload;
  return saveUploadStream(db, meta, [bytes]);
}

export interface StoredUpload extends UploadInfo {
  /** The bytes in order, one stored chunk at a time; each call reads the file again from the start. */
  chunks(): AsyncGenerator<Uint8Array>;
  /**
   * The bytes from `start` up to (not including) `end`, reading only the stored chunks that hold
   * them: an HTTP Range request for one page of a 300 MB PDF touches one or two rows.
   */
  range(start: number, end: number): AsyncGenerator<Uint8Array>;
}

/**
 * The upload, only if it belongs to the project (an id from another project is not found),
 * with its bytes as a stream of chunks read one row at a time: importing a 100 MB file never
 * holds it whole, and each chunk crosses the connection on its own.
 */
export async function openUpload(
  db: Db,
  projectId: string,
  uploadId: string,
): Promise<StoredUpload | undefined> {
  const row = await db
    .selectFrom('uploads')
    .select(['id', 'project_id', 'file_name', 'byte_size', 'sha256', 'uploaded_at'])
    .select(sql<boolean>`bytes is not null`.as('legacy'))
    .where('id', '=', uploadId)
    .where('project_id', '=', projectId)
    .executeTakeFirst();
  if (!row) return undefined;
  const size = row.byte_size;
  const fileName = row.file_name;
  async function* storedChunks(): AsyncGenerator<Uint8Array> {
    let read = 0;
    for (let seq = 0; read < size; seq++) {
      const chunk = await db
        .selectFrom('upload_chunks')
        .select('bytes')
        .where('upload_id', '=', uploadId)
        .where('seq', '=', seq)
        .executeTakeFirst();
      if (!chunk) break;
      read += chunk.bytes.byteLength;
      yield new Uint8Array(chunk.bytes.buffer, chunk.bytes.byteOffset, chunk.bytes.byteLength);
    }
    // A missing or extra chunk would silently import part of a file.
    if (read !== size) throw new Error(`upload ${fileName} is damaged: ${read} of ${size} bytes stored`);
  }
  async function* legacyRange(start: number, end: number): AsyncGenerator<Uint8Array> {
    for (let offset = start; offset < end; offset += UPLOAD_READ_SLICE) {
      const length = Math.min(UPLOAD_READ_SLICE, end - offset);
      const slice = await db
        .selectFrom('uploads')
        .select(sql<Buffer>`substring(bytes from ${offset + 1}::integer for ${length}::integer)`.as('part'))
        .where('id', '=', uploadId)
        .executeTakeFirstOrThrow();
      yield new Uint8Array(slice.part.buffer, slice.part.byteOffset, slice.part.byteLength);
    }
  }
  // Every chunk but the last holds exactly UPLOAD_CHUNK_BYTES (saveUploadStream fills them so).
  async function* storedRange(start: number, end: number): AsyncGenerator<Uint8Array> {
    for (let seq = Math.floor(start / UPLOAD_CHUNK_BYTES); seq * UPLOAD_CHUNK_BYTES < end; seq++) {
      const chunk = await db
        .selectFrom('upload_chunks')
        .select('bytes')
        .where('upload_id', '=', uploadId)
        .where('seq', '=', seq)
        .executeTakeFirst();
      if (!chunk) throw new Error(`upload ${fileName} is damaged: chunk ${seq} is missing`);
      const base = seq * UPLOAD_CHUNK_BYTES;
      const from = Math.max(start - base, 0);
      const to = Math.min(end - base, chunk.bytes.byteLength);
      yield new Uint8Array(chunk.bytes.buffer, chunk.bytes.byteOffset + from, to - from);
    }
  }
  const inBounds =
    (read: (start: number, end: number) => AsyncGenerator<Uint8Array>) => (start: number, end: number) => {
      if (!(Number.isInteger(start) && Number.isInteger(end) && 0 <= start && start <= end && end <= size))
        throw new RangeError(`bytes ${start}-${end} are outside upload ${fileName} (${size} bytes)`);
      return read(start, end);
    };
  return {
    id: row.id,
    projectId: row.project_id,
    fileName,
    byteSize: size,
    sha256: row.sha256,
    uploadedAt: row.uploaded_at.toISOString(),
    chunks: row.legacy ? () => legacyRange(0, size) : storedChunks,
    range: inBounds(row.legacy ? legacyRange : storedRange),
  };
}

/**
 * The upload's bytes in one buffer, for files that are read whole anyway (a document's text, a
 * decision file); imports use openUpload and stream.
 */
export async function readUpload(
  db: Db,
  projectId: string,
  uploadId: string,
): Promise<(UploadInfo & { bytes: Uint8Array }) | undefined> {
  const upload = await openUpload(db, projectId, uploadId);
  if (!upload) return undefined;
  const bytes = new Uint8Array(upload.byteSize);
  let offset = 0;
  for await (const chunk of upload.chunks()) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  const { chunks: _chunks, ...info } = upload;
  return { ...info, bytes };
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

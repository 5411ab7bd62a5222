import { type Kysely, sql } from 'kysely';

/** Bytes per stored chunk: big enough that a 100 MB file is 100 rows, small enough to hold one. */
export const MIGRATION_CHUNK_BYTES = 1024 * 1024;

/*
 * Uploads are stored as numbered 1 MiB chunks, written while the file arrives and read back one
 * chunk at a time, so neither the server nor the embedded store ever holds a whole file (one
 * bytea value crossing the connection costs PGlite several times its size in a heap that never
 * shrinks). Chunks are stored uncompressed (storage external): they are read whole and search
 * exports compress poorly enough that the CPU is better spent elsewhere. Existing uploads are
 * moved into chunks here; `uploads.bytes` stays (nullable) only so older backups restore, and
 * readers fall back to it when an upload has no chunks.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('upload_chunks')
    .addColumn('upload_id', 'uuid', (c) => c.notNull().references('uploads.id').onDelete('cascade'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('bytes', 'bytea', (c) => c.notNull())
    .addPrimaryKeyConstraint('upload_chunks_pk', ['upload_id', 'seq'])
    .execute();
  await sql`alter table upload_chunks alter column bytes set storage external`.execute(db);
  await sql`alter table uploads alter column bytes drop not null`.execute(db);
  await moveUploadBytesIntoChunks(db);
}

/** Splits every upload still kept whole in `uploads.bytes` into chunks and empties the column. */
export async function moveUploadBytesIntoChunks(db: Kysely<unknown>): Promise<void> {
  await sql`
    insert into upload_chunks (upload_id, seq, bytes)
    select u.id, s.seq, substring(u.bytes from s.seq * ${sql.lit(MIGRATION_CHUNK_BYTES)} + 1 for ${sql.lit(MIGRATION_CHUNK_BYTES)})
    from uploads u
    cross join lateral generate_series(0, (u.byte_size - 1) / ${sql.lit(MIGRATION_CHUNK_BYTES)}) as s(seq)
    where u.bytes is not null and u.byte_size > 0`.execute(db);
  await sql`update uploads set bytes = null where bytes is not null`.execute(db);
}

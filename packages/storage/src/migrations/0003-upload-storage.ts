import { type Kysely, sql } from 'kysely';

/*
 * Uploads are read back in slices (readUpload), so a 100 MB search export never crosses the
 * database connection in one piece: in the embedded store that piece is copied into PGlite's
 * WebAssembly heap, which never shrinks (measured: +550 MB to read a 92 MB upload whole).
 * substring() of an uncompressed out-of-line value fetches only the TOAST chunks it needs;
 * of a compressed one it decompresses everything before the slice, so uploads are stored
 * uncompressed. Uploads written before this migration stay compressed and are still read
 * correctly, only slower.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table uploads alter column bytes set storage external`.execute(db);
}

import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { moveUploadBytesIntoChunks } from '../migrations/0013-upload-chunks.js';
import { availableBackends, createTestStore, seedUserAndProject, type TestStore } from '../testing/index.js';
import { insertImport } from './insert-import.js';
import { insertSearch } from './searches.js';
import {
  deleteUnimportedUpload,
  openUpload,
  readUpload,
  saveUpload,
  saveUploadStream,
  UPLOAD_CHUNK_BYTES,
  UPLOAD_READ_SLICE,
  UploadTooLargeError,
} from './uploads.js';

describe.each(availableBackends())('uploads on %s', (backend) => {
  let store: TestStore;
  const userId = randomUUID();
  const projectId = randomUUID();
  const at = new Date('2026-01-01T00:00:00Z');

  beforeAll(async () => {
    store = await createTestStore(backend);
    await seedUserAndProject(store.db, { userId, projectId, at });
  });
  afterAll(async () => store?.destroy());

  const save = (bytes: Uint8Array) =>
    saveUpload(store.db, { id: randomUUID(), projectId, fileName: 'big.ris', bytes, uploadedBy: userId, at });

  it('reads back a file of several slices byte for byte', async () => {
    // Not a multiple of the slice size, so the last slice is a short one.
    const bytes = new Uint8Array(randomBytes(2 * UPLOAD_READ_SLICE + 12345));
    const saved = await save(bytes);
    const back = await readUpload(store.db, projectId, saved.id);
    expect(back?.byteSize).toBe(bytes.length);
    expect(Buffer.from(back?.bytes ?? []).equals(Buffer.from(bytes))).toBe(true);
    expect(await readUpload(store.db, randomUUID(), saved.id)).toBeUndefined();
    const empty = await save(new Uint8Array(0));
    expect((await readUpload(store.db, projectId, empty.id))?.bytes).toEqual(new Uint8Array(0));
  });

  const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
  const meta = () => ({ id: randomUUID(), projectId, fileName: 'big.ris', uploadedBy: userId, at });

  it('stores a streamed file larger than one chunk in 1 MiB rows and reads it back byte-identical', async () => {
    const bytes = new Uint8Array(randomBytes(3 * UPLOAD_CHUNK_BYTES + 777));
    // Pieces of awkward sizes, as a network delivers them: chunk boundaries fall inside them.
    async function* pieces() {
      for (let at = 0; at < bytes.length; at += 65_537) yield bytes.subarray(at, at + 65_537);
    }
    const saved = await saveUploadStream(store.db, meta(), pieces());
    expect(saved.byteSize).toBe(bytes.length);
    expect(saved.sha256).toBe(sha256(bytes));
    const rows = await store.db
      .selectFrom('upload_chunks')
      .select(['seq', sql<number>`octet_length(bytes)`.as('size')])
      .where('upload_id', '=', saved.id)
      .orderBy('seq')
      .execute();
    expect(rows.map((row) => [row.seq, Number(row.size)])).toEqual([
      [0, UPLOAD_CHUNK_BYTES],
      [1, UPLOAD_CHUNK_BYTES],
      [2, UPLOAD_CHUNK_BYTES],
      [3, 777],
    ]);
    const opened = await openUpload(store.db, projectId, saved.id);
    const hash = createHash('sha256');
    let chunks = 0;
    for await (const chunk of opened?.chunks() ?? []) {
      expect(chunk.byteLength).toBeLessThanOrEqual(UPLOAD_CHUNK_BYTES);
      hash.update(chunk);
      chunks++;
    }
    expect(chunks).toBe(4);
    expect(hash.digest('hex')).toBe(saved.sha256);
    expect(sha256((await readUpload(store.db, projectId, saved.id))?.bytes ?? new Uint8Array())).toBe(
      saved.sha256,
    );
  });

  it('a stream over the size limit, or one that breaks, leaves nothing behind', async () => {
    const tooBig = meta();
    await expect(
      saveUploadStream(store.db, tooBig, [new Uint8Array(UPLOAD_CHUNK_BYTES), new Uint8Array(10)], {
        maxBytes: UPLOAD_CHUNK_BYTES + 5,
      }),
    ).rejects.toBeInstanceOf(UploadTooLargeError);
    expect(await openUpload(store.db, projectId, tooBig.id)).toBeUndefined();
    const broken = meta();
    async function* failing() {
      yield new Uint8Array(UPLOAD_CHUNK_BYTES + 1);
      throw new Error('client went away');
    }
    await expect(saveUploadStream(store.db, broken, failing())).rejects.toThrow('client went away');
    expect(await openUpload(store.db, projectId, broken.id)).toBeUndefined();
    const left = await store.db
      .selectFrom('upload_chunks')
      .select('seq')
      .where('upload_id', 'in', [tooBig.id, broken.id])
      .execute();
    expect(left).toEqual([]);
  });

  it('still reads an upload kept whole in the bytes column (restored from an older backup)', async () => {
    const bytes = new Uint8Array(randomBytes(UPLOAD_READ_SLICE + 99));
    const id = randomUUID();
    await store.db
      .insertInto('uploads')
      .values({
        id,
        project_id: projectId,
        file_name: 'old.ris',
        byte_size: bytes.length,
        sha256: sha256(bytes),
        bytes: Buffer.from(bytes),
        uploaded_by: userId,
        uploaded_at: at,
      })
      .execute();
    const back = await readUpload(store.db, projectId, id);
    expect(sha256(back?.bytes ?? new Uint8Array())).toBe(sha256(bytes));

    // What migration 0013 does to such an upload: 1 MiB chunks, the column emptied, same bytes.
    await moveUploadBytesIntoChunks(store.db as never);
    const chunks = await store.db
      .selectFrom('upload_chunks')
      .select('seq')
      .where('upload_id', '=', id)
      .execute();
    expect(chunks).toHaveLength(Math.ceil(bytes.length / UPLOAD_CHUNK_BYTES));
    const row = await store.db
      .selectFrom('uploads')
      .select('bytes')
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row.bytes).toBeNull();
    const moved = await readUpload(store.db, projectId, id);
    expect(sha256(moved?.bytes ?? new Uint8Array())).toBe(sha256(bytes));
  });

  const collect = async (parts: AsyncIterable<Uint8Array>) => {
    const list: Uint8Array[] = [];
    for await (const part of parts) list.push(part);
    return Buffer.concat(list);
  };

  it('reads a byte range from only the chunks that hold it, in chunked and whole-column uploads', async () => {
    const bytes = new Uint8Array(randomBytes(2 * UPLOAD_CHUNK_BYTES + 500));
    const saved = await save(bytes);
    const legacyId = randomUUID();
    await store.db
      .insertInto('uploads')
      .values({
        id: legacyId,
        project_id: projectId,
        file_name: 'old.pdf',
        byte_size: bytes.length,
        sha256: sha256(bytes),
        bytes: Buffer.from(bytes),
        uploaded_by: userId,
        uploaded_at: at,
      })
      .execute();
    const C = UPLOAD_CHUNK_BYTES;
    const cases: [number, number][] = [
      [0, 10], // inside the first chunk
      [C - 7, C + 9], // across the first boundary
      [C - 1, 2 * C + 1], // one byte each side of a whole chunk
      [2 * C, bytes.length], // the short last chunk
      [bytes.length - 1, bytes.length],
      [5, 5], // empty
    ];
    for (const id of [saved.id, legacyId]) {
      const upload = await openUpload(store.db, projectId, id);
      if (!upload) throw new Error('the upload was not kept');
      for (const [start, end] of cases)
        expect(
          (await collect(upload.range(start, end))).equals(Buffer.from(bytes.subarray(start, end))),
        ).toBe(true);
      expect(() => upload.range(0, bytes.length + 1)).toThrow(RangeError);
      expect(() => upload.range(10, 9)).toThrow(RangeError);
    }
  });

  it('deletes an upload no import used, and keeps one an import refers to', async () => {
    const unused = await save(new TextEncoder().encode('TY  - JOUR\nER  - \n'));
    expect(await deleteUnimportedUpload(store.db, projectId, unused.id)).toBe(true);
    expect(await readUpload(store.db, projectId, unused.id)).toBeUndefined();

    const used = await save(new TextEncoder().encode('TY  - JOUR\nER  - \n'));
    const searchId = randomUUID();
    await insertSearch(store.db, {
      id: searchId,
      projectId,
      createdBy: userId,
      at,
      sourceType: 'database',
      name: 'S',
      platform: '',
      dateRun: null,
      query: '',
      reportedCount: null,
      notes: '',
    });
    await store.db.transaction().execute((trx) =>
      insertImport(
        trx,
        {
          id: randomUUID(),
          projectId,
          searchId,
          uploadId: used.id,
          fileName: 'x.ris',
          format: 'ris',
          encoding: 'utf-8',
          warnings: [],
          importedBy: userId,
          at,
        },
        [],
      ),
    );
    expect(await deleteUnimportedUpload(store.db, projectId, used.id)).toBe(false);
    expect(await readUpload(store.db, projectId, used.id)).toBeDefined();
  });
});

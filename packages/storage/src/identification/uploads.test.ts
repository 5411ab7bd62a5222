import { randomBytes, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { availableBackends, createTestStore, type TestStore } from '../testing/index.js';
import { insertImport } from './insert-import.js';
import { insertSearch } from './searches.js';
import { deleteUnimportedUpload, readUpload, saveUpload, UPLOAD_READ_SLICE } from './uploads.js';

describe.each(availableBackends())('uploads on %s', (backend) => {
  let store: TestStore;
  const userId = randomUUID();
  const projectId = randomUUID();
  const at = new Date('2026-01-01T00:00:00Z');

  beforeAll(async () => {
    store = await createTestStore(backend);
    await store.db
      .insertInto('users')
      .values({
        id: userId,
        username: 'u',
        display_name: 'U',
        password_hash: 'x',
        is_admin: true,
        created_at: at,
      })
      .execute();
    await store.db
      .insertInto('projects')
      .values({
        id: projectId,
        name: 'P',
        description: '',
        archived: false,
        version: 1,
        created_at: at,
        created_by: userId,
        last_seq: 0,
      })
      .execute();
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

import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildEmptyStoreTemplate, emptyStoreTemplatePath, seedFromTemplate } from './empty-store-template.js';
import { SCHEMA_VERSION } from './migrations/index.js';
import { openStore } from './open-store.js';

describe('empty store template', () => {
  const root = mkdtempSync(join(tmpdir(), 'weft-template-test-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('seeds a new data directory that opens as a fully migrated, empty store', async () => {
    const path = await buildEmptyStoreTemplate(root);
    expect(path).toBe(emptyStoreTemplatePath(root));
    expect(await buildEmptyStoreTemplate(root)).toBe(path);

    const dataDir = mkdtempSync(join(tmpdir(), 'weft-seeded-'));
    try {
      expect(seedFromTemplate(join(dataDir, 'pg'), root)).toBe(true);
      // An existing store is never overwritten.
      expect(seedFromTemplate(join(dataDir, 'pg'), root)).toBe(false);
      const store = await openStore({ dataDir });
      expect(store.schemaVersion).toBe(SCHEMA_VERSION);
      const users = await store.db.selectFrom('users').selectAll().execute();
      expect(users).toEqual([]);
      await store.close();
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('does nothing when there is no template for these migrations', () => {
    const empty = mkdtempSync(join(tmpdir(), 'weft-no-template-'));
    try {
      expect(seedFromTemplate(join(empty, 'pg'), join(empty, 'none'))).toBe(false);
      expect(existsSync(join(empty, 'pg'))).toBe(false);
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });
});

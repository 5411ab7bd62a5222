import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { buildEmptyStoreTemplate, seedFromTemplate } from '../empty-store-template.js';
import { openStore, type Store, type StoreOptions } from '../open-store.js';

/** Tests share one migrated empty store per set of migrations, in the temp directory. */
const TEST_TEMPLATES = join(tmpdir(), 'weft-pglite-templates');

/**
 * Storage tests run on every backend available: PGlite always, a PostgreSQL server when
 * DATABASE_URL is set (CI sets it). Each test store is fresh and removed afterwards.
 */
export type BackendName = 'pglite' | 'postgres';

export function availableBackends(): BackendName[] {
  return process.env.DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];
}

export interface TestStoreLocation {
  backend: BackendName;
  options: StoreOptions;
  /** Removes the data directory or drops the database. The store must be closed first. */
  dispose(): Promise<void>;
}

/** A fresh, empty place for a store: a temp data dir, or a new database on the server. */
export async function createTestStoreLocation(backend: BackendName): Promise<TestStoreLocation> {
  if (backend === 'pglite') {
    const dataDir = mkdtempSync(join(tmpdir(), 'weft-test-'));
    await buildEmptyStoreTemplate(TEST_TEMPLATES);
    seedFromTemplate(join(dataDir, 'pg'), TEST_TEMPLATES);
    return {
      backend,
      options: { dataDir },
      dispose: async () => rmSync(dataDir, { recursive: true, force: true }),
    };
  }
  const adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) throw new Error('DATABASE_URL is not set');
  const name = `weft_test_${randomUUID().replace(/-/g, '').slice(0, 16)}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    backend,
    options: { databaseUrl: url.toString(), poolSize: 10 },
    dispose: async () => {
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      await client.query(`drop database if exists ${name} with (force)`);
      await client.end();
    },
  };
}

export interface TestStore extends Store {
  backend: BackendName;
  place: TestStoreLocation;
  /** Closes and removes the store. */
  destroy(): Promise<void>;
}

export async function createTestStore(backend: BackendName): Promise<TestStore> {
  const location = await createTestStoreLocation(backend);
  const store = await openStore(location.options);
  return Object.assign(store, {
    backend,
    place: location,
    async destroy() {
      await store.close();
      await location.dispose();
    },
  });
}

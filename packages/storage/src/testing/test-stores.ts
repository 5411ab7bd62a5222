import { randomUUID } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { MIGRATIONS } from '../migrations/index.js';
import { openStore, type Store, type StoreOptions } from '../open-store.js';

/**
 * A fresh PGlite store costs ~3.5 s (initdb in WebAssembly); copying a migrated template
 * costs ~0.5 s. The template is shared by every test process through the temp directory,
 * keyed by the migrations it contains, and published with an atomic rename.
 */
async function pgliteTemplate(): Promise<string> {
  const key = Object.keys(MIGRATIONS)
    .join('+')
    .replace(/[^a-z0-9+-]/gi, '');
  const template = join(tmpdir(), `weft-pglite-template-${key}`);
  if (existsSync(join(template, 'pg', 'PG_VERSION'))) return template;
  const building = mkdtempSync(join(tmpdir(), 'weft-template-build-'));
  const store = await openStore({ dataDir: building });
  await store.close();
  try {
    renameSync(building, template);
  } catch {
    // Another process published it first; theirs is as good as ours.
    rmSync(building, { recursive: true, force: true });
  }
  return template;
}

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
    cpSync(join(await pgliteTemplate(), 'pg'), join(dataDir, 'pg'), { recursive: true });
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

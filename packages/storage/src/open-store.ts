import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { createPgConfig } from '@electric-sql/pglite/node-postgres';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { acquireDataDirLock, type DataDirLock } from './data-dir-lock.js';
import { seedFromTemplate } from './empty-store-template.js';
import { migrateToLatest } from './migrate.js';
import type { Database } from './schema.js';

// COUNT(*) and bigserial come back as int8; as strings they leak into every caller.
pg.types.setTypeParser(20, (value) => Number.parseInt(value, 10));

export type StoreKind = 'embedded' | 'server';

export interface StoreOptions {
  /** Data directory of the embedded store. Ignored when `databaseUrl` is set. */
  dataDir?: string;
  /** postgres://… of a PostgreSQL server. */
  databaseUrl?: string;
  /** Pool size for a server store. */
  poolSize?: number;
}

export type Unsubscribe = () => Promise<void>;

export interface Store {
  kind: StoreKind;
  /** The data directory, or the server URL with its password hidden. */
  location: string;
  schemaVersion: number;
  db: Kysely<Database>;
  /** Subscribes to pg_notify messages on a channel (delivered after the sender commits). */
  listen(channel: string, onMessage: (payload: string) => void): Promise<Unsubscribe>;
  close(): Promise<void>;
}

export const DEFAULT_DATA_DIR = 'weft-data';

/** What the environment asks for: DATABASE_URL wins, else WEFT_DATA_DIR, else ./weft-data. */
export function storeOptionsFromEnv(overrides: { dataDir?: string | undefined } = {}): StoreOptions {
  const databaseUrl = process.env.DATABASE_URL;
  if (databaseUrl && !overrides.dataDir) return { databaseUrl };
  return { dataDir: overrides.dataDir ?? process.env.WEFT_DATA_DIR ?? DEFAULT_DATA_DIR };
}

export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'postgres://(unparsable URL)';
  }
}

export async function openStore(options: StoreOptions): Promise<Store> {
  return options.databaseUrl
    ? openServerStore(options.databaseUrl, options.poolSize ?? 10)
    : openEmbeddedStore(options.dataDir ?? DEFAULT_DATA_DIR);
}

async function openEmbeddedStore(dataDir: string): Promise<Store> {
  const absolute = resolve(dataDir);
  const lock: DataDirLock = acquireDataDirLock(absolute);
  let pglite: PGlite | undefined;
  try {
    const pgDir = join(absolute, 'pg');
    mkdirSync(pgDir, { recursive: true });
    seedFromTemplate(pgDir);
    pglite = await PGlite.create(pgDir);
    const instance = pglite;
    // PGlite's node-postgres adapter is a pool of exactly one connection: transactions queue.
    const pool = new pg.Pool(createPgConfig(instance) as unknown as pg.PoolConfig);
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    const schemaVersion = await migrateToLatest(db, absolute);
    return {
      kind: 'embedded',
      location: absolute,
      schemaVersion,
      db,
      // A pooled client held for LISTEN would block every other query, so embedded mode
      // subscribes with PGlite's own listen(), which receives pg_notify sent through the pool.
      async listen(channel, onMessage) {
        const unlisten = await instance.listen(channel, onMessage);
        return async () => {
          if (!instance.closed) await unlisten();
        };
      },
      async close() {
        await db.destroy();
        await instance.close();
        lock.release();
      },
    };
  } catch (error) {
    if (pglite && !pglite.closed) await pglite.close().catch(() => undefined);
    lock.release();
    throw error;
  }
}

async function openServerStore(databaseUrl: string, poolSize: number): Promise<Store> {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: poolSize });
  // An idle connection that the server drops (a restart, an admin terminating it) is re-emitted
  // by the pool; unhandled, that would crash the process. The pool has already discarded the
  // client and the next query opens a new one, so there is nothing else to do.
  pool.on('error', () => undefined);
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  const location = redactUrl(databaseUrl);
  try {
    const schemaVersion = await migrateToLatest(db, location);
    const listeners = new Set<pg.Client>();
    return {
      kind: 'server',
      location,
      schemaVersion,
      db,
      async listen(channel, onMessage) {
        // A dedicated connection: LISTEN ties up its client for as long as it lasts.
        const client = new pg.Client({ connectionString: databaseUrl });
        await client.connect();
        client.on('notification', (message) => {
          if (message.channel === channel) onMessage(message.payload ?? '');
        });
        client.on('error', () => undefined);
        await client.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
        listeners.add(client);
        return async () => {
          listeners.delete(client);
          await client.end().catch(() => undefined);
        };
      },
      async close() {
        await Promise.all([...listeners].map((c) => c.end().catch(() => undefined)));
        listeners.clear();
        await db.destroy();
      },
    };
  } catch (error) {
    await db.destroy().catch(() => undefined);
    throw error;
  }
}

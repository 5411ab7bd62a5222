import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { createPgConfig } from '@electric-sql/pglite/node-postgres';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { migrateToLatest } from './migrate.js';
import { MIGRATIONS } from './migrations/index.js';
import type { Database } from './schema.js';

/**
 * A new embedded store costs ~3.5 s of initdb in WebAssembly, most of `weft serve`'s first
 * start. The build makes one migrated empty store; a new data directory starts as a copy of
 * it (~0.5 s). The template is keyed by the migrations it holds, so a stale one is ignored.
 */
const TEMPLATES = join(dirname(fileURLToPath(import.meta.url)), '..', 'pglite-template');

export function templateKey(): string {
  return Object.keys(MIGRATIONS)
    .join('+')
    .replace(/[^a-z0-9+-]/gi, '');
}

export function emptyStoreTemplatePath(root = TEMPLATES): string {
  return join(root, templateKey());
}

function isPgDataDir(dir: string): boolean {
  return existsSync(join(dir, 'PG_VERSION'));
}

/** Copies the template into `pgDir` when the directory is new; false when there is no template. */
export function seedFromTemplate(pgDir: string, root = TEMPLATES): boolean {
  const template = emptyStoreTemplatePath(root);
  if (!isPgDataDir(template)) return false;
  if (existsSync(pgDir) && readdirSync(pgDir).length > 0) return false;
  cpSync(template, pgDir, { recursive: true });
  return true;
}

/** Creates the template if it is missing; safe when several processes race (atomic rename). */
export async function buildEmptyStoreTemplate(root = TEMPLATES): Promise<string> {
  const target = emptyStoreTemplatePath(root);
  if (isPgDataDir(target)) return target;
  mkdirSync(root, { recursive: true });
  const building = mkdtempSync(`${target}.building-`);
  const pglite = await PGlite.create(building);
  const pool = new pg.Pool(createPgConfig(pglite) as unknown as pg.PoolConfig);
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  try {
    await migrateToLatest(db, building);
  } finally {
    await db.destroy();
    await pglite.close();
  }
  try {
    renameSync(building, target);
  } catch {
    rmSync(building, { recursive: true, force: true });
  }
  return target;
}

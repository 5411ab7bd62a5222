import { WeftError } from '@weft/core';
import { type Kysely, type MigrationProvider, Migrator, sql } from 'kysely';
import { MIGRATIONS } from './migrations/index.js';
import type { Database } from './schema.js';

const provider: MigrationProvider = { getMigrations: async () => MIGRATIONS };

/** Names of the migrations this store has already run, or [] for a new store. */
async function executedMigrations(db: Kysely<Database>): Promise<string[]> {
  const exists = await sql<{ present: boolean }>`
    select to_regclass('public.kysely_migration') is not null as present`.execute(db);
  if (!exists.rows[0]?.present) return [];
  const rows = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(db);
  return rows.rows.map((r) => r.name);
}

/**
 * Brings the store to this build's schema. A store written by a newer Weft is refused before
 * anything runs: half-migrating it, or running old code on a new schema, could lose data.
 */
export async function migrateToLatest(db: Kysely<Database>, location: string): Promise<number> {
  const known = new Set(Object.keys(MIGRATIONS));
  const unknown = (await executedMigrations(db)).filter((name) => !known.has(name));
  if (unknown.length > 0) {
    throw new WeftError(
      'schema-too-new',
      `The store at ${location} was written by a newer version of Weft (it has schema change ${unknown.join(', ')}, ` +
        'which this version does not know). Upgrade Weft to open it; nothing was changed.',
      { unknown },
    );
  }
  const migrator = new Migrator({ db, provider });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new Error(`Schema migration ${failed} failed: ${(error as Error).message ?? String(error)}`);
  }
  return known.size;
}

export async function currentSchemaVersion(db: Kysely<Database>): Promise<number> {
  return (await executedMigrations(db)).length;
}

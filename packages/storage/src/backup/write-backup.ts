import { randomUUID } from 'node:crypto';
import { createWriteStream, existsSync, renameSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import { WeftError } from '@weft/core';
import { sql, type Transaction } from 'kysely';
import type { Store } from '../open-store.js';
import type { Database } from '../schema.js';
import {
  BACKUP_FORMAT,
  BACKUP_FORMAT_VERSION,
  BACKUP_TABLES,
  type BackupHeader,
  type BackupProgress,
  type BackupSummary,
} from './backup-format.js';
import { primaryKeyColumns } from './table-catalog.js';

const FETCH_SIZE = 1000;

export interface WriteBackupOptions {
  /** Replace an existing file (otherwise an existing file is refused). */
  overwrite?: boolean;
  onProgress?: BackupProgress;
}

async function countRows(trx: Transaction<Database>): Promise<Record<string, number>> {
  const tables: Record<string, number> = {};
  for (const table of BACKUP_TABLES) {
    const result = await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)}`.execute(trx);
    tables[table] = result.rows[0]?.n ?? 0;
  }
  return tables;
}

/** Rows as PostgreSQL's own JSON text, through a cursor so a large table never sits in memory. */
async function* tableLines(trx: Transaction<Database>, table: string): AsyncGenerator<string> {
  const keys = await primaryKeyColumns(trx, table);
  const orderBy = keys.length > 0 ? sql.join(keys.map((key) => sql.ref(`t.${key}`))) : sql`1`;
  const cursor = sql.id(`weft_backup_${table}`);
  await sql`declare ${cursor} no scroll cursor for
    select row_to_json(t)::text as row from ${sql.table(table)} t order by ${orderBy}`.execute(trx);
  const prefix = `{"table":${JSON.stringify(table)},"row":`;
  for (;;) {
    const batch = await sql<{ row: string }>`fetch forward ${sql.lit(FETCH_SIZE)} from ${cursor}`.execute(
      trx,
    );
    for (const { row } of batch.rows) yield `${prefix}${row}}\n`;
    if (batch.rows.length < FETCH_SIZE) break;
  }
  await sql`close ${cursor}`.execute(trx);
}

/**
 * Writes every project's data and event log, the users, memberships, the command ledger and the
 * audit entries to one file. One read-only repeatable-read transaction gives a consistent
 * snapshot even while servers keep writing; the file appears under its name only when complete.
 */
export async function writeBackup(
  store: Store,
  file: string,
  options: WriteBackupOptions = {},
): Promise<BackupSummary> {
  if (!options.overwrite && existsSync(file)) {
    throw new WeftError('conflict', `${file} already exists; choose another file name (or use --force).`, {
      file,
    });
  }
  if (!existsSync(dirname(file) || '.')) {
    throw new WeftError('bad-input', `Cannot write ${file}: the folder ${dirname(file)} does not exist.`, {
      file,
    });
  }
  const partial = join(dirname(file), `.${randomUUID()}.weft-backup.partial`);
  try {
    const header = await store.db
      .transaction()
      .setIsolationLevel('repeatable read')
      .setAccessMode('read only')
      .execute(async (trx) => {
        // Timestamps are written in UTC so two backups of equal data are equal files.
        await sql`set local time zone 'UTC'`.execute(trx);
        const tables = await countRows(trx);
        const header: BackupHeader = {
          format: BACKUP_FORMAT,
          version: BACKUP_FORMAT_VERSION,
          schemaVersion: store.schemaVersion,
          createdAt: new Date().toISOString(),
          tables,
        };
        const total = Object.values(tables).reduce((sum, n) => sum + n, 0);
        async function* lines(): AsyncGenerator<string> {
          yield `${JSON.stringify(header)}\n`;
          let done = 0;
          for (const table of BACKUP_TABLES) {
            for await (const line of tableLines(trx, table)) {
              yield line;
              done++;
              if (done % FETCH_SIZE === 0) options.onProgress?.(done, total);
            }
          }
          options.onProgress?.(done, total);
          yield `${JSON.stringify({ end: true, rows: done })}\n`;
        }
        await pipeline(Readable.from(lines()), createGzip(), createWriteStream(partial, { flags: 'wx' }));
        return header;
      });
    renameSync(partial, file);
    return { file, schemaVersion: header.schemaVersion, createdAt: header.createdAt, tables: header.tables };
  } catch (error) {
    rmSync(partial, { force: true });
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EACCES' || code === 'EISDIR' || code === 'ENOSPC' || code === 'EROFS') {
      throw new WeftError('bad-input', `Cannot write ${file}: ${(error as Error).message}`, { file });
    }
    throw error;
  }
}

import { WeftError } from '@weft/core';
import { sql, type Transaction } from 'kysely';
import type { Store } from '../open-store.js';
import { type Database, TABLES_IN_DEPENDENCY_ORDER } from '../schema.js';
import { rebuildAllStageOutcomes } from '../screening/stage-outcomes.js';
import {
  BACKUP_TABLES,
  type BackupProgress,
  type BackupSummary,
  type BackupTable,
  isBackupTable,
  parseBackupHeader,
} from './backup-format.js';
import { type BackupLine, readBackupLines } from './read-backup-lines.js';
import { serialColumns, tableColumns } from './table-catalog.js';

/** Rows handed to PostgreSQL per INSERT: large enough to be fast, small enough for PGlite's memory. */
const BATCH_ROWS = 500;
const BATCH_CHARS = 4_000_000;

export interface RestoreBackupOptions {
  onProgress?: BackupProgress;
}

/** Refuses anything but an empty store: merging two histories would break seqs and the ledger. */
async function assertEmpty(trx: Transaction<Database>, location: string): Promise<void> {
  const found: string[] = [];
  for (const table of TABLES_IN_DEPENDENCY_ORDER) {
    const result = await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)}`.execute(trx);
    const n = result.rows[0]?.n ?? 0;
    if (n > 0) found.push(`${n} ${table.replace('_', ' ')}`);
  }
  if (found.length > 0) {
    throw new WeftError(
      'conflict',
      `The store at ${location} is not empty (${found.join(', ')}); restore only into a new, empty store. Nothing was changed.`,
      { location },
    );
  }
}

interface Batch {
  table: BackupTable;
  columns: string[];
  lines: string[];
  chars: number;
  firstLine: number;
}

function damaged(file: string, line: number, reason: string): WeftError {
  return new WeftError('bad-input', `${file} line ${line}: ${reason}. Nothing was restored.`, { file, line });
}

/**
 * Restores a backup into an empty store of either kind, in one transaction: a damaged file,
 * a cut-off file or a refused row leaves the store exactly as it was.
 */
export async function restoreBackup(
  store: Store,
  file: string,
  options: RestoreBackupOptions = {},
): Promise<BackupSummary> {
  const lines = readBackupLines(file);
  try {
    const first = await lines.next();
    const header = parseBackupHeader(first.done ? undefined : first.value.text, file, store.schemaVersion);
    const expected = header.tables;
    const total = Object.values(expected).reduce((sum, n) => sum + n, 0);

    return await store.db.transaction().execute(async (trx) => {
      await assertEmpty(trx, store.location);
      const columnsOf = new Map<string, Set<string>>();
      for (const table of BACKUP_TABLES) columnsOf.set(table, await tableColumns(trx, table));
      const seen: Record<string, number> = Object.fromEntries(BACKUP_TABLES.map((t) => [t, 0]));
      let done = 0;
      let batch: Batch | undefined;

      const insert = (table: BackupTable, columns: string[], rows: string[]) => {
        const list = sql.join(columns.map((c) => sql.id(c)));
        const picked = sql.join(columns.map((c) => sql.ref(`r.${c}`)));
        // PostgreSQL parses its own row_to_json text back: exact timestamps, jsonb, numerics.
        return sql`insert into ${sql.table(table)} (${list})
          select ${picked} from json_array_elements(${`[${rows.join(',')}]`}::json) as e,
          json_populate_record(null::${sql.table(table)}, e -> 'row') as r`.execute(trx);
      };

      const flush = async () => {
        if (!batch) return;
        const { table, columns, lines: rows, firstLine } = batch;
        batch = undefined;
        await sql`savepoint weft_restore_batch`.execute(trx);
        try {
          await insert(table, columns, rows);
          await sql`release savepoint weft_restore_batch`.execute(trx);
        } catch (batchError) {
          // Find the row the store refuses, so the message can name its line.
          await sql`rollback to savepoint weft_restore_batch`.execute(trx);
          for (const [offset, row] of rows.entries()) {
            try {
              await insert(table, columns, [row]);
            } catch (error) {
              throw damaged(
                file,
                firstLine + offset,
                `the store refuses this ${table} row (${(error as Error).message})`,
              );
            }
          }
          throw damaged(
            file,
            firstLine,
            `the store refuses these ${table} rows (${(batchError as Error).message})`,
          );
        }
        done += rows.length;
        options.onProgress?.(done, total);
      };

      let ended: BackupLine | undefined;
      let lastNumber = 1;
      let tableIndex = 0;
      for await (const line of lines) {
        lastNumber = line.number;
        if (ended) throw damaged(file, line.number, 'unexpected data after the end marker');
        let parsed: unknown;
        try {
          parsed = JSON.parse(line.text);
        } catch {
          throw damaged(file, line.number, 'not valid JSON (the file is damaged or cut off)');
        }
        const entry = parsed as { table?: unknown; row?: unknown; end?: unknown; rows?: unknown };
        if (entry.end === true) {
          if (entry.rows !== Object.values(seen).reduce((sum, n) => sum + n, 0)) {
            throw damaged(file, line.number, 'the end marker does not match the rows before it');
          }
          ended = line;
          continue;
        }
        if (typeof entry.table !== 'string' || !isBackupTable(entry.table)) {
          throw damaged(file, line.number, `unknown table ${JSON.stringify(entry.table)}`);
        }
        if (typeof entry.row !== 'object' || entry.row === null || Array.isArray(entry.row)) {
          throw damaged(file, line.number, 'a row must be a JSON object');
        }
        const table = entry.table;
        const index = BACKUP_TABLES.indexOf(table);
        if (index < tableIndex) throw damaged(file, line.number, `${table} rows out of order`);
        tableIndex = index;
        seen[table] = (seen[table] ?? 0) + 1;
        if ((seen[table] ?? 0) > (expected[table] ?? 0)) {
          throw damaged(file, line.number, `more ${table} rows than the header announces`);
        }
        const known = columnsOf.get(table) ?? new Set<string>();
        const columns = Object.keys(entry.row);
        const unknown = columns.find((c) => !known.has(c));
        if (unknown)
          throw damaged(file, line.number, `${table} has no column "${unknown}" in this version of Weft`);
        const signature = columns.join(',');
        if (
          batch &&
          (batch.table !== table ||
            batch.columns.join(',') !== signature ||
            batch.lines.length >= BATCH_ROWS ||
            batch.chars >= BATCH_CHARS)
        ) {
          await flush();
        }
        batch ??= { table, columns, lines: [], chars: 0, firstLine: line.number };
        batch.lines.push(line.text);
        batch.chars += line.text.length;
      }
      await flush();

      // A file cut at a line boundary is still valid gzip: the header counts and the end marker catch it.
      const missingAt = ended ? ended.number : lastNumber + 1;
      for (const table of BACKUP_TABLES) {
        if ((seen[table] ?? 0) !== (expected[table] ?? 0)) {
          throw damaged(
            file,
            missingAt,
            `the file ends early: the header announces ${expected[table] ?? 0} ${table} rows, the file holds ${seen[table] ?? 0}`,
          );
        }
      }
      if (!ended) throw damaged(file, missingAt, 'the file ends without its end marker (it is cut off)');

      // Restored ids were written explicitly: move each sequence past them for new inserts.
      for (const table of BACKUP_TABLES) {
        for (const column of await serialColumns(trx, table)) {
          await sql`select setval(pg_get_serial_sequence(${table}, ${column}),
            coalesce((select max(${sql.ref(column)}) from ${sql.table(table)}), 0) + 1, false)`.execute(trx);
        }
      }
      // Derived tables are not in the file: rebuilt from the restored facts.
      await rebuildAllStageOutcomes(trx);
      return {
        file,
        schemaVersion: header.schemaVersion,
        createdAt: header.createdAt,
        tables: Object.fromEntries(BACKUP_TABLES.map((t) => [t, seen[t] ?? 0])),
      };
    });
  } finally {
    await lines.return(undefined);
  }
}

import { WeftError } from '@weft/core';
import { TABLES_IN_DEPENDENCY_ORDER } from '../schema.js';

/**
 * A Weft backup is gzip'd JSON lines, so it streams in both directions and any tool can read it:
 *
 *   line 1      {"format":"weft-backup","version":1,"schemaVersion":…,"createdAt":…,"tables":{name:count}}
 *   lines 2…    {"table":"users","row":{…}}     tables in dependency order, rows in primary-key order
 *   last line   {"end":true,"rows":N}
 *
 * Rows are PostgreSQL's own row_to_json text (timestamps with microseconds and offset, jsonb
 * verbatim) and are handed back to PostgreSQL as text on restore, so nothing passes through
 * JavaScript numbers or Dates and every value round-trips exactly.
 */
export const BACKUP_FORMAT = 'weft-backup';
export const BACKUP_FORMAT_VERSION = 1;

/**
 * Sessions are left out on purpose: a restored store should not accept cookies issued by the
 * old one, and everyone simply signs in again.
 */
export const BACKUP_TABLES = TABLES_IN_DEPENDENCY_ORDER.filter((table) => table !== 'sessions');
export type BackupTable = (typeof BACKUP_TABLES)[number];

export interface BackupHeader {
  format: typeof BACKUP_FORMAT;
  version: number;
  schemaVersion: number;
  createdAt: string;
  tables: Record<string, number>;
}

export interface BackupSummary {
  file: string;
  schemaVersion: number;
  createdAt: string;
  /** Rows per table. */
  tables: Record<string, number>;
}

export function isBackupTable(name: string): name is BackupTable {
  return (BACKUP_TABLES as readonly string[]).includes(name);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Checks line 1 of a backup; throws a one-line WeftError naming the file otherwise. */
export function parseBackupHeader(
  text: string | undefined,
  file: string,
  storeSchemaVersion: number,
): BackupHeader {
  let header: unknown;
  try {
    header = text === undefined ? undefined : JSON.parse(text);
  } catch {
    header = undefined;
  }
  if (!isRecord(header) || header.format !== BACKUP_FORMAT) {
    throw new WeftError('bad-input', `${file} is not a Weft backup (line 1 is not a weft-backup header).`, {
      file,
      line: 1,
    });
  }
  if (typeof header.version !== 'number' || header.version > BACKUP_FORMAT_VERSION) {
    throw new WeftError(
      'schema-too-new',
      `${file} was written by a newer version of Weft (backup format ${String(header.version)}); upgrade Weft to restore it.`,
      { file },
    );
  }
  const { schemaVersion, createdAt, tables } = header;
  if (
    typeof schemaVersion !== 'number' ||
    !Number.isInteger(schemaVersion) ||
    typeof createdAt !== 'string'
  ) {
    throw new WeftError('bad-input', `${file} line 1: the backup header is damaged.`, { file, line: 1 });
  }
  if (schemaVersion > storeSchemaVersion) {
    throw new WeftError(
      'schema-too-new',
      `${file} comes from a newer version of Weft (schema version ${schemaVersion}, this one has ${storeSchemaVersion}); ` +
        'upgrade Weft to restore it. Nothing was changed.',
      { file, schemaVersion },
    );
  }
  if (!isRecord(tables)) {
    throw new WeftError('bad-input', `${file} line 1: the backup header has no table counts.`, {
      file,
      line: 1,
    });
  }
  for (const [name, count] of Object.entries(tables)) {
    if (!isBackupTable(name) || typeof count !== 'number' || !Number.isInteger(count) || count < 0) {
      throw new WeftError(
        'bad-input',
        `${file} line 1: unexpected table entry "${name}" in the backup header.`,
        {
          file,
          line: 1,
        },
      );
    }
  }
  return {
    format: BACKUP_FORMAT,
    version: header.version,
    schemaVersion,
    createdAt,
    tables: tables as Record<string, number>,
  };
}

/** Progress callback shared by backup and restore: rows done out of the total. */
export type BackupProgress = (done: number, total: number) => void;

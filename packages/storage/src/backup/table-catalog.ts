import { type Kysely, sql, type Transaction } from 'kysely';
import type { Database } from '../schema.js';

type Db = Kysely<Database> | Transaction<Database>;

/**
 * Backup and restore read column facts from the catalog rather than from a hand-kept list, so a
 * migration that adds a column is backed up and restored without touching this code.
 */
export async function primaryKeyColumns(db: Db, table: string): Promise<string[]> {
  const result = await sql<{ column_name: string }>`
    select kcu.column_name
    from information_schema.table_constraints tc
    join information_schema.key_column_usage kcu
      on kcu.constraint_name = tc.constraint_name
     and kcu.table_schema = tc.table_schema
     and kcu.table_name = tc.table_name
    where tc.table_schema = current_schema() and tc.table_name = ${table} and tc.constraint_type = 'PRIMARY KEY'
    order by kcu.ordinal_position`.execute(db);
  return result.rows.map((row) => row.column_name);
}

export async function tableColumns(db: Db, table: string): Promise<Set<string>> {
  const result = await sql<{ column_name: string }>`
    select column_name from information_schema.columns
    where table_schema = current_schema() and table_name = ${table}`.execute(db);
  return new Set(result.rows.map((row) => row.column_name));
}

/** Columns filled from a sequence (bigserial): restored ids must move the sequence past them. */
export async function serialColumns(db: Db, table: string): Promise<string[]> {
  const result = await sql<{ column_name: string }>`
    select column_name from information_schema.columns
    where table_schema = current_schema() and table_name = ${table} and column_default like 'nextval(%'`.execute(
    db,
  );
  return result.rows.map((row) => row.column_name);
}

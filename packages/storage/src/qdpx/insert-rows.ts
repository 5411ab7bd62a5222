import type { Insertable, InsertObject, Transaction } from 'kysely';
import type { Database } from '../schema.js';

/**
 * Inserts rows in batches: one statement per batch keeps a 100,000-coding import to a few dozen
 * round trips while staying under PostgreSQL's 65,535 bind parameters per statement.
 */
export async function insertRows<T extends keyof Database & string>(
  trx: Transaction<Database>,
  table: T,
  rows: readonly Insertable<Database[T]>[],
  batch = 1000,
): Promise<void> {
  for (let i = 0; i < rows.length; i += batch) {
    // Kysely's per-table insert types do not survive the generic table parameter.
    const values = rows.slice(i, i + batch) as unknown as InsertObject<Database, T>[];
    await trx.insertInto(table).values(values).execute();
  }
}

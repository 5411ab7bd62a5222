import { WeftError } from '@weft/core';
import { type Database, findRecords, type StoredRecord } from '@weft/storage';
import type { Transaction } from 'kysely';

/** A few record ids in a message; the rest as a count. */
export function namedIds(ids: readonly string[]): string {
  const shown = ids.slice(0, 3).join(', ');
  return ids.length > 3 ? `${shown} and ${ids.length - 3} more` : shown;
}

/**
 * Locks a project's records for a command that changes them, and reads them. Row locks keep two
 * people changing overlapping records (merging, removing) from both winning. Refuses, naming
 * them, any ids the project does not have.
 */
export async function lockRecords(
  trx: Transaction<Database>,
  projectId: string,
  ids: readonly string[],
): Promise<StoredRecord[]> {
  const unique = [...new Set(ids)];
  await trx
    .selectFrom('records')
    .select('id')
    .where('project_id', '=', projectId)
    .where('id', 'in', unique)
    .forUpdate()
    .execute();
  const found = await findRecords(trx, projectId, unique);
  if (found.length !== unique.length) {
    const known = new Set(found.map((r) => r.id));
    const missing = unique.filter((id) => !known.has(id));
    throw new WeftError(
      'not-found',
      `${missing.length === 1 ? 'Record' : 'Records'} ${namedIds(missing)} ${missing.length === 1 ? 'does' : 'do'} not exist in this project.`,
      { recordIds: missing },
    );
  }
  return found;
}

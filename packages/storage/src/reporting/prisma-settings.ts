import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../schema.js';

type Db = Kysely<Database> | Transaction<Database>;

export interface PrismaSettings {
  labels: Record<string, string>;
  previous: { studies: number; reports: number } | null;
  version: number;
}

export async function getPrismaSettings(db: Db, projectId: string): Promise<PrismaSettings> {
  const row = await db
    .selectFrom('prisma_settings')
    .selectAll()
    .where('project_id', '=', projectId)
    .executeTakeFirst();
  if (!row) return { labels: {}, previous: null, version: 0 };
  const previous =
    row.previous_studies === null
      ? null
      : { studies: row.previous_studies, reports: row.previous_reports ?? row.previous_studies };
  return { labels: row.labels as Record<string, string>, previous, version: row.version };
}

/** Saves the settings, refusing (returning false) when `expectedVersion` is not the stored one. */
export async function savePrismaSettings(
  trx: Db,
  projectId: string,
  settings: Omit<PrismaSettings, 'version'>,
  expectedVersion: number,
): Promise<number | false> {
  const values = {
    labels: JSON.stringify(settings.labels),
    previous_studies: settings.previous?.studies ?? null,
    previous_reports: settings.previous?.reports ?? null,
  };
  if (expectedVersion === 0) {
    const inserted = await trx
      .insertInto('prisma_settings')
      .values({ project_id: projectId, ...values, version: 1 })
      .onConflict((oc) => oc.column('project_id').doNothing())
      .returning('version')
      .executeTakeFirst();
    return inserted ? 1 : false;
  }
  const updated = await trx
    .updateTable('prisma_settings')
    .set((eb) => ({ ...values, version: eb('version', '+', 1) }))
    .where('project_id', '=', projectId)
    .where('version', '=', expectedVersion)
    .returning('version')
    .executeTakeFirst();
  return updated ? updated.version : false;
}

import type { Kysely, Selectable, Transaction } from 'kysely';
import type { SearchesTable } from '../identification-schema.js';
import type { Database } from '../schema.js';

type Db = Kysely<Database> | Transaction<Database>;

export interface SearchFields {
  sourceType: string;
  name: string;
  platform: string;
  dateRun: string | null;
  query: string;
  reportedCount: number | null;
  notes: string;
}

export interface StoredSearch extends SearchFields {
  id: string;
  projectId: string;
  version: number;
  createdAt: string;
  createdBy: string;
}

export interface SearchSummary extends StoredSearch {
  importCount: number;
  /** Records imported into this search (every one, merged or not: PRISMA counts them per source). */
  recordCount: number;
}

function toSearch(row: Selectable<SearchesTable>): StoredSearch {
  return {
    id: row.id,
    projectId: row.project_id,
    sourceType: row.source_type,
    name: row.name,
    platform: row.platform,
    dateRun: row.date_run,
    query: row.query,
    reportedCount: row.reported_count,
    notes: row.notes,
    version: row.version,
    createdAt: row.created_at.toISOString(),
    createdBy: row.created_by,
  };
}

export async function insertSearch(
  db: Db,
  search: SearchFields & { id: string; projectId: string; createdBy: string; at: Date },
): Promise<StoredSearch> {
  const row = await db
    .insertInto('searches')
    .values({
      id: search.id,
      project_id: search.projectId,
      source_type: search.sourceType,
      name: search.name,
      platform: search.platform,
      date_run: search.dateRun,
      query: search.query,
      reported_count: search.reportedCount,
      notes: search.notes,
      version: 1,
      created_at: search.at,
      created_by: search.createdBy,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toSearch(row);
}

export async function findSearch(
  db: Db,
  projectId: string,
  searchId: string,
): Promise<StoredSearch | undefined> {
  const row = await db
    .selectFrom('searches')
    .selectAll()
    .where('id', '=', searchId)
    .where('project_id', '=', projectId)
    .executeTakeFirst();
  return row && toSearch(row);
}

/** Locks the search row for the rest of the transaction (version check, then update). */
export async function findSearchForUpdate(
  trx: Transaction<Database>,
  projectId: string,
  searchId: string,
): Promise<StoredSearch | undefined> {
  const row = await trx
    .selectFrom('searches')
    .selectAll()
    .where('id', '=', searchId)
    .where('project_id', '=', projectId)
    .forUpdate()
    .executeTakeFirst();
  return row && toSearch(row);
}

export async function updateSearch(
  trx: Transaction<Database>,
  searchId: string,
  fields: SearchFields,
  version: number,
): Promise<void> {
  await trx
    .updateTable('searches')
    .set({
      source_type: fields.sourceType,
      name: fields.name,
      platform: fields.platform,
      date_run: fields.dateRun,
      query: fields.query,
      reported_count: fields.reportedCount,
      notes: fields.notes,
      version,
    })
    .where('id', '=', searchId)
    .execute();
}

/** The project's searches in the order they were recorded, with what was imported into each. */
export async function listSearches(db: Db, projectId: string): Promise<SearchSummary[]> {
  const rows = await db
    .selectFrom('searches')
    .selectAll('searches')
    .select((eb) => [
      eb
        .selectFrom('imports')
        .whereRef('imports.search_id', '=', 'searches.id')
        .select((e) => e.fn.countAll<number>().as('n'))
        .as('import_count'),
      eb
        .selectFrom('imports')
        .whereRef('imports.search_id', '=', 'searches.id')
        .select((e) => e.fn.coalesce(e.fn.sum<number>('record_count'), e.lit(0)).as('n'))
        .as('record_count'),
    ])
    .where('project_id', '=', projectId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return rows.map((row) => ({
    ...toSearch(row),
    importCount: Number(row.import_count ?? 0),
    recordCount: Number(row.record_count ?? 0),
  }));
}

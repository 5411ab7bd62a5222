import type { BibliographicRecord } from '@weft/core';
import { type Kysely, sql, type Transaction } from 'kysely';
import type { Database } from '../schema.js';
import { type StoredRecord, toStoredRecord } from './stored-record.js';

type Db = Kysely<Database> | Transaction<Database>;

export const RECORD_SORTS = ['imported', 'title', 'year', 'first-author'] as const;
export type RecordSort = (typeof RECORD_SORTS)[number];
/**
 * remaining: what goes on to screening (unmerged records and each group's primary); pending:
 * records in a pair waiting in the duplicate review queue; removed: removed before screening.
 */
export const RECORD_VIEWS = ['all', 'remaining', 'merged', 'grouped', 'pending', 'removed'] as const;
export type RecordView = (typeof RECORD_VIEWS)[number];

export interface RecordQuery {
  offset: number;
  limit: number;
  sort: RecordSort;
  order: 'asc' | 'desc';
  /** Words matched (case-insensitively, all of them) against title, first author, DOI and PMID. */
  q?: string | undefined;
  searchId?: string | undefined;
  importId?: string | undefined;
  yearFrom?: number | undefined;
  yearTo?: number | undefined;
  view: RecordView;
}

export interface RecordPage {
  records: StoredRecord[];
  total: number;
}

const SORT_COLUMNS = {
  imported: 'records.created_at',
  title: 'records.title',
  year: 'records.year',
  'first-author': 'records.first_author',
} as const;

/**
 * Text sorts ignore case: a store whose collation is "C" (PGlite) would otherwise put every
 * capitalised title before "cycling…". Nothing is indexed for sorting, so lower() costs no index.
 */
function sortKey(sort: RecordSort) {
  const column = sql.ref(SORT_COLUMNS[sort]);
  return sort === 'title' || sort === 'first-author' ? sql`lower(${column})` : column;
}

function escapeLike(word: string): string {
  return word.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** One page of a project's records, sorted and filtered, with the total that matches. */
export async function listRecords(db: Db, projectId: string, query: RecordQuery): Promise<RecordPage> {
  let base = db.selectFrom('records').where('records.project_id', '=', projectId);
  // records.group_id only ever points at an active group, so "is the primary" is one key lookup.
  const isPrimary = sql<boolean>`exists (select 1 from duplicate_groups g
    where g.id = records.group_id and g.primary_record_id = records.id)`;
  if (query.searchId) base = base.where('records.search_id', '=', query.searchId);
  if (query.importId) base = base.where('records.import_id', '=', query.importId);
  if (query.yearFrom !== undefined) base = base.where('records.year', '>=', query.yearFrom);
  if (query.yearTo !== undefined) base = base.where('records.year', '<=', query.yearTo);
  const isRemoved = sql<boolean>`exists (select 1 from record_removals x where x.record_id = records.id)`;
  if (query.view === 'remaining') {
    base = base
      .where((eb) => eb.or([eb('records.group_id', 'is', null), isPrimary]))
      .where(sql<boolean>`not ${isRemoved}`);
  } else if (query.view === 'removed') {
    base = base.where(isRemoved);
  } else if (query.view === 'merged') {
    base = base.where('records.group_id', 'is not', null).where(sql<boolean>`not ${isPrimary}`);
  } else if (query.view === 'grouped') {
    base = base.where('records.group_id', 'is not', null);
  } else if (query.view === 'pending') {
    // A union of the two sides (not an OR per row): the planner hashes it once.
    base = base.where('records.id', 'in', (eb) =>
      eb
        .selectFrom('duplicate_candidates')
        .select('record_a as id')
        .where('project_id', '=', projectId)
        .where('status', '=', 'pending')
        .unionAll(
          eb
            .selectFrom('duplicate_candidates')
            .select('record_b as id')
            .where('project_id', '=', projectId)
            .where('status', '=', 'pending'),
        ),
    );
  }
  for (const word of (query.q ?? '').trim().split(/\s+/).filter(Boolean).slice(0, 8)) {
    const pattern = `%${escapeLike(word)}%`;
    base = base.where((eb) =>
      eb.or([
        eb('records.title', 'ilike', pattern),
        eb('records.first_author', 'ilike', pattern),
        eb('records.doi', 'ilike', pattern),
        eb('records.pmid', '=', word),
      ]),
    );
  }
  // Sort and page on the narrow columns, then read the chosen rows whole: sorting 100,000 rows
  // with their jsonb working copies attached took seconds on PGlite, the ids alone a fraction.
  const order = sql.raw(query.order);
  // Records of one import share its time, so within an import they come in id order, not the
  // file's. Ordering by the source record's position was tried: joining 100,000 source records
  // (their verbatim text makes the table wide) doubled the time of every default page.
  const page = await base
    .select('records.id')
    // The total in the same scan as the sort (a window runs before LIMIT): one pass, not two.
    .select(sql<string>`count(*) over ()`.as('total'))
    .orderBy(sql`${sortKey(query.sort)} ${order} nulls last`)
    .orderBy('records.id')
    .offset(query.offset)
    .limit(query.limit)
    .execute();
  // Past the end there is no row to carry the total: count it apart (rare: a list that shrank).
  const total =
    page[0] !== undefined
      ? Number(page[0].total)
      : Number((await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  const byId = new Map(
    (
      await findRecords(
        db,
        projectId,
        page.map((row) => row.id),
      )
    ).map((r) => [r.id, r]),
  );
  return {
    records: page.map((row) => byId.get(row.id)).filter((r): r is StoredRecord => r !== undefined),
    total,
  };
}

export async function findRecords(
  db: Db,
  projectId: string,
  ids: readonly string[],
): Promise<StoredRecord[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('records')
    .leftJoin('duplicate_groups', 'duplicate_groups.id', 'records.group_id')
    .leftJoin('record_removals', 'record_removals.record_id', 'records.id')
    .selectAll('records')
    .select('duplicate_groups.primary_record_id')
    .select([
      'record_removals.kind as removal_kind',
      'record_removals.reason as removal_reason',
      'record_removals.removed_at',
    ])
    .where('records.project_id', '=', projectId)
    .where('records.id', 'in', ids)
    .execute();
  return rows.map(toStoredRecord);
}

/** A record's verbatim source text, for provenance views. */
export async function findSourceRecord(db: Db, projectId: string, recordId: string) {
  return db
    .selectFrom('records')
    .innerJoin('source_records', 'source_records.id', 'records.source_record_id')
    .innerJoin('imports', 'imports.id', 'records.import_id')
    .select([
      'source_records.text',
      'source_records.line',
      'source_records.position',
      'imports.file_name',
      'imports.format',
    ])
    .where('records.project_id', '=', projectId)
    .where('records.id', '=', recordId)
    .executeTakeFirst();
}

/** Every record of the project with its working copy, in import order (what deduplication reads). */
export async function loadProjectRecords(db: Db, projectId: string) {
  const rows = await db
    .selectFrom('records')
    .select(['id', 'data', 'group_id'])
    .where('project_id', '=', projectId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return rows.map((row) => ({ id: row.id, record: row.data as BibliographicRecord, groupId: row.group_id }));
}

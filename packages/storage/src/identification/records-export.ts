import type { BibliographicRecord } from '@weft/core';
import { type Kysely, type RawBuilder, sql, type Transaction } from 'kysely';
import type { Database } from '../schema.js';

type Db = Kysely<Database> | Transaction<Database>;

/**
 * remaining: what goes on to screening — each duplicate group once (its merged working copy, at
 * its primary record's place) and every record that stands alone, less those removed before
 * screening (record_removals). all: every imported record.
 */
export const EXPORT_VIEWS = ['remaining', 'all'] as const;
export type ExportView = (typeof EXPORT_VIEWS)[number];

/**
 * Provenance written into each exported record's `extra`, so a round trip keeps it: the Weft
 * record id (for a merged copy, its primary record's id), the search name (for a merged copy,
 * every member's search, the primary's first) and the duplicate group id when there is one.
 * Values of these keys already in a record (from an earlier export) are replaced.
 */
export const EXPORT_EXTRA_KEYS = {
  recordId: 'weft_record_id',
  search: 'weft_search',
  groupId: 'weft_group_id',
} as const;

export const EXPORT_BATCH_SIZE = 1000;

export interface ExportOptions {
  view: ExportView;
  /** Rows read per query (keyset pagination); 1,000 unless a test wants smaller pages. */
  batchSize?: number;
}

interface ExportRow {
  id: string;
  group_id: string | null;
  data: unknown;
  search_name: string;
}

/** FROM and WHERE shared by the page, count and keys queries: the rows a view exports. */
function viewSource(
  projectId: string,
  view: ExportView,
  join: RawBuilder<unknown> = sql``,
): RawBuilder<unknown> {
  return view === 'remaining'
    ? sql`from records r
        join source_records sr on sr.id = r.source_record_id
        join searches s on s.id = r.search_id
        left join duplicate_groups g on g.id = r.group_id
        ${join}
        where r.project_id = ${projectId}::uuid
          and (r.group_id is null or g.primary_record_id = r.id)
          and not exists (select 1 from record_removals x where x.record_id = r.id)`
    : sql`from records r
        join source_records sr on sr.id = r.source_record_id
        join searches s on s.id = r.search_id
        ${join}
        where r.project_id = ${projectId}::uuid`;
}

function dataColumn(view: ExportView): RawBuilder<unknown> {
  // A group's merged working copy stands in for its primary record.
  return view === 'remaining' ? sql`coalesce(g.merged, r.data)` : sql`r.data`;
}

/** How many records the view exports. */
export async function countExportRecords(db: Db, projectId: string, view: ExportView): Promise<number> {
  const { rows } = await sql<{
    n: string | number;
  }>`select count(*) as n ${viewSource(projectId, view)}`.execute(db);
  return Number(rows[0]?.n ?? 0);
}

/**
 * Every `extra` key the view's records will carry, provenance keys last, so a table writer can
 * fix its columns before it has read every record (CSV written batch by batch).
 */
export async function listExportExtraKeys(db: Db, projectId: string, view: ExportView): Promise<string[]> {
  const { rows } = await sql<{ key: string }>`select distinct k.key
    ${viewSource(
      projectId,
      view,
      sql`cross join lateral jsonb_object_keys(coalesce(${dataColumn(view)} -> 'extra', '{}'::jsonb)) as k(key)`,
    )}
    order by k.key`.execute(db);
  const provenance: string[] = Object.values(EXPORT_EXTRA_KEYS);
  const keys = rows.map((row) => row.key).filter((key) => !provenance.includes(key));
  const hasGroups = await sql<{ one: number }>`select 1 as one ${viewSource(projectId, view)}
    and r.group_id is not null limit 1`.execute(db);
  return [
    ...keys,
    EXPORT_EXTRA_KEYS.recordId,
    EXPORT_EXTRA_KEYS.search,
    ...(hasGroups.rows.length > 0 ? [EXPORT_EXTRA_KEYS.groupId] : []),
  ];
}

/**
 * The ids the view exports, in export order (import by import, each in file order). Sorted once:
 * a keyset page over this join order cannot use an index, so paging by the sort key re-sorted
 * the whole project for every page (100 sorts of 100,000 rows for one export).
 */
async function orderedIds(db: Db, projectId: string, view: ExportView): Promise<string[]> {
  const { rows } = await sql<{ id: string }>`select r.id ${viewSource(projectId, view)}
    order by r.created_at, r.import_id, sr.position`.execute(db);
  return rows.map((row) => row.id);
}

/** The rows of these ids, in the order of the ids (a record that left the view since is skipped). */
async function readPage(
  db: Db,
  projectId: string,
  view: ExportView,
  ids: readonly string[],
): Promise<ExportRow[]> {
  const { rows } = await sql<ExportRow>`select r.id, r.group_id, ${dataColumn(view)} as data,
      s.name as search_name
    ${viewSource(projectId, view)} and r.id = any(${sql.val(ids)}::uuid[])`.execute(db);
  const byId = new Map(rows.map((row) => [row.id, row]));
  return ids.flatMap((id) => {
    const row = byId.get(id);
    return row ? [row] : [];
  });
}

/** For merged copies: the names of the searches that found any member, the primary's first. */
async function groupSearchNames(db: Db, groupIds: readonly string[]): Promise<Map<string, string[]>> {
  const names = new Map<string, string[]>();
  if (groupIds.length === 0) return names;
  const { rows } = await sql<{ group_id: string; name: string }>`select r.group_id, s.name
    from records r
    join searches s on s.id = r.search_id
    join duplicate_groups g on g.id = r.group_id
    where r.group_id in (${sql.join(groupIds.map((id) => sql`${id}::uuid`))})
    order by r.group_id, (g.primary_record_id = r.id) desc, s.name`.execute(db);
  for (const row of rows) {
    const list = names.get(row.group_id) ?? [];
    if (!list.includes(row.name)) list.push(row.name);
    names.set(row.group_id, list);
  }
  return names;
}

/**
 * The project's records for export, in a stable order (import by import, each in file order),
 * read in pages of 1,000 so memory stays bounded however large the project (only the ordered
 * ids are held whole): the caller writes each batch before the next is read. Each record carries its
 * provenance in `extra` (EXPORT_EXTRA_KEYS).
 */
export async function* exportRecordBatches(
  db: Db,
  projectId: string,
  options: ExportOptions,
): AsyncGenerator<BibliographicRecord[]> {
  const limit = options.batchSize ?? EXPORT_BATCH_SIZE;
  const ids = await orderedIds(db, projectId, options.view);
  for (let start = 0; start < ids.length; start += limit) {
    const rows = await readPage(db, projectId, options.view, ids.slice(start, start + limit));
    if (rows.length === 0) continue;
    const grouped = [...new Set(rows.flatMap((row) => (row.group_id ? [row.group_id] : [])))];
    const searches =
      options.view === 'remaining' ? await groupSearchNames(db, grouped) : new Map<string, string[]>();
    yield rows.map((row) => {
      const record = (typeof row.data === 'string' ? JSON.parse(row.data) : row.data) as BibliographicRecord;
      const extra: Record<string, string[]> = { ...record.extra };
      for (const key of Object.values(EXPORT_EXTRA_KEYS)) delete extra[key];
      extra[EXPORT_EXTRA_KEYS.recordId] = [row.id];
      extra[EXPORT_EXTRA_KEYS.search] = (row.group_id && searches.get(row.group_id)) || [row.search_name];
      if (row.group_id) extra[EXPORT_EXTRA_KEYS.groupId] = [row.group_id];
      return { ...record, extra };
    });
  }
}

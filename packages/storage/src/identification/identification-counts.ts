import { type Kysely, sql, type Transaction } from 'kysely';
import type { Database } from '../schema.js';

type Db = Kysely<Database> | Transaction<Database>;

export interface SearchCount {
  searchId: string;
  name: string;
  platform: string;
  sourceType: string;
  reportedCount: number | null;
  imported: number;
}

/** The identification box of the PRISMA 2020 flow diagram, derived from stored facts only. */
export interface IdentificationCounts {
  searches: SearchCount[];
  /** Records imported per source type (PRISMA separates databases and registers from other methods). */
  bySourceType: Record<string, number>;
  identified: number;
  duplicatesRemovedAutomatically: number;
  duplicatesRemovedManually: number;
  /** Pairs still waiting for a person's answer. */
  pendingDuplicatePairs: number;
  /** Surviving records removed before screening for another reason (record_removals). */
  removedBeforeScreening: number;
  /** Records that go on to screening: unmerged records plus one per duplicate group, less those removed. */
  remaining: number;
}

export async function identificationCounts(db: Db, projectId: string): Promise<IdentificationCounts> {
  const searches = await db
    .selectFrom('searches')
    .leftJoin('imports', 'imports.search_id', 'searches.id')
    .select([
      'searches.id',
      'searches.name',
      'searches.platform',
      'searches.source_type',
      'searches.reported_count',
      'searches.created_at',
    ])
    .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('imports.record_count'), eb.lit(0)).as('imported'))
    .where('searches.project_id', '=', projectId)
    .groupBy('searches.id')
    .orderBy('searches.created_at')
    .orderBy('searches.id')
    .execute();
  // A group of n records removes n − 1 of them; who made the group decides how it is counted.
  const removed = await db
    .selectFrom('duplicate_groups')
    .select(['method'])
    .select(sql<number>`coalesce(sum(jsonb_array_length(member_ids) - 1), 0)::int`.as('n'))
    .where('project_id', '=', projectId)
    .where('dissolved_at', 'is', null)
    .groupBy('method')
    .execute();
  const pending = await pendingDuplicatePairs(db, projectId);
  // A removed record later folded into another as a duplicate counts as a duplicate only.
  const removedOther = await db
    .selectFrom('record_removals as x')
    .innerJoin('records as r', 'r.id', 'x.record_id')
    .leftJoin('duplicate_groups as g', 'g.id', 'r.group_id')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('x.project_id', '=', projectId)
    .where((eb) => eb.or([eb('r.group_id', 'is', null), eb('g.primary_record_id', '=', eb.ref('r.id'))]))
    .executeTakeFirstOrThrow();
  const list: SearchCount[] = searches.map((row) => ({
    searchId: row.id,
    name: row.name,
    platform: row.platform,
    sourceType: row.source_type,
    reportedCount: row.reported_count,
    imported: Number(row.imported),
  }));
  const bySourceType: Record<string, number> = {};
  for (const search of list)
    bySourceType[search.sourceType] = (bySourceType[search.sourceType] ?? 0) + search.imported;
  const identified = list.reduce((sum, search) => sum + search.imported, 0);
  const auto = Number(removed.find((row) => row.method === 'auto')?.n ?? 0);
  const manual = Number(removed.find((row) => row.method === 'manual')?.n ?? 0);
  return {
    searches: list,
    bySourceType,
    identified,
    duplicatesRemovedAutomatically: auto,
    duplicatesRemovedManually: manual,
    pendingDuplicatePairs: pending,
    removedBeforeScreening: Number(removedOther.n),
    remaining: identified - auto - manual - Number(removedOther.n),
  };
}

/**
 * Possible duplicate pairs nobody has reviewed (the identification screen and the PRISMA warning; a
 * pending pair whose records already share a group is settled).
 */
export async function pendingDuplicatePairs(db: Db, projectId: string): Promise<number> {
  const row = await db
    .selectFrom('duplicate_candidates as c')
    .innerJoin('records as ra', 'ra.id', 'c.record_a')
    .innerJoin('records as rb', 'rb.id', 'c.record_b')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('c.project_id', '=', projectId)
    .where('c.status', '=', 'pending')
    .where((eb) =>
      eb.or([
        eb('ra.group_id', 'is', null),
        eb('rb.group_id', 'is', null),
        eb('ra.group_id', '!=', sql.ref<string>('rb.group_id')),
      ]),
    )
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

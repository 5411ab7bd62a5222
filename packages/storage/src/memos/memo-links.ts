import type { MemoLink } from '@weft/core';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../schema.js';

type Db = Kysely<Database> | Transaction<Database>;

/** Adds a link; false when the memo already had it (a repeated link changes nothing). */
export async function insertMemoLink(
  trx: Db,
  memoId: string,
  link: MemoLink,
  by: string,
  at: Date,
): Promise<boolean> {
  const inserted = await trx
    .insertInto('memo_links')
    .values({ memo_id: memoId, kind: link.kind, target_id: link.targetId, created_at: at, created_by: by })
    .onConflict((oc) => oc.columns(['memo_id', 'kind', 'target_id']).doNothing())
    .executeTakeFirst();
  return Number(inserted.numInsertedOrUpdatedRows ?? 0) > 0;
}

export async function deleteMemoLink(trx: Db, memoId: string, link: MemoLink): Promise<boolean> {
  const deleted = await trx
    .deleteFrom('memo_links')
    .where('memo_id', '=', memoId)
    .where('kind', '=', link.kind)
    .where('target_id', '=', link.targetId)
    .executeTakeFirst();
  return Number(deleted.numDeletedRows) > 0;
}

export async function memoLinks(db: Db, memoId: string): Promise<MemoLink[]> {
  const rows = await db
    .selectFrom('memo_links')
    .select(['kind', 'target_id'])
    .where('memo_id', '=', memoId)
    .orderBy('created_at')
    .orderBy('target_id')
    .execute();
  return rows.map((r) => ({ kind: r.kind, targetId: r.target_id }));
}

/** Memos of the project that link to this memo. */
export async function memoBacklinks(
  db: Db,
  projectId: string,
  memoId: string,
): Promise<{ id: string; title: string; status: 'active' | 'deleted' }[]> {
  return db
    .selectFrom('memo_links')
    .innerJoin('memos', 'memos.id', 'memo_links.memo_id')
    .select(['memos.id', 'memos.title', 'memos.status'])
    .where('memo_links.kind', '=', 'memo')
    .where('memo_links.target_id', '=', memoId)
    .where('memos.project_id', '=', projectId)
    .orderBy('memos.title')
    .execute();
}

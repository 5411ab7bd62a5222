import type { MemoTargetKind, RichDoc } from '@weft/core';
import { type Kysely, type Selectable, sql, type Transaction } from 'kysely';
import type { MemosTable } from '../memos-schema.js';
import type { Database } from '../schema.js';

type Db = Kysely<Database> | Transaction<Database>;

export type MemoRow = Selectable<MemosTable>;
export type MemoRowWithAuthor = MemoRow & { author_name: string; link_count: number };

export interface NewMemo {
  id: string;
  projectId: string;
  title: string;
  content: RichDoc;
  plainText: string;
  targetKind: MemoTargetKind;
  targetId: string | null;
  authorId: string;
}

export async function insertMemo(trx: Db, memo: NewMemo, at: Date): Promise<void> {
  await trx
    .insertInto('memos')
    .values({
      id: memo.id,
      project_id: memo.projectId,
      title: memo.title,
      content: JSON.stringify(memo.content),
      plain_text: memo.plainText,
      target_kind: memo.targetKind,
      target_id: memo.targetId,
      author_id: memo.authorId,
      created_at: at,
      updated_at: at,
      version: 1,
      status: 'active',
    })
    .execute();
}

/** The memo, locked for the rest of the transaction (edits of one memo queue behind each other). */
export async function findMemoForUpdate(
  trx: Db,
  projectId: string,
  memoId: string,
): Promise<MemoRow | undefined> {
  return trx
    .selectFrom('memos')
    .selectAll()
    .where('id', '=', memoId)
    .where('project_id', '=', projectId)
    .forUpdate()
    .executeTakeFirst();
}

export async function updateMemo(
  trx: Db,
  memoId: string,
  fields: { title: string; content: RichDoc; plainText: string },
  version: number,
  at: Date,
): Promise<void> {
  await trx
    .updateTable('memos')
    .set({
      title: fields.title,
      content: JSON.stringify(fields.content),
      plain_text: fields.plainText,
      version,
      updated_at: at,
    })
    .where('id', '=', memoId)
    .execute();
}

export async function setMemoStatus(
  trx: Db,
  memoId: string,
  status: 'active' | 'deleted',
  at: Date,
): Promise<void> {
  await trx
    .updateTable('memos')
    .set((eb) => ({ status, updated_at: at, version: eb('version', '+', 1) }))
    .where('id', '=', memoId)
    .execute();
}

export interface MemoFilter {
  targetKind?: MemoTargetKind | undefined;
  targetId?: string | undefined;
  /** Every word must appear in the title or the plain text, case-insensitively. */
  q?: string | undefined;
  status?: 'active' | 'deleted';
  ids?: readonly string[];
}

const escapeLike = (word: string) => word.replace(/[\\%_]/g, (c) => `\\${c}`);

/** Memos of a project, newest change first, with their author's name and number of links. */
export async function listMemos(
  db: Db,
  projectId: string,
  filter: MemoFilter = {},
): Promise<MemoRowWithAuthor[]> {
  let query = db
    .selectFrom('memos')
    .leftJoin('users', 'users.id', 'memos.author_id')
    .selectAll('memos')
    .select((eb) => [
      eb.fn.coalesce('users.display_name', sql<string>`''`).as('author_name'),
      eb
        .selectFrom('memo_links')
        .select((e) => e.fn.countAll<number>().as('n'))
        .whereRef('memo_links.memo_id', '=', 'memos.id')
        .as('link_count'),
    ])
    .where('memos.project_id', '=', projectId)
    .where('memos.status', '=', filter.status ?? 'active');
  if (filter.targetKind) query = query.where('memos.target_kind', '=', filter.targetKind);
  if (filter.targetId) query = query.where('memos.target_id', '=', filter.targetId);
  if (filter.ids) {
    if (filter.ids.length === 0) return [];
    query = query.where('memos.id', 'in', filter.ids);
  }
  for (const word of (filter.q ?? '').split(/\s+/).filter(Boolean).slice(0, 10)) {
    const pattern = `%${escapeLike(word)}%`;
    query = query.where(sql<boolean>`(memos.title || ' ' || memos.plain_text) ilike ${pattern} escape '\\'`);
  }
  const rows = await query.orderBy('memos.updated_at', 'desc').orderBy('memos.id').limit(2000).execute();
  return rows.map((r) => ({ ...r, link_count: Number(r.link_count ?? 0) }));
}

export async function getMemo(
  db: Db,
  projectId: string,
  memoId: string,
): Promise<MemoRowWithAuthor | undefined> {
  const status = await db
    .selectFrom('memos')
    .select('status')
    .where('id', '=', memoId)
    .where('project_id', '=', projectId)
    .executeTakeFirst();
  if (!status) return undefined;
  const [row] = await listMemos(db, projectId, { ids: [memoId], status: status.status });
  return row;
}

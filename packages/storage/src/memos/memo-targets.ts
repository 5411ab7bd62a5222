import type { MemoLinkKind, MemoTargetKind } from '@weft/core';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../schema.js';

type Db = Kysely<Database> | Transaction<Database>;

export interface ResolvedTarget {
  /** A name, a memo's title or a segment's quote. */
  label: string;
  documentName?: string;
  documentId?: string;
  /** Deleted, removed or merged away since the memo was written: the memo stays, marked. */
  missing: boolean;
}

type Kind = MemoTargetKind | MemoLinkKind;

const QUOTE_MAX = 160;
const quote = (text: string) => (text.length > QUOTE_MAX ? `${text.slice(0, QUOTE_MAX - 1)}…` : text);

/**
 * Names of the things memos are on or link to, in a few queries (one per kind asked for), keyed
 * `${kind}:${id}`. A reference to something not in the project is absent from the map.
 */
export async function resolveMemoTargets(
  db: Db,
  projectId: string,
  refs: readonly { kind: Kind; id: string | null }[],
): Promise<Map<string, ResolvedTarget>> {
  const out = new Map<string, ResolvedTarget>();
  const ids = (kind: Kind) => [
    ...new Set(refs.filter((r) => r.kind === kind && r.id).map((r) => r.id as string)),
  ];
  const tasks: Promise<void>[] = [];

  if (refs.some((r) => r.kind === 'project')) {
    tasks.push(
      db
        .selectFrom('projects')
        .select('name')
        .where('id', '=', projectId)
        .executeTakeFirst()
        .then((p) => {
          out.set('project:', { label: p?.name ?? '', missing: false });
        }),
    );
  }
  const documents = ids('document');
  if (documents.length)
    tasks.push(
      db
        .selectFrom('documents')
        .select(['id', 'name'])
        .where('project_id', '=', projectId)
        .where('id', 'in', documents)
        .execute()
        .then((rows) => {
          for (const r of rows) out.set(`document:${r.id}`, { label: r.name, missing: false });
        }),
    );
  const codes = ids('code');
  if (codes.length)
    tasks.push(
      db
        .selectFrom('codes')
        .select(['id', 'name', 'status'])
        .where('project_id', '=', projectId)
        .where('id', 'in', codes)
        .execute()
        .then((rows) => {
          for (const r of rows) out.set(`code:${r.id}`, { label: r.name, missing: r.status !== 'active' });
        }),
    );
  const cases = ids('case');
  if (cases.length)
    tasks.push(
      db
        .selectFrom('cases')
        .select(['id', 'name', 'status'])
        .where('project_id', '=', projectId)
        .where('id', 'in', cases)
        .execute()
        .then((rows) => {
          for (const r of rows) out.set(`case:${r.id}`, { label: r.name, missing: r.status !== 'active' });
        }),
    );
  const codings = ids('coding');
  if (codings.length)
    tasks.push(
      db
        .selectFrom('codings')
        .innerJoin('documents', 'documents.id', 'codings.document_id')
        .innerJoin('codes', 'codes.id', 'codings.code_id')
        .select([
          'codings.id',
          'codings.exact',
          'codings.status',
          'codings.document_id',
          'documents.name as document_name',
          'codes.status as code_status',
        ])
        .where('codings.project_id', '=', projectId)
        .where('codings.id', 'in', codings)
        .execute()
        .then((rows) => {
          for (const r of rows)
            out.set(`coding:${r.id}`, {
              label: quote(r.exact),
              documentName: r.document_name,
              documentId: r.document_id,
              missing: r.status !== 'active' || r.code_status === 'deleted',
            });
        }),
    );
  const memos = ids('memo');
  if (memos.length)
    tasks.push(
      db
        .selectFrom('memos')
        .select(['id', 'title', 'status'])
        .where('project_id', '=', projectId)
        .where('id', 'in', memos)
        .execute()
        .then((rows) => {
          for (const r of rows) out.set(`memo:${r.id}`, { label: r.title, missing: r.status !== 'active' });
        }),
    );
  await Promise.all(tasks);
  return out;
}

export const targetKey = (kind: Kind, id: string | null) => `${kind}:${id ?? ''}`;

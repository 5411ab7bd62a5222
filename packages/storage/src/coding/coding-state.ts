import type { Code, Coding, CodingState, MergeRecord, ReanchorStatus } from '@weft/core';
import { type Kysely, type Selectable, sql, type Transaction } from 'kysely';
import type { CodesTable, CodingsTable } from '../coding-schema.js';
import type { Database } from '../schema.js';

type Db = Kysely<Database> | Transaction<Database>;

/*
 * The codebook and active codings of a project, as core's CodingState. Commands load it, let a
 * core operation validate and apply a change, and save back only what the change touched.
 */

function toCode(row: Selectable<CodesTable>): Code {
  return {
    type: 'code',
    id: row.id,
    parentId: row.parent_id,
    name: row.name,
    description: row.description,
    inclusion: row.inclusion,
    exclusion: row.exclusion,
    example: row.example,
    colour: row.colour,
    shortcut: row.shortcut,
    position: row.position,
    status: row.status,
    deletedWith: row.deleted_with,
    merge: (row.merge as MergeRecord | null) ?? null,
  };
}

export type CodingRow = Selectable<CodingsTable>;

export function toCoding(row: CodingRow): Coding {
  return {
    type: 'coding',
    id: row.id,
    codeId: row.code_id,
    documentId: row.document_id,
    versionId: row.version_id,
    anchor: {
      position: { type: 'text-position', start: row.start_offset, end: row.end_offset },
      quote: { type: 'text-quote', exact: row.exact, prefix: row.prefix, suffix: row.suffix },
    },
    coderId: row.coder_id,
    createdAt: row.created_at.toISOString(),
  };
}

/**
 * Which codings an operation needs besides the whole codebook: all, none (codebook operations),
 * some by id (coding operations), or those of some codes (merge). Loading only those keeps a
 * command fast in a project with many thousands of codings.
 */
export type CodingScope = 'all' | 'none' | { codingIds: readonly string[] } | { codeIds: readonly string[] };

export async function loadCodingState(
  db: Db,
  projectId: string,
  scope: CodingScope = 'all',
): Promise<CodingState> {
  let codingQuery = db
    .selectFrom('codings')
    .selectAll()
    .where('project_id', '=', projectId)
    .where('status', '=', 'active');
  if (scope !== 'all' && scope !== 'none') {
    const ids = 'codingIds' in scope ? scope.codingIds : scope.codeIds;
    codingQuery = codingQuery.where(
      'codingIds' in scope ? 'id' : 'code_id',
      'in',
      ids.length > 0 ? [...ids] : ['00000000-0000-0000-0000-000000000000'],
    );
  }
  const [codes, codings] = await Promise.all([
    db.selectFrom('codes').selectAll().where('project_id', '=', projectId).execute(),
    scope === 'none' ? Promise.resolve([]) : codingQuery.execute(),
  ]);
  return {
    codes: Object.fromEntries(codes.map((row) => [row.id, toCode(row)])),
    codings: Object.fromEntries(codings.map((row) => [row.id, toCoding(row)])),
  };
}

function codeValues(code: Code) {
  return {
    parent_id: code.parentId,
    name: code.name,
    description: code.description,
    inclusion: code.inclusion,
    exclusion: code.exclusion,
    example: code.example,
    colour: code.colour,
    shortcut: code.shortcut,
    position: code.position,
    status: code.status,
    deleted_with: code.deletedWith,
    merge: code.merge === null ? null : JSON.stringify(code.merge),
  };
}

function codingValues(coding: Coding) {
  return {
    code_id: coding.codeId,
    document_id: coding.documentId,
    version_id: coding.versionId,
    start_offset: coding.anchor.position.start,
    end_offset: coding.anchor.position.end,
    exact: coding.anchor.quote.exact,
    prefix: coding.anchor.quote.prefix,
    suffix: coding.anchor.quote.suffix,
  };
}

/**
 * Writes what differs between two states. `applyCodingChange` shares unchanged objects, so a
 * reference comparison finds exactly the codes and codings a change touched.
 */
export async function saveCodingState(
  trx: Db,
  projectId: string,
  before: CodingState,
  after: CodingState,
  by: string,
  at: Date,
): Promise<void> {
  for (const [id, code] of Object.entries(after.codes)) {
    if (before.codes[id] === code) continue;
    if (before.codes[id]) await trx.updateTable('codes').set(codeValues(code)).where('id', '=', id).execute();
    else
      await trx
        .insertInto('codes')
        .values({ id, project_id: projectId, ...codeValues(code), created_at: at, created_by: by })
        .execute();
  }
  for (const [id, coding] of Object.entries(after.codings)) {
    if (before.codings[id] === coding) continue;
    // A removed coding put back (undo) keeps its id: revive the row.
    const existing = await trx.selectFrom('codings').select('id').where('id', '=', id).executeTakeFirst();
    if (existing)
      await trx
        .updateTable('codings')
        .set({ ...codingValues(coding), status: 'active' })
        .where('id', '=', id)
        .execute();
    else
      await trx
        .insertInto('codings')
        .values({
          id,
          project_id: projectId,
          ...codingValues(coding),
          coder_id: coding.coderId,
          created_at: coding.createdAt,
          status: 'active',
          anchor_status: 'kept',
          score: 1,
        })
        .execute();
  }
  const removed = Object.keys(before.codings).filter((id) => !after.codings[id]);
  if (removed.length > 0)
    await trx.updateTable('codings').set({ status: 'removed' }).where('id', 'in', removed).execute();
}

export interface ReanchoredCoding {
  id: string;
  versionId: string;
  start: number;
  end: number;
  exact: string;
  prefix: string;
  suffix: string;
  status: ReanchorStatus;
  score: number;
  /** The words a fuzzy placement was coded on (null when not fuzzy). */
  codedExact: string | null;
}

/** Rows per statement when storing re-anchored codings (well under the bind-parameter limit). */
const REANCHOR_BATCH = 1000;

/** Stores where re-anchoring placed each coding on a new version (orphans keep their quote). */
export async function saveReanchoredCodings(trx: Db, codings: readonly ReanchoredCoding[]): Promise<void> {
  // One UPDATE … FROM (VALUES …) per batch: a row-by-row update took seconds for 5,000 codings.
  for (let i = 0; i < codings.length; i += REANCHOR_BATCH) {
    const values = codings
      .slice(i, i + REANCHOR_BATCH)
      .map(
        (c) =>
          sql`(${c.id}::uuid, ${c.versionId}::uuid, ${c.start}::integer, ${c.end}::integer, ${c.exact}::text, ${c.prefix}::text, ${c.suffix}::text, ${c.status}::text, ${c.score}::double precision, ${c.codedExact}::text)`,
      );
    await sql`update codings set version_id = v.version_id, start_offset = v.start_offset,
        end_offset = v.end_offset, exact = v.exact, prefix = v.prefix, suffix = v.suffix,
        anchor_status = v.anchor_status, score = v.score, coded_exact = v.coded_exact
      from (values ${sql.join(values)})
        as v(id, version_id, start_offset, end_offset, exact, prefix, suffix, anchor_status, score, coded_exact)
      where codings.id = v.id`.execute(trx);
  }
}

/**
 * Active codings of one document, in text order. `visibleOnly` leaves out codings of deleted
 * codes (kept so a restore brings them back, but not shown); re-anchoring needs them all.
 */
export async function documentCodings(db: Db, documentId: string, visibleOnly = false): Promise<CodingRow[]> {
  let query = db
    .selectFrom('codings')
    .selectAll('codings')
    .where('codings.document_id', '=', documentId)
    .where('codings.status', '=', 'active');
  if (visibleOnly)
    query = query.innerJoin('codes', 'codes.id', 'codings.code_id').where('codes.status', '=', 'active');
  return query.orderBy('start_offset').orderBy('end_offset').orderBy('id').execute();
}

/** Active codings of some codes (a code's segments), or the orphans, of a project. */
export async function findCodings(
  db: Db,
  projectId: string,
  filter: { codeIds?: readonly string[]; anchorStatus?: CodingRow['anchor_status'] },
): Promise<CodingRow[]> {
  let query = db
    .selectFrom('codings')
    .selectAll()
    .where('project_id', '=', projectId)
    .where('status', '=', 'active');
  if (filter.codeIds) {
    if (filter.codeIds.length === 0) return [];
    query = query.where('code_id', 'in', [...filter.codeIds]);
  }
  if (filter.anchorStatus) query = query.where('anchor_status', '=', filter.anchorStatus);
  return query.orderBy('document_id').orderBy('start_offset').orderBy('id').execute();
}

import { CODING_EVENT_TYPES, type ProjectEvent } from '@weft/core';
import type { Kysely, Transaction } from 'kysely';
import { toProjectEvent } from '../event-log.js';
import type { Database } from '../schema.js';

type Db = Kysely<Database> | Transaction<Database>;

/** The project's codebook and coding events in log order, optionally up to a time (for `codebookAsOf`). */
export async function codingEvents(db: Db, projectId: string, upTo?: Date): Promise<ProjectEvent[]> {
  let query = db
    .selectFrom('events')
    .selectAll()
    .where('project_id', '=', projectId)
    .where('type', 'in', [...CODING_EVENT_TYPES]);
  if (upTo) query = query.where('at', '<=', upTo);
  const rows = await query.orderBy('seq').execute();
  return rows.map(toProjectEvent);
}

/** Active codings per code of a project. */
export async function codingCounts(db: Db, projectId: string): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('codings')
    .select(['code_id', (eb) => eb.fn.countAll<string>().as('n')])
    .where('project_id', '=', projectId)
    .where('status', '=', 'active')
    .groupBy('code_id')
    .execute();
  return new Map(rows.map((r) => [r.code_id, Number(r.n)]));
}

/** Visible codings (active, of an active code) per document of a project. */
export async function documentCodingCounts(db: Db, projectId: string): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('codings')
    .innerJoin('codes', 'codes.id', 'codings.code_id')
    .select(['codings.document_id', (eb) => eb.fn.countAll<string>().as('n')])
    .where('codings.project_id', '=', projectId)
    .where('codings.status', '=', 'active')
    .where('codes.status', '=', 'active')
    .groupBy('codings.document_id')
    .execute();
  return new Map(rows.map((r) => [r.document_id, Number(r.n)]));
}

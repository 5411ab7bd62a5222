import type { ProjectEvent } from '@weft/core';
import { type Kysely, sql, type Transaction } from 'kysely';
import type { Database, EventRow } from './schema.js';

/** pg_notify channel on which every appended event is announced (payload: projectId and seq). */
export const EVENTS_CHANNEL = 'weft_events';

export interface NewProjectEvent {
  projectId: string;
  commandId: string;
  actorId: string;
  actorName: string;
  eventType: string;
  payload: unknown;
  at: Date;
}

export function toProjectEvent(row: EventRow): ProjectEvent {
  return {
    type: 'event',
    projectId: row.project_id,
    seq: row.seq,
    commandId: row.command_id,
    actorId: row.actor_id,
    actorName: row.actor_name,
    eventType: row.type,
    payload: row.payload,
    at: row.at.toISOString(),
  };
}

/**
 * Appends an event inside the caller's transaction. The per-project counter row is updated
 * first: its row lock serialises writers of one project, which is what makes seq gap-free
 * (a sequence object would leave gaps on rollback).
 */
export async function appendEvent(trx: Transaction<Database>, event: NewProjectEvent): Promise<ProjectEvent> {
  const counter = await trx
    .updateTable('projects')
    .set((eb) => ({ last_seq: eb('last_seq', '+', 1) }))
    .where('id', '=', event.projectId)
    .returning('last_seq')
    .executeTakeFirstOrThrow();
  const row = await trx
    .insertInto('events')
    .values({
      project_id: event.projectId,
      seq: counter.last_seq,
      command_id: event.commandId,
      actor_id: event.actorId,
      actor_name: event.actorName,
      type: event.eventType,
      payload: JSON.stringify(event.payload ?? {}),
      at: event.at,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  // Delivered to listeners only when the transaction commits, never for a rollback.
  const note = JSON.stringify({ projectId: event.projectId, seq: row.seq });
  await sql`select pg_notify(${EVENTS_CHANNEL}, ${note})`.execute(trx);
  return toProjectEvent(row);
}

export async function readEvents(
  db: Kysely<Database>,
  projectId: string,
  afterSeq: number,
  limit = 500,
): Promise<ProjectEvent[]> {
  const rows = await db
    .selectFrom('events')
    .selectAll()
    .where('project_id', '=', projectId)
    .where('seq', '>', afterSeq)
    .orderBy('seq')
    .limit(limit)
    .execute();
  return rows.map(toProjectEvent);
}

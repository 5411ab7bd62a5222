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

/** Rows per INSERT when appending many events (well under PostgreSQL's bind-parameter limit). */
const EVENT_BATCH = 1000;

/**
 * Appends many events of one project in one step: seqs taken from the counter at once, rows
 * inserted in batches, one notification for the lot. For imports that record thousands of
 * ordinary events (each code and coding of a codebook or REFI-QDA import) inside one command.
 */
export async function appendEvents(
  trx: Transaction<Database>,
  projectId: string,
  events: readonly Omit<NewProjectEvent, 'projectId'>[],
): Promise<void> {
  if (events.length === 0) return;
  const counter = await trx
    .updateTable('projects')
    .set((eb) => ({ last_seq: eb('last_seq', '+', events.length) }))
    .where('id', '=', projectId)
    .returning('last_seq')
    .executeTakeFirstOrThrow();
  const first = Number(counter.last_seq) - events.length + 1;
  const rows = events.map((event, index) => ({
    project_id: projectId,
    seq: first + index,
    command_id: event.commandId,
    actor_id: event.actorId,
    actor_name: event.actorName,
    type: event.eventType,
    payload: JSON.stringify(event.payload ?? {}),
    at: event.at,
  }));
  for (let i = 0; i < rows.length; i += EVENT_BATCH)
    await trx
      .insertInto('events')
      .values(rows.slice(i, i + EVENT_BATCH))
      .execute();
  const note = JSON.stringify({ projectId, seq: first + events.length - 1 });
  await sql`select pg_notify(${EVENTS_CHANNEL}, ${note})`.execute(trx);
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

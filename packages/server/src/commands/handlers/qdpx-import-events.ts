import { randomUUID } from 'node:crypto';
import type { CodingChange } from '@weft/core';
import { type Database, EVENTS_CHANNEL } from '@weft/storage';
import { sql, type Transaction } from 'kysely';
import type { CommandContext } from '../command-handler.js';
import { derivedCommandId } from '../follow-up.js';
import type { QdpxImportPlan } from './qdpx-import-plan.js';

const BATCH = 250;

/** The imported codebook and codings as the ordinary coding events they would have been. */
export function importChanges(plan: QdpxImportPlan): CodingChange[] {
  const codes: CodingChange[] = plan.eventCodes.map((code) => ({
    eventType: 'code.created',
    payload: { code },
  }));
  const codings: CodingChange[] = plan.codings.map((c) => ({
    eventType: 'coding.added',
    payload: {
      coding: {
        type: 'coding',
        id: c.id as string,
        codeId: c.code_id as string,
        documentId: c.document_id as string,
        versionId: c.version_id as string,
        anchor: {
          position: { type: 'text-position', start: c.start_offset as number, end: c.end_offset as number },
          quote: {
            type: 'text-quote',
            exact: c.exact as string,
            prefix: c.prefix as string,
            suffix: c.suffix as string,
          },
        },
        coderId: c.coder_id as string,
        createdAt: new Date(c.created_at as Date).toISOString(),
      },
    },
  }));
  return [...codes, ...codings];
}

/**
 * Appends one `code.created` / `coding.added` event per imported code and coding, under command ids
 * derived from the import's (events.command_id is unique), so the codebook fold, its history and
 * per-user undo see imported codes like hand-made ones; as codebook.import does it.
 */
export async function appendImportEvents(
  trx: Transaction<Database>,
  projectId: string,
  changes: readonly CodingChange[],
  context: CommandContext,
  at: Date,
): Promise<void> {
  if (changes.length === 0) return;
  const counter = await trx
    .updateTable('projects')
    .set((eb) => ({ last_seq: eb('last_seq', '+', changes.length) }))
    .where('id', '=', projectId)
    .returning('last_seq')
    .executeTakeFirstOrThrow();
  const first = Number(counter.last_seq) - changes.length + 1;
  const importId = context.commandId ?? randomUUID();
  const rows = changes.map((change, index) => ({
    project_id: projectId,
    seq: first + index,
    command_id: derivedCommandId(importId, `qdpx-${index}`),
    actor_id: context.actor.id,
    actor_name: context.actor.displayName,
    type: change.eventType,
    payload: JSON.stringify(change.payload),
    at,
  }));
  for (let i = 0; i < rows.length; i += BATCH)
    await trx
      .insertInto('events')
      .values(rows.slice(i, i + BATCH))
      .execute();
  const note = JSON.stringify({ projectId, seq: first + changes.length - 1 });
  await sql`select pg_notify(${EVENTS_CHANNEL}, ${note})`.execute(trx);
}

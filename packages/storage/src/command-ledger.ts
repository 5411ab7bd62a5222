import { type ProjectEvent, WeftError } from '@weft/core';
import type { Kysely, Transaction } from 'kysely';
import { appendEvent } from './event-log.js';
import type { Database } from './schema.js';

export interface CommandActor {
  id: string;
  displayName: string;
}

export interface LedgerCommand {
  id: string;
  type: string;
  projectId?: string | undefined;
  payload: unknown;
}

/** What a command handler decides, inside the transaction. */
export interface CommandOutcome<TResult> {
  result: TResult;
  /** The event to append to the project log; absent for instance-level commands (accounts). */
  event?: { projectId: string; eventType: string; payload: unknown };
}

export interface CommandReceipt<TResult> {
  result: TResult;
  event?: ProjectEvent;
  /** True when the id had been seen before and nothing was changed this time. */
  replayed: boolean;
}

const UNIQUE_VIOLATION = '23505';

async function previousResult<T>(
  db: Kysely<Database>,
  commandId: string,
  actorId: string,
): Promise<CommandReceipt<T> | undefined> {
  const row = await db
    .selectFrom('commands')
    .select(['result', 'actor_id'])
    .where('id', '=', commandId)
    .executeTakeFirst();
  if (!row) return undefined;
  // Someone else's command id: replaying it must not hand over their result.
  if (row.actor_id !== actorId) throw new WeftError('conflict', 'This command id has already been used.');
  return { result: row.result as T, replayed: true };
}

/**
 * Runs one command: one transaction that applies the handler's changes, appends its event and
 * records the command id. A command id seen before returns the first result and changes
 * nothing, including when two copies race (the primary key on commands.id decides).
 */
export async function executeInLedger<TResult>(
  db: Kysely<Database>,
  command: LedgerCommand,
  actor: CommandActor,
  handler: (trx: Transaction<Database>, at: Date) => Promise<CommandOutcome<TResult>>,
  now: () => Date = () => new Date(),
): Promise<CommandReceipt<TResult>> {
  const seen = await previousResult<TResult>(db, command.id, actor.id);
  if (seen) return seen;
  try {
    return await db.transaction().execute(async (trx) => {
      // One writer per project at a time, and the project row is always the first lock taken:
      // the handler's row locks and foreign-key checks (stage rows, records) and the event's
      // update of the project row come after it, so two commands, or a command and a finished
      // model run (which locks the project first too), never wait on each other in a cycle.
      // Commands of one project serialised at that update anyway; now they do from the start.
      if (command.projectId)
        await trx
          .selectFrom('projects')
          .select('id')
          .where('id', '=', command.projectId)
          .forUpdate()
          .execute();
      const at = now();
      const outcome = await handler(trx, at);
      const event = outcome.event
        ? await appendEvent(trx, {
            projectId: outcome.event.projectId,
            commandId: command.id,
            actorId: actor.id,
            actorName: actor.displayName,
            eventType: outcome.event.eventType,
            payload: outcome.event.payload,
            at,
          })
        : undefined;
      await trx
        .insertInto('commands')
        .values({
          id: command.id,
          type: command.type,
          project_id: outcome.event?.projectId ?? command.projectId ?? null,
          actor_id: actor.id,
          payload: JSON.stringify(command.payload ?? {}),
          result: JSON.stringify(outcome.result ?? null),
          at,
        })
        .execute();
      return event
        ? { result: outcome.result, event, replayed: false }
        : { result: outcome.result, replayed: false };
    });
  } catch (error) {
    if ((error as { code?: string }).code === UNIQUE_VIOLATION) {
      const raced = await previousResult<TResult>(db, command.id, actor.id);
      if (raced) return raced;
    }
    throw error;
  }
}

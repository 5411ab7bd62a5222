import { type User, WeftError } from '@weft/core';
import { COMMAND_PAYLOADS, type CommandResponse, commandEnvelopeSchema } from '@weft/protocol';
import { executeInLedger, findProjectWithRole, type Store } from '@weft/storage';
import type { z } from 'zod';
import type { CommandContext } from './command-handler.js';
import { derivedCommandId, type FollowUpRunner } from './follow-up.js';
import { handlerFor } from './registry.js';

export function validationError(error: z.ZodError, what: string): WeftError {
  const issues = error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }));
  const first = issues[0];
  return new WeftError(
    'validation',
    first ? `${what}: ${first.path ? `${first.path}: ` : ''}${first.message}` : `${what} is not valid.`,
    { issues },
  );
}

/** Secrets never reach the command ledger (which backups copy and admins can read). */
function recordable(payload: unknown): unknown {
  if (!payload || typeof payload !== 'object') return payload;
  const { password: _secret, ...rest } = payload as Record<string, unknown>;
  return rest;
}

/**
 * The one way anything changes: validate the envelope and payload, authorise by policy,
 * then apply, append the event and record the command in one transaction.
 */
export async function executeCommand(store: Store, actor: User, input: unknown): Promise<CommandResponse> {
  const envelope = commandEnvelopeSchema.safeParse(input);
  if (!envelope.success) throw validationError(envelope.error, 'Command');
  const { id, type, projectId } = envelope.data;
  const parsed = COMMAND_PAYLOADS[type].safeParse(envelope.data.payload ?? {});
  if (!parsed.success) throw validationError(parsed.error, type);
  const handler = handlerFor(type);

  const context: CommandContext = { actor, commandId: id };
  if (handler.scope === 'project') {
    if (!projectId) throw new WeftError('validation', `${type} needs a projectId.`);
    const found = await findProjectWithRole(store.db, projectId, actor.id);
    const project = found?.project;
    const role = found?.role;
    // Non-members learn nothing, not even whether the project exists.
    if (!project || !role)
      throw new WeftError('forbidden', 'You are not a member of this project.', { projectId });
    if (project.archived && type !== 'project.unarchive') {
      throw new WeftError('conflict', 'This project is archived: restore it before changing it.');
    }
    context.project = project;
    context.role = role;
  }
  handler.authorize(context, parsed.data);
  const prepared = handler.prepare ? await handler.prepare(parsed.data) : parsed.data;
  const receipt = await executeInLedger(
    store.db,
    { id, type, projectId: context.project?.id, payload: recordable(parsed.data) },
    { id: actor.id, displayName: actor.displayName },
    (trx, at) => handler.apply(trx, context, prepared, at),
  );
  if (handler.followUp) await handler.followUp(followUpRunner(store, actor, id), receipt.result);
  return receipt.event
    ? { result: receipt.result, seq: receipt.event.seq, replayed: receipt.replayed }
    : { result: receipt.result, replayed: receipt.replayed };
}

function followUpRunner(store: Store, actor: User, parentId: string): FollowUpRunner {
  return {
    store,
    actor,
    derivedId: (step) => derivedCommandId(parentId, step),
    async command(step, type, payload, projectId) {
      const response = await executeCommand(store, actor, {
        id: derivedCommandId(parentId, step),
        type,
        projectId,
        payload,
      });
      return response.result as never;
    },
  };
}

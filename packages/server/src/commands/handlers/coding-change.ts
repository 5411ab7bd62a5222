import { applyCodingChange, type CodingChange, type CodingState } from '@weft/core';
import { type CodingScope, type Database, loadCodingState, saveCodingState } from '@weft/storage';
import type { Transaction } from 'kysely';
import type { CommandContext } from '../command-handler.js';
import { projectOf } from '../require.js';

/**
 * Runs one codebook or coding operation: loads the project's coding state, lets the pure core
 * operation validate and build the change, saves what it touched, and returns the change as the
 * command's event, so folding the event log (`codebookAsOf`) gives the same state.
 */
export async function runCodingChange(
  trx: Transaction<Database>,
  context: CommandContext,
  at: Date,
  /** The codings the operation reads (see CodingScope); an operation given too few would refuse. */
  scope: CodingScope,
  make: (state: CodingState) => CodingChange | Promise<CodingChange>,
) {
  const project = projectOf(context);
  const before = await loadCodingState(trx, project.id, scope);
  const change = await make(before);
  const after = applyCodingChange(before, change);
  await saveCodingState(trx, project.id, before, after, context.actor.id, at);
  return {
    change,
    event: { projectId: project.id, eventType: change.eventType, payload: change.payload },
  };
}

import { randomUUID } from 'node:crypto';
import { applyCodingChange, type CodingChange, type CodingState } from '@weft/core';
import {
  appendEvents,
  type CodingScope,
  type Database,
  loadCodingState,
  saveCodingState,
} from '@weft/storage';
import type { Transaction } from 'kysely';
import type { CommandContext } from '../command-handler.js';
import { derivedCommandId } from '../follow-up.js';
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

/**
 * Records each change of a bulk import (codebook or REFI-QDA) as its own ordinary event, under
 * command ids derived from the import's (events.command_id is unique), so the codebook fold, its
 * history and per-user undo treat imported codes and codings like hand-made ones.
 */
export async function appendChangeEvents(
  trx: Transaction<Database>,
  projectId: string,
  changes: readonly CodingChange[],
  context: CommandContext,
  at: Date,
  step: string,
): Promise<void> {
  const importId = context.commandId ?? randomUUID();
  await appendEvents(
    trx,
    projectId,
    changes.map((change, index) => ({
      commandId: derivedCommandId(importId, `${step}-${index}`),
      actorId: context.actor.id,
      actorName: context.actor.displayName,
      eventType: change.eventType,
      payload: change.payload,
      at,
    })),
  );
}

import { type CodingChange, recordChange, redoLast, type UndoHistory, undoLast, WeftError } from '@weft/core';
import { codingEvents, type Database } from '@weft/storage';
import type { Transaction } from 'kysely';
import { defineHandler } from '../command-handler.js';
import { projectOf, requireProjectAction } from '../require.js';
import { runCodingChange } from './coding-change.js';

/*
 * Undo and redo per user. The history is rebuilt from the event log (the user's coding events;
 * an undo or redo is marked in its payload), so it survives restarts and is the same on every
 * server. Each undo is itself an ordinary coding event, so the fold and the codebook history
 * read it like any other change.
 */

type Step = 'undo' | 'redo';

async function historyOf(
  trx: Transaction<Database>,
  projectId: string,
  userId: string,
): Promise<UndoHistory> {
  let history: UndoHistory = {};
  for (const event of await codingEvents(trx, projectId)) {
    if (event.actorId !== userId) continue;
    const { undoStep, ...payload } = event.payload as { undoStep?: Step };
    const change = { eventType: event.eventType, payload } as CodingChange;
    const stacks = history[userId] ?? { undo: [], redo: [] };
    if (undoStep === 'undo')
      history = { [userId]: { undo: stacks.undo.slice(0, -1), redo: [...stacks.redo, change] } };
    else if (undoStep === 'redo')
      history = { [userId]: { undo: [...stacks.undo, change], redo: stacks.redo.slice(0, -1) } };
    else history = recordChange(history, userId, change);
  }
  return history;
}

function stepHandler<T extends 'coding.undo' | 'coding.redo'>(type: T, step: Step) {
  return defineHandler({
    type,
    scope: 'project',
    authorize: (context) => requireProjectAction(context, type),
    async apply(trx, context, _payload, at) {
      const userId = context.actor.id;
      const history = await historyOf(trx, projectOf(context).id, userId);
      const { change, event } = await runCodingChange(trx, context, at, 'all', (state) => {
        const next = step === 'undo' ? undoLast(history, userId, state) : redoLast(history, userId, state);
        if (!next) throw new WeftError('validation', `You have nothing to ${step} in this project.`);
        return next.change;
      });
      return {
        result: { eventType: change.eventType },
        event: { ...event, payload: { ...(change.payload as object), undoStep: step } },
      };
    },
  });
}

export const codingUndo = stepHandler('coding.undo', 'undo');
export const codingRedo = stepHandler('coding.redo', 'redo');

import { checkCodingChange } from './check-coding-change.js';
import type { CodingState } from './code.js';
import type { CodingChange } from './coding-change.js';
import { invertCodingChange } from './invert-coding-change.js';

/** One user's undo and redo stacks (most recent last). */
export interface UndoStacks {
  undo: CodingChange[];
  redo: CodingChange[];
}

/** Undo is per user: undoing never reverts someone else's work. */
export type UndoHistory = Readonly<Record<string, UndoStacks>>;

export const UNDO_DEPTH = 100;

function stacksOf(history: UndoHistory, userId: string): UndoStacks {
  return history[userId] ?? { undo: [], redo: [] };
}

/** After a user's own change: it can be undone, and what they had undone can no longer be redone. */
export function recordChange(history: UndoHistory, userId: string, change: CodingChange): UndoHistory {
  const { undo } = stacksOf(history, userId);
  return { ...history, [userId]: { undo: [...undo, change].slice(-UNDO_DEPTH), redo: [] } };
}

export interface UndoStep {
  history: UndoHistory;
  /** The change to run as a command (not to be recorded again with `recordChange`). */
  change: CodingChange;
}

/**
 * The inverse of the user's last change, checked against the state as it is now (others may
 * have edited since: a conflict throws and leaves the history as it was). Undefined: nothing to undo.
 */
export function undoLast(history: UndoHistory, userId: string, state: CodingState): UndoStep | undefined {
  const { undo, redo } = stacksOf(history, userId);
  const last = undo[undo.length - 1];
  if (!last) return undefined;
  const change = invertCodingChange(last);
  checkCodingChange(state, change);
  return { history: { ...history, [userId]: { undo: undo.slice(0, -1), redo: [...redo, change] } }, change };
}

/** Re-does the user's last undone change. Undefined: nothing to redo. */
export function redoLast(history: UndoHistory, userId: string, state: CodingState): UndoStep | undefined {
  const { undo, redo } = stacksOf(history, userId);
  const last = redo[redo.length - 1];
  if (!last) return undefined;
  const change = invertCodingChange(last);
  checkCodingChange(state, change);
  return { history: { ...history, [userId]: { undo: [...undo, change], redo: redo.slice(0, -1) } }, change };
}

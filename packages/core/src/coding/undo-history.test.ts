import { describe, expect, it } from 'vitest';
import { makeAnchor } from '../anchoring/anchor.js';
import { isWeftError } from '../errors.js';
import {
  applyCodingChange,
  codebookAsOf,
  foldCodingEvents,
  type LoggedEvent,
} from './apply-coding-change.js';
import type { CodingState } from './code.js';
import { createCode, deleteCode, moveCode, renameCode } from './codebook-operations.js';
import type { CodingChange } from './coding-change.js';
import { recode, resizeCoding, uncode } from './coding-operations.js';
import { mergeCodes, splitCode } from './merge-codes.js';
import { applyAll, coded, emptyCodingState, TRANSCRIPT } from './test-support.js';
import { recordChange, redoLast, type UndoHistory, undoLast } from './undo-history.js';

function base(): CodingState {
  return applyAll(
    emptyCodingState(),
    (s) => createCode(s, { id: 'wait', name: 'Waiting' }),
    (s) => createCode(s, { id: 'info', name: 'Information' }),
    coded('c1', 'wait', 'nobody told me when I could go home'),
    coded('c2', 'info', 'The nurses were lovely'),
  );
}

describe('coding operations', () => {
  it('codes, recodes, resizes and uncodes', () => {
    let state = base();
    expect(state.codings.c1).toMatchObject({
      type: 'coding',
      codeId: 'wait',
      documentId: 'doc-1',
      coderId: 'ana',
    });
    state = applyAll(state, (s) => recode(s, 'c1', 'info'));
    expect(state.codings.c1?.codeId).toBe('info');
    const wider = makeAnchor(TRANSCRIPT, TRANSCRIPT.indexOf('but nobody'), TRANSCRIPT.indexOf(' I felt'));
    state = applyAll(state, (s) => resizeCoding(s, 'c1', wider));
    expect(state.codings.c1?.anchor.quote.exact).toBe('but nobody told me when I could go home.');
    state = applyAll(state, (s) => uncode(s, 'c1'));
    expect(state.codings.c1).toBeUndefined();
  });

  it('refuses coding with a deleted code, and an unknown coding', () => {
    const state = applyAll(base(), (s) => deleteCode(s, 'wait'));
    expect(() => coded('c9', 'wait', 'I felt')(state)).toThrow(/is deleted, not active/);
    expect(() => uncode(state, 'nope')).toThrow(/no coding nope/);
  });
});

/** Runs a user's change: applies it and records it for that user's undo. */
function act(
  world: { state: CodingState; history: UndoHistory },
  user: string,
  make: (s: CodingState) => CodingChange,
) {
  const change = make(world.state);
  return {
    state: applyCodingChange(world.state, change),
    history: recordChange(world.history, user, change),
  };
}
function undo(world: { state: CodingState; history: UndoHistory }, user: string) {
  const step = undoLast(world.history, user, world.state);
  if (!step) throw new Error('nothing to undo');
  return { state: applyCodingChange(world.state, step.change), history: step.history };
}
function redo(world: { state: CodingState; history: UndoHistory }, user: string) {
  const step = redoLast(world.history, user, world.state);
  if (!step) throw new Error('nothing to redo');
  return { state: applyCodingChange(world.state, step.change), history: step.history };
}

describe('per-user undo and redo', () => {
  it('undoes a sequence back to the start and redoes it to the end', () => {
    const start = { state: base(), history: {} };
    let world = act(start, 'ana', (s) => createCode(s, { id: 'fear', name: 'Fear' }));
    world = act(world, 'ana', (s) => renameCode(s, 'fear', 'Anxiety'));
    world = act(world, 'ana', (s) => moveCode(s, 'fear', 'wait'));
    world = act(world, 'ana', coded('c3', 'fear', 'I felt like a parcel'));
    world = act(world, 'ana', (s) => recode(s, 'c2', 'wait'));
    world = act(world, 'ana', (s) => mergeCodes(s, ['info'], 'wait'));
    world = act(world, 'ana', (s) =>
      splitCode(s, { sourceId: 'wait', code: { id: 'timing', name: 'Timing' }, codingIds: ['c1'] }),
    );
    world = act(world, 'ana', (s) => uncode(s, 'c3'));
    world = act(world, 'ana', (s) => deleteCode(s, 'wait'));
    const end = world.state;

    for (let i = 0; i < 9; i++) world = undo(world, 'ana');
    expect(undoLast(world.history, 'ana', world.state)).toBeUndefined();
    // Back where we started, except that the created code remains as a deleted one (redo restores it).
    const { fear, ...codes } = world.state.codes;
    const { timing, ...codesWithoutSplit } = codes;
    expect(fear).toMatchObject({ status: 'deleted', name: 'Fear', parentId: null });
    expect(timing).toMatchObject({ status: 'merged' });
    expect({ codes: codesWithoutSplit, codings: world.state.codings }).toEqual(start.state);

    for (let i = 0; i < 9; i++) world = redo(world, 'ana');
    expect(redoLast(world.history, 'ana', world.state)).toBeUndefined();
    expect(world.state.codings).toEqual(end.codings);
    expect(Object.values(world.state.codes).map((c) => [c.id, c.status, c.parentId, c.name])).toEqual(
      Object.values(end.codes).map((c) => [c.id, c.status, c.parentId, c.name]),
    );
  });

  it('keeps each user’s stack apart, and a new change clears the redo stack', () => {
    let world = act({ state: base(), history: {} }, 'ana', (s) => renameCode(s, 'wait', 'Waiting around'));
    world = act(world, 'ben', (s) => renameCode(s, 'info', 'Being informed'));
    world = undo(world, 'ana');
    expect(world.state.codes.wait?.name).toBe('Waiting');
    expect(world.state.codes.info?.name).toBe('Being informed');
    world = act(world, 'ana', (s) => renameCode(s, 'wait', 'Delay'));
    expect(redoLast(world.history, 'ana', world.state)).toBeUndefined();
    expect(world.history.ben?.undo).toHaveLength(1);
  });

  it('refuses an undo that someone else’s later change made impossible, leaving the history', () => {
    let world = act({ state: base(), history: {} }, 'ana', (s) => recode(s, 'c1', 'info'));
    world = act(world, 'ben', (s) => uncode(s, 'c1'));
    try {
      undoLast(world.history, 'ana', world.state);
      expect.unreachable();
    } catch (error) {
      expect(isWeftError(error) && error.code).toBe('conflict');
      expect((error as Error).message).toMatch(/coding c1 no longer exists/);
    }
    expect(world.history.ana?.undo).toHaveLength(1);
  });
});

describe('the codebook as it stood at a time', () => {
  const at = (minute: number) => `2026-11-23T10:${String(minute).padStart(2, '0')}:00.000Z`;
  function log(): LoggedEvent[] {
    let state = emptyCodingState();
    const events: LoggedEvent[] = [];
    const steps: [number, (s: CodingState) => CodingChange][] = [
      [1, (s) => createCode(s, { id: 'wait', name: 'Waiting' })],
      [2, (s) => createCode(s, { id: 'info', name: 'Information' })],
      [5, (s) => renameCode(s, 'wait', 'Delays')],
      [9, (s) => mergeCodes(s, ['info'], 'wait')],
    ];
    for (const [minute, step] of steps) {
      const change = step(state);
      state = applyCodingChange(state, change);
      events.push({ ...change, at: at(minute) });
      // Events of other capabilities share the log; the fold skips them.
      events.push({ eventType: 'project.renamed', payload: { name: 'x' }, at: at(minute) });
    }
    return events;
  }

  it('folds only the events up to the date', () => {
    expect(codebookAsOf(log(), at(0))).toEqual({});
    expect(Object.values(codebookAsOf(log(), at(3))).map((c) => [c.name, c.status])).toEqual([
      ['Waiting', 'active'],
      ['Information', 'active'],
    ]);
    expect(codebookAsOf(log(), at(5)).wait?.name).toBe('Delays');
    expect(codebookAsOf(log(), new Date(at(10))).info?.status).toBe('merged');
    expect(foldCodingEvents(log()).codes).toEqual(codebookAsOf(log(), at(59)));
  });

  it('refuses a date it cannot read', () => {
    expect(() => codebookAsOf(log(), 'last Tuesday')).toThrow(/not a date/);
  });
});

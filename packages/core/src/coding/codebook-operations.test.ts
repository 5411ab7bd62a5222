import { describe, expect, it } from 'vitest';
import { isWeftError } from '../errors.js';
import { applyCodingChange } from './apply-coding-change.js';
import { type CodingState, childrenOf } from './code.js';
import {
  createCode,
  deleteCode,
  editCode,
  moveCode,
  renameCode,
  reorderCode,
  restoreCode,
} from './codebook-operations.js';
import { applyAll, coded, emptyCodingState } from './test-support.js';

function refuses(action: () => unknown, code: string, message: RegExp): void {
  try {
    action();
    expect.unreachable('the operation should have been refused');
  } catch (error) {
    expect(isWeftError(error) && error.code).toBe(code);
    expect((error as Error).message).toMatch(message);
  }
}

const names = (state: CodingState, parentId: string | null) => childrenOf(state, parentId).map((c) => c.name);

/** Experiences ⊃ {Waiting, Fear}, Fear ⊃ Stairs; Support at the top level. */
function codebook(): CodingState {
  return applyAll(
    emptyCodingState(),
    (s) => createCode(s, { id: 'exp', name: 'Experiences' }),
    (s) => createCode(s, { id: 'wait', parentId: 'exp', name: 'Waiting', shortcut: 'W' }),
    (s) => createCode(s, { id: 'fear', parentId: 'exp', name: 'Fear' }),
    (s) => createCode(s, { id: 'stairs', parentId: 'fear', name: 'Stairs' }),
    (s) => createCode(s, { id: 'support', name: 'Support', colour: '#2f9e44' }),
  );
}

describe('creating and editing codes', () => {
  it('creates codes in order, with defaults for the details', () => {
    const state = codebook();
    expect(names(state, null)).toEqual(['Experiences', 'Support']);
    expect(names(state, 'exp')).toEqual(['Waiting', 'Fear']);
    expect(state.codes.support).toMatchObject({
      type: 'code',
      parentId: null,
      description: '',
      colour: '#2f9e44',
      shortcut: null,
      status: 'active',
    });
  });

  it('places a new code at an index among its siblings', () => {
    const state = applyAll(codebook(), (s) =>
      createCode(s, { id: 'first', parentId: 'exp', name: 'Relief', index: 0 }),
    );
    expect(names(state, 'exp')).toEqual(['Relief', 'Waiting', 'Fear']);
  });

  it('refuses a sibling with the same name in any case, but allows it elsewhere', () => {
    refuses(
      () => createCode(codebook(), { id: 'x', parentId: 'exp', name: '  fEAR ' }),
      'conflict',
      /“Fear” already exists under “Experiences”/,
    );
    const state = applyAll(codebook(), (s) => createCode(s, { id: 'x', parentId: 'support', name: 'Fear' }));
    expect(names(state, 'support')).toEqual(['Fear']);
  });

  it('refuses an empty name, an unknown parent and a shortcut in use', () => {
    refuses(() => createCode(codebook(), { id: 'x', name: '   ' }), 'validation', /needs a name/);
    refuses(
      () => createCode(codebook(), { id: 'x', parentId: 'nope', name: 'A' }),
      'not-found',
      /no code nope/,
    );
    refuses(
      () => createCode(codebook(), { id: 'x', name: 'A', shortcut: 'w' }),
      'conflict',
      /already applies “Waiting”/,
    );
  });

  it('renames, refusing a sibling’s name but allowing a change of case', () => {
    let state = applyAll(codebook(), (s) => renameCode(s, 'fear', 'Anxiety'));
    expect(state.codes.fear?.name).toBe('Anxiety');
    refuses(() => renameCode(state, 'fear', 'waiting'), 'conflict', /“Waiting” already exists/);
    state = applyAll(state, (s) => renameCode(s, 'fear', 'ANXIETY'));
    expect(state.codes.fear?.name).toBe('ANXIETY');
  });

  it('edits details, recording only what changed and what it was', () => {
    const state = codebook();
    const change = editCode(state, 'wait', {
      description: 'Time spent waiting',
      shortcut: 'W',
      colour: '#f08c00',
    });
    expect(change).toEqual({
      eventType: 'code.edited',
      payload: {
        codeId: 'wait',
        from: { description: '', colour: null },
        to: { description: 'Time spent waiting', colour: '#f08c00' },
      },
    });
    expect(applyCodingChange(state, change).codes.wait?.description).toBe('Time spent waiting');
    refuses(() => editCode(state, 'fear', { shortcut: 'w' }), 'conflict', /already applies/);
    refuses(() => editCode(state, 'wait', { shortcut: 'W' }), 'validation', /nothing to change/);
  });
});

describe('moving codes', () => {
  it('reparents and reorders', () => {
    let state = applyAll(codebook(), (s) => moveCode(s, 'support', 'exp', 1));
    expect(names(state, 'exp')).toEqual(['Waiting', 'Support', 'Fear']);
    expect(names(state, null)).toEqual(['Experiences']);
    state = applyAll(state, (s) => reorderCode(s, 'fear', 0));
    expect(names(state, 'exp')).toEqual(['Fear', 'Waiting', 'Support']);
    state = applyAll(state, (s) => reorderCode(s, 'fear', 5));
    expect(names(state, 'exp')).toEqual(['Waiting', 'Support', 'Fear']);
  });

  it('refuses a cycle: under itself or under its own descendant', () => {
    refuses(() => moveCode(codebook(), 'exp', 'exp'), 'conflict', /under itself or one of its descendants/);
    refuses(
      () => moveCode(codebook(), 'exp', 'stairs'),
      'conflict',
      /under itself or one of its descendants/,
    );
  });

  it('refuses a move next to a code of the same name', () => {
    const state = applyAll(codebook(), (s) => createCode(s, { id: 'fear2', name: 'fear' }));
    refuses(() => moveCode(state, 'fear2', 'exp'), 'conflict', /“Fear” already exists under “Experiences”/);
  });
});

describe('deleting and restoring', () => {
  it('deletes a subtree softly (codings stay) and restores exactly it', () => {
    let state = applyAll(codebook(), coded('c1', 'stairs', 'I felt like a parcel'));
    state = applyAll(state, (s) => deleteCode(s, 'fear'));
    expect(state.codes.fear).toMatchObject({ status: 'deleted', deletedWith: 'fear' });
    expect(state.codes.stairs).toMatchObject({ status: 'deleted', deletedWith: 'fear' });
    expect(names(state, 'exp')).toEqual(['Waiting']);
    expect(state.codings.c1?.codeId).toBe('stairs');

    state = applyAll(state, (s) => restoreCode(s, 'fear'));
    expect(state.codes.fear).toMatchObject({ status: 'active', deletedWith: null });
    expect(state.codes.stairs?.status).toBe('active');
    expect(names(state, 'exp')).toEqual(['Waiting', 'Fear']);
  });

  it('a code deleted before its parent stays deleted when the parent comes back', () => {
    let state = applyAll(
      codebook(),
      (s) => deleteCode(s, 'stairs'),
      (s) => deleteCode(s, 'fear'),
    );
    expect(state.codes.stairs?.deletedWith).toBe('stairs');
    refuses(() => restoreCode(state, 'stairs'), 'conflict', /restore the parent of “Stairs” first/);
    state = applyAll(state, (s) => restoreCode(s, 'fear'));
    expect(state.codes.stairs?.status).toBe('deleted');
    state = applyAll(state, (s) => restoreCode(s, 'stairs'));
    expect(state.codes.stairs?.status).toBe('active');
  });

  it('refuses to restore a descendant on its own, or over a new code of the same name', () => {
    let state = applyAll(codebook(), (s) => deleteCode(s, 'fear'));
    refuses(() => restoreCode(state, 'stairs'), 'conflict', /deleted with “Fear”: restore that code instead/);
    state = applyAll(state, (s) => createCode(s, { id: 'fear2', parentId: 'exp', name: 'Fear' }));
    refuses(() => restoreCode(state, 'fear'), 'conflict', /“Fear” already exists/);
  });

  it('frees a deleted code’s name and shortcut, and refuses a restore that would clash', () => {
    let state = applyAll(codebook(), (s) => deleteCode(s, 'wait'));
    state = applyAll(state, (s) => createCode(s, { id: 'w2', name: 'Queueing', shortcut: 'w' }));
    refuses(() => restoreCode(state, 'wait'), 'conflict', /shortcut “W” already applies “Queueing”/);
  });
});

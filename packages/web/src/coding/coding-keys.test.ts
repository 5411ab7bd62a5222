import { describe, expect, it } from 'vitest';
import { codingKeyAction, keyChord, normaliseShortcut } from './coding-keys';

const shortcuts = new Map([
  ['1', 'code-1'],
  ['ctrl+2', 'code-2'],
  ['f2', 'code-f2'],
]);
const base = { typing: false, hasSelection: true, hasCoding: false, shortcuts };

describe('codingKeyAction', () => {
  it('opens the palette and codes in vivo only with a selection', () => {
    expect(codingKeyAction({ key: 'c' }, base)).toEqual({ kind: 'palette' });
    expect(codingKeyAction({ key: 'v' }, base)).toEqual({ kind: 'in-vivo' });
    expect(codingKeyAction({ key: 'c' }, { ...base, hasSelection: false })).toBeNull();
  });

  it('applies a code by its shortcut, with modifiers and function keys', () => {
    expect(codingKeyAction({ key: '1' }, base)).toEqual({ kind: 'shortcut', codeId: 'code-1' });
    expect(codingKeyAction({ key: '2', ctrlKey: true }, base)).toEqual({
      kind: 'shortcut',
      codeId: 'code-2',
    });
    expect(codingKeyAction({ key: '2', metaKey: true }, base)).toEqual({
      kind: 'shortcut',
      codeId: 'code-2',
    });
    expect(codingKeyAction({ key: 'F2' }, base)).toEqual({ kind: 'shortcut', codeId: 'code-f2' });
    expect(codingKeyAction({ key: '1' }, { ...base, hasSelection: false })).toBeNull();
  });

  it('undoes and redoes with Ctrl/⌘+Z and Ctrl/⌘+Shift+Z', () => {
    expect(codingKeyAction({ key: 'z', ctrlKey: true }, base)).toEqual({ kind: 'undo' });
    expect(codingKeyAction({ key: 'Z', metaKey: true, shiftKey: true }, base)).toEqual({ kind: 'redo' });
    expect(codingKeyAction({ key: 'y', ctrlKey: true }, base)).toEqual({ kind: 'redo' });
  });

  it('acts on a selected coding: uncode, recode, resize by a word', () => {
    const coding = { ...base, hasSelection: false, hasCoding: true };
    expect(codingKeyAction({ key: 'Delete' }, coding)).toEqual({ kind: 'uncode' });
    expect(codingKeyAction({ key: 'r' }, coding)).toEqual({ kind: 'recode' });
    expect(codingKeyAction({ key: 'ArrowRight', shiftKey: true }, coding)).toEqual({
      kind: 'resize',
      edge: 'end',
      forward: true,
    });
    expect(codingKeyAction({ key: 'ArrowLeft', shiftKey: true, altKey: true }, coding)).toEqual({
      kind: 'resize',
      edge: 'start',
      forward: false,
    });
  });

  it('selects text without a mouse: a turn at a time, then its ends by a word', () => {
    const nothing = { ...base, hasSelection: false };
    expect(codingKeyAction({ key: 'ArrowDown', altKey: true }, nothing)).toEqual({
      kind: 'select-block',
      forward: true,
    });
    expect(codingKeyAction({ key: 'ArrowUp', altKey: true }, base)).toEqual({
      kind: 'select-block',
      forward: false,
    });
    expect(codingKeyAction({ key: 'ArrowLeft', shiftKey: true }, base)).toEqual({
      kind: 'adjust-selection',
      edge: 'end',
      forward: false,
    });
    expect(codingKeyAction({ key: 'ArrowRight', shiftKey: true, altKey: true }, base)).toEqual({
      kind: 'adjust-selection',
      edge: 'start',
      forward: true,
    });
    // With nothing selected, Shift+arrows stay the browser's.
    expect(codingKeyAction({ key: 'ArrowLeft', shiftKey: true }, nothing)).toBeNull();
  });

  it('lets everything through while typing in a field', () => {
    expect(codingKeyAction({ key: 'c' }, { ...base, typing: true })).toBeNull();
    expect(codingKeyAction({ key: 'z', ctrlKey: true }, { ...base, typing: true })).toBeNull();
  });
});

describe('shortcut chords', () => {
  it('normalises stored shortcuts to the chord a key press gives', () => {
    expect(normaliseShortcut(' Cmd+1 ')).toBe('ctrl+1');
    expect(normaliseShortcut('Shift+Alt+F3')).toBe('alt+shift+f3');
    expect(keyChord({ key: 'F3', altKey: true, shiftKey: true })).toBe('alt+shift+f3');
    expect(keyChord({ key: 'K' })).toBe('k');
  });
});

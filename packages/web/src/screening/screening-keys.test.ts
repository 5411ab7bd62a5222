import { describe, expect, it } from 'vitest';
import { SCREENING_KEYS, screeningKeyAction } from './screening-keys';

describe('screeningKeyAction', () => {
  it('maps i, e and m to decisions, in either case', () => {
    expect(screeningKeyAction({ key: 'i' })).toEqual({ kind: 'decide', decision: 'include' });
    expect(screeningKeyAction({ key: 'E' })).toEqual({ kind: 'decide', decision: 'exclude' });
    expect(screeningKeyAction({ key: 'm' })).toEqual({ kind: 'decide', decision: 'maybe' });
  });

  it('maps 1–9 to reason positions and ignores 0', () => {
    expect(screeningKeyAction({ key: '1' })).toEqual({ kind: 'toggle-reason', position: 1 });
    expect(screeningKeyAction({ key: '9' })).toEqual({ kind: 'toggle-reason', position: 9 });
    expect(screeningKeyAction({ key: '0' })).toBeNull();
  });

  it('maps u, n, ?, Enter and Escape', () => {
    expect(screeningKeyAction({ key: 'u' })).toEqual({ kind: 'undo' });
    expect(screeningKeyAction({ key: 'n' })).toEqual({ kind: 'note' });
    expect(screeningKeyAction({ key: '?' })).toEqual({ kind: 'help' });
    expect(screeningKeyAction({ key: 'Enter' })).toEqual({ kind: 'confirm' });
    expect(screeningKeyAction({ key: 'Escape' })).toEqual({ kind: 'cancel' });
  });

  it('lets modifier shortcuts, typing and unknown keys through', () => {
    expect(screeningKeyAction({ key: 'i', ctrlKey: true })).toBeNull();
    expect(screeningKeyAction({ key: 'e', metaKey: true })).toBeNull();
    expect(screeningKeyAction({ key: '1', altKey: true })).toBeNull();
    expect(screeningKeyAction({ key: 'i' }, true)).toBeNull();
    expect(screeningKeyAction({ key: 'x' })).toBeNull();
    expect(screeningKeyAction({ key: 'ArrowDown' })).toBeNull();
  });

  it('lists every key it understands in the help', () => {
    const listed = SCREENING_KEYS.flatMap((k) => k.keys);
    for (const key of ['i', 'e', 'm', '1', '9', 'u', 'n', '?', 'Enter', 'Esc']) expect(listed).toContain(key);
  });
});

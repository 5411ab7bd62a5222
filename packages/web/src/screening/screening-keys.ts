import type { ScreeningDecision } from '@weft/protocol';

/** What a key press on the screening screen asks for. */
export type ScreeningKeyAction =
  | { kind: 'decide'; decision: ScreeningDecision }
  | { kind: 'toggle-reason'; position: number }
  | { kind: 'undo' }
  | { kind: 'help' }
  | { kind: 'note' }
  | { kind: 'confirm' }
  | { kind: 'cancel' };

/** The keys as the help overlay lists them (one source for the map and the overlay). */
export const SCREENING_KEYS: Array<{ keys: string[]; does: string }> = [
  { keys: ['i'], does: 'Include the record' },
  { keys: ['e'], does: 'Exclude the record (with the reasons selected)' },
  { keys: ['m'], does: 'Maybe: unsure, pass it on' },
  { keys: ['1', '…', '9'], does: 'Select or clear an exclusion reason' },
  { keys: ['Enter'], does: 'Send the exclusion once its reason is chosen' },
  { keys: ['Esc'], does: 'Cancel an exclusion waiting for its reason' },
  { keys: ['n'], does: 'Write a note with the decision (Esc or Enter returns to the keys)' },
  { keys: ['u'], does: 'Undo: take back your last decision and show that record again' },
  { keys: ['?'], does: 'Show these keys' },
];

const DECISION_KEYS: Record<string, ScreeningDecision> = { i: 'include', e: 'exclude', m: 'maybe' };

export interface KeyInput {
  key: string;
  ctrlKey?: boolean;
  metaKey?: boolean;
  altKey?: boolean;
}

/**
 * The action for a key press, or null when the screen should let it through (modifier
 * shortcuts such as Ctrl+C, typing in a field, keys that mean nothing here).
 */
export function screeningKeyAction(input: KeyInput, typing = false): ScreeningKeyAction | null {
  if (typing || input.ctrlKey || input.metaKey || input.altKey) return null;
  const key = input.key.length === 1 ? input.key.toLowerCase() : input.key;
  const decision = DECISION_KEYS[key];
  if (decision) return { kind: 'decide', decision };
  if (/^[1-9]$/.test(key)) return { kind: 'toggle-reason', position: Number(key) };
  if (key === 'u') return { kind: 'undo' };
  if (key === 'n') return { kind: 'note' };
  if (key === '?') return { kind: 'help' };
  if (key === 'Enter') return { kind: 'confirm' };
  if (key === 'Escape') return { kind: 'cancel' };
  return null;
}

/** True when the event comes from a field where letters are text, not commands. */
export function isTypingTarget(target: EventTarget | null): boolean {
  return (
    typeof HTMLElement !== 'undefined' &&
    target instanceof HTMLElement &&
    (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName))
  );
}

/**
 * True when a modal, drawer or popover is open on the page: it keeps its own keys then. One that is
 * closing does not count. Mantine keeps it in the DOM for its exit transition (about 200 ms) with its
 * transition's "out" style inline, and every Mantine transition fades out to `opacity: 0`; a reviewer
 * who presses `i` right after closing one means the record. Dialogs kept mounted while closed are not
 * displayed (or are aria-hidden / inert).
 */
export function hasOpenDialog(root: ParentNode = document): boolean {
  for (const dialog of root.querySelectorAll<HTMLElement>('[role="dialog"]')) {
    if (dialog.closest('[aria-hidden="true"], [inert]')) continue;
    if (typeof dialog.checkVisibility === 'function' && !dialog.checkVisibility()) continue;
    if (dialog.style.opacity === '0') continue;
    return true;
  }
  return false;
}

/** What a key press on the document coding screen asks for. */
export type CodingKeyAction =
  | { kind: 'palette' }
  | { kind: 'in-vivo' }
  | { kind: 'recode' }
  | { kind: 'uncode' }
  | { kind: 'undo' }
  | { kind: 'redo' }
  | { kind: 'help' }
  | { kind: 'clear' }
  | { kind: 'resize'; edge: 'start' | 'end'; forward: boolean }
  | { kind: 'select-block'; forward: boolean }
  | { kind: 'adjust-selection'; edge: 'start' | 'end'; forward: boolean }
  | { kind: 'shortcut'; codeId: string };

/** The keys as the help overlay lists them. */
export const CODING_KEYS: Array<{ keys: string[]; does: string }> = [
  { keys: ['Alt', '↑/↓'], does: 'Select the previous or next paragraph or speaker turn' },
  { keys: ['Shift', '←/→'], does: 'Move the end of the selected text (or coding) by a word' },
  { keys: ['Alt', 'Shift', '←/→'], does: 'Move the start of the selected text (or coding) by a word' },
  { keys: ['c'], does: 'Code the selected text: type a code’s name, Enter applies (or creates it)' },
  { keys: ['v'], does: 'In vivo: a new code named after the selected text' },
  { keys: ['shortcut'], does: 'A code’s own shortcut key applies it to the selection' },
  { keys: ['r'], does: 'Recode the selected coding (choose another code)' },
  { keys: ['Delete'], does: 'Uncode: remove the selected coding' },
  { keys: ['Ctrl/⌘', 'Z'], does: 'Undo your last coding or codebook change' },
  { keys: ['Ctrl/⌘', 'Shift', 'Z'], does: 'Redo it' },
  { keys: ['Esc'], does: 'Clear the selection' },
  { keys: ['?'], does: 'Show these keys' },
];

export interface KeyInput {
  key: string;
  ctrlKey?: boolean;
  metaKey?: boolean;
  altKey?: boolean;
  shiftKey?: boolean;
}

/** "ctrl+shift+k" for a key press, modifiers in a fixed order (how shortcuts are compared). */
export function keyChord(input: KeyInput): string {
  const parts: string[] = [];
  if (input.ctrlKey || input.metaKey) parts.push('ctrl');
  if (input.altKey) parts.push('alt');
  // Shift is part of the character for printable keys ("?" is shift+/ on many layouts).
  if (input.shiftKey && input.key.length > 1) parts.push('shift');
  parts.push(input.key.length === 1 ? input.key.toLowerCase() : input.key.toLowerCase());
  return parts.join('+');
}

/** A code's stored shortcut ("Ctrl+1", "cmd+1", "F2", "k") in the form keyChord produces. */
export function normaliseShortcut(shortcut: string): string {
  const parts = shortcut
    .trim()
    .toLowerCase()
    .split('+')
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => (p === 'cmd' || p === 'meta' || p === 'control' || p === 'mod' ? 'ctrl' : p));
  const key = parts.pop() ?? '';
  const mods = ['ctrl', 'alt', 'shift'].filter((m) => parts.includes(m));
  return [...mods, key].join('+');
}

/**
 * The action for a key press, or null to let it through. `shortcuts` maps normalised chords to
 * code ids; the screen's own keys come first, so a code whose shortcut is "c" cannot shadow the
 * palette. With nothing selected, selection-bound keys do nothing (null) and the browser keeps them.
 */
export function codingKeyAction(
  input: KeyInput,
  state: {
    typing: boolean;
    hasSelection: boolean;
    hasCoding: boolean;
    shortcuts: ReadonlyMap<string, string>;
  },
): CodingKeyAction | null {
  if (state.typing) return null;
  const mod = Boolean(input.ctrlKey || input.metaKey);
  const key = input.key.length === 1 ? input.key.toLowerCase() : input.key;
  if (mod && !input.altKey && key === 'z') return { kind: input.shiftKey ? 'redo' : 'undo' };
  if (mod && !input.altKey && key === 'y') return { kind: 'redo' };
  const sideways = key === 'ArrowLeft' || key === 'ArrowRight';
  if (state.hasCoding && input.shiftKey && !mod && sideways)
    return { kind: 'resize', edge: input.altKey ? 'start' : 'end', forward: key === 'ArrowRight' };
  if (state.hasSelection && input.shiftKey && !mod && sideways)
    return { kind: 'adjust-selection', edge: input.altKey ? 'start' : 'end', forward: key === 'ArrowRight' };
  if (input.altKey && !input.shiftKey && !mod && (key === 'ArrowUp' || key === 'ArrowDown'))
    return { kind: 'select-block', forward: key === 'ArrowDown' };
  if (!mod && !input.altKey) {
    if (key === '?') return { kind: 'help' };
    if (key === 'Escape') return { kind: 'clear' };
    if (key === 'c' && state.hasSelection) return { kind: 'palette' };
    if (key === 'v' && state.hasSelection) return { kind: 'in-vivo' };
    if (key === 'r' && state.hasCoding) return { kind: 'recode' };
    if ((key === 'Delete' || key === 'Backspace') && state.hasCoding) return { kind: 'uncode' };
  }
  if (!state.hasSelection) return null;
  const codeId = state.shortcuts.get(keyChord(input));
  return codeId ? { kind: 'shortcut', codeId } : null;
}

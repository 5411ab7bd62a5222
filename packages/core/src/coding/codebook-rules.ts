import { WeftError } from '../errors.js';
import { type Code, type CodingState, childrenOf } from './code.js';

export const MAX_CODE_NAME_LENGTH = 200;

/** Sibling names compare case-insensitively and without surrounding or repeated spaces. */
export function nameKey(name: string): string {
  return name.trim().replace(/\s+/g, ' ').toLocaleLowerCase('en');
}

export function shortcutKey(shortcut: string): string {
  return shortcut.trim().toLowerCase();
}

export function requireCode(state: CodingState, codeId: string, status: Code['status'] = 'active'): Code {
  const code = state.codes[codeId];
  if (!code) throw new WeftError('not-found', `no code ${codeId} in the codebook`, { codeId });
  if (code.status !== status) {
    throw new WeftError('conflict', `code “${code.name}” is ${code.status}, not ${status}`, {
      codeId,
      status: code.status,
    });
  }
  return code;
}

/** A clean name: not empty, not too long. */
export function checkName(name: string): string {
  const clean = name.trim().replace(/\s+/g, ' ');
  if (clean.length === 0) throw new WeftError('validation', 'a code needs a name');
  if (clean.length > MAX_CODE_NAME_LENGTH)
    throw new WeftError('validation', `a code name has at most ${MAX_CODE_NAME_LENGTH} characters`);
  return clean;
}

/** Siblings cannot share a name (case-insensitive); `ignore` lists codes that are moving away. */
export function checkNameFree(
  state: CodingState,
  parentId: string | null,
  name: string,
  ignore: readonly string[] = [],
): void {
  const key = nameKey(name);
  const clash = childrenOf(state, parentId).find((c) => !ignore.includes(c.id) && nameKey(c.name) === key);
  if (clash) {
    const where =
      parentId === null ? 'at the top level' : `under “${state.codes[parentId]?.name ?? parentId}”`;
    throw new WeftError('conflict', `a code named “${clash.name}” already exists ${where}`, {
      codeId: clash.id,
      name: clash.name,
    });
  }
}

/** A shortcut belongs to one active code at most. */
export function checkShortcutFree(
  state: CodingState,
  shortcut: string | null,
  ignore: readonly string[] = [],
): void {
  if (shortcut === null) return;
  const key = shortcutKey(shortcut);
  if (key.length === 0 || key.length > 32)
    throw new WeftError('validation', 'a shortcut has between 1 and 32 characters');
  const clash = Object.values(state.codes).find(
    (c) =>
      c.status === 'active' &&
      !ignore.includes(c.id) &&
      c.shortcut !== null &&
      shortcutKey(c.shortcut) === key,
  );
  if (clash) {
    throw new WeftError('conflict', `the shortcut “${shortcut}” already applies “${clash.name}”`, {
      codeId: clash.id,
      shortcut,
    });
  }
}

/** A parent must be an active code that is not the code itself or below it. */
export function checkParent(state: CodingState, codeId: string | null, parentId: string | null): void {
  if (parentId === null) return;
  const parent = requireCode(state, parentId);
  for (
    let at: Code | undefined = parent;
    at;
    at = at.parentId === null ? undefined : state.codes[at.parentId]
  ) {
    if (at.id === codeId) {
      throw new WeftError(
        'conflict',
        `cannot move a code under itself or one of its descendants (“${parent.name}”)`,
        {
          codeId,
          parentId,
        },
      );
    }
  }
}

/** The position that puts a code at `index` among the parent's active children (default: last). */
export function positionAt(
  state: CodingState,
  parentId: string | null,
  index: number | undefined,
  moving?: string,
): number {
  const siblings = childrenOf(state, parentId).filter((c) => c.id !== moving);
  if (siblings.length === 0) return 0;
  const at =
    index === undefined ? siblings.length : Math.max(0, Math.min(siblings.length, Math.floor(index)));
  const before = siblings[at - 1];
  const after = siblings[at];
  if (!before) return (after as Code).position - 1;
  if (!after) return before.position + 1;
  return (before.position + after.position) / 2;
}

import { WeftError } from '../errors.js';
import { type Role, roleAtLeast } from '../project/role.js';
import { ANNOTATION_MAX, MEMO_TITLE_MAX, type MemoLink, type MemoTarget } from './memo-target.js';

/**
 * A memo or annotation belongs to its author: the author edits, deletes and restores it, and so
 * may a lead (who keeps the project's notes in order); other reviewers read it.
 */
export function mayChangeNote(role: Role | undefined, actorId: string, authorId: string): boolean {
  if (!role || !roleAtLeast(role, 'reviewer')) return false;
  return actorId === authorId || roleAtLeast(role, 'lead');
}

/** A memo on the project has no target id; a memo on anything else needs one. */
export function checkMemoTarget(target: MemoTarget): MemoTarget {
  if (target.kind === 'project') {
    if (target.id !== null)
      throw new WeftError('validation', 'A memo on the project takes no target id.', { target });
    return target;
  }
  if (!target.id)
    throw new WeftError('validation', `A memo on a ${target.kind} needs the ${target.kind}'s id.`, {
      target,
    });
  return target;
}

/** A memo cannot point at itself; anything else in the project it may. */
export function checkMemoLink(memoId: string, link: MemoLink): MemoLink {
  if (link.kind === 'memo' && link.targetId === memoId)
    throw new WeftError('validation', 'A memo cannot link to itself.', { memoId });
  return link;
}

/** Titles are one trimmed line; a memo without one is called after its first words. */
export function memoTitle(title: string, plainText: string): string {
  const line = title.replace(/\s+/g, ' ').trim();
  if (line) {
    if (line.length > MEMO_TITLE_MAX)
      throw new WeftError('validation', `A memo title is at most ${MEMO_TITLE_MAX} characters.`);
    return line;
  }
  const words = plainText.replace(/\s+/g, ' ').trim();
  if (!words) return 'Untitled memo';
  return words.length <= 60 ? words : `${words.slice(0, 59).trimEnd()}…`;
}

export function annotationText(text: string): string {
  const trimmed = text.trim();
  if (!trimmed) throw new WeftError('validation', 'An annotation needs some text.');
  if (trimmed.length > ANNOTATION_MAX)
    throw new WeftError(
      'validation',
      `An annotation is at most ${ANNOTATION_MAX} characters; write a memo instead.`,
    );
  return trimmed;
}

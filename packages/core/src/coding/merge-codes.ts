import { WeftError } from '../errors.js';
import { type CodingState, childrenOf, codingsOf } from './code.js';
import { buildCode, type NewCode } from './codebook-operations.js';
import { checkNameFree, checkParent, nameKey, requireCode } from './codebook-rules.js';
import type { CodingChange, MergedSource } from './coding-change.js';

/**
 * Merges source codes into a target: their codings move to the target, their children move under
 * it, and each source is kept as `merged` with a record of exactly what moved, so
 * `unmergeCode` can put back the same codings and children.
 */
export function mergeCodes(state: CodingState, sourceIds: readonly string[], targetId: string): CodingChange {
  const target = requireCode(state, targetId);
  if (sourceIds.length === 0) throw new WeftError('validation', 'choose at least one code to merge');
  if (new Set(sourceIds).size !== sourceIds.length)
    throw new WeftError('validation', 'a code is listed twice');
  // Children arrive after the target's own, in source order, and must not clash with them.
  const names = new Set(childrenOf(state, targetId).map((c) => nameKey(c.name)));
  let next = Math.max(-1, ...childrenOf(state, targetId).map((c) => c.position)) + 1;
  const sources: MergedSource[] = sourceIds.map((sourceId) => {
    const source = requireCode(state, sourceId);
    if (sourceId === targetId) throw new WeftError('validation', `cannot merge “${source.name}” into itself`);
    // The target may not sit below a source: the source's children would move under themselves.
    checkParent(state, sourceId, targetId);
    const children = childrenOf(state, sourceId).map((child) => {
      if (names.has(nameKey(child.name))) {
        throw new WeftError(
          'conflict',
          `“${target.name}” already has a child named “${child.name}”; rename one before merging`,
          { codeId: child.id },
        );
      }
      names.add(nameKey(child.name));
      return { codeId: child.id, position: child.position, targetPosition: next++ };
    });
    return {
      codeId: sourceId,
      targetId,
      codingIds: codingsOf(state, sourceId).map((c) => c.id),
      children,
    };
  });
  return { eventType: 'code.merged', payload: { targetId, sources } };
}

/** Undoes one merge of `sourceId`: its codings and children that are still on the target go back. */
export function unmergeCode(state: CodingState, sourceId: string): CodingChange {
  const source = requireCode(state, sourceId, 'merged');
  const record = source.merge;
  if (!record) throw new WeftError('conflict', `“${source.name}” has no merge to undo`);
  if (source.parentId !== null && state.codes[source.parentId]?.status !== 'active')
    throw new WeftError('conflict', `restore the parent of “${source.name}” before unmerging it`);
  checkNameFree(state, source.parentId, source.name);
  const codingIds = record.codingIds.filter((id) => state.codings[id]?.codeId === record.targetId);
  const children = record.children.filter((child) => {
    const code = state.codes[child.codeId];
    return code?.parentId === record.targetId && code.status === 'active';
  });
  return {
    eventType: 'code.unmerged',
    payload: {
      targetId: record.targetId,
      sources: [{ codeId: sourceId, targetId: record.targetId, codingIds, children }],
    },
  };
}

export interface SplitInput {
  sourceId: string;
  /** The new code; by default a sibling placed right after the source. */
  code: NewCode;
  codingIds: readonly string[];
}

/** Moves selected codings of a code to a new code. */
export function splitCode(state: CodingState, input: SplitInput): CodingChange {
  const source = requireCode(state, input.sourceId);
  if (input.codingIds.length === 0) throw new WeftError('validation', 'choose the codings to split off');
  for (const id of input.codingIds) {
    const coding = state.codings[id];
    if (!coding || coding.codeId !== source.id)
      throw new WeftError('validation', `coding ${id} is not a coding of “${source.name}”`, { codingId: id });
  }
  const parentId = input.code.parentId === undefined ? source.parentId : input.code.parentId;
  const after = childrenOf(state, parentId).findIndex((c) => c.id === source.id);
  const index = input.code.index ?? (after >= 0 ? after + 1 : undefined);
  const code = buildCode(state, { ...input.code, parentId, index });
  return {
    eventType: 'code.split',
    payload: { sourceId: source.id, code, codingIds: [...new Set(input.codingIds)] },
  };
}

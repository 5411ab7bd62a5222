import { WeftError } from '../errors.js';
import type { CodingState } from './code.js';
import { checkNameFree, checkParent, checkShortcutFree, requireCode } from './codebook-rules.js';
import type { CodingChange } from './coding-change.js';

/**
 * Whether a change (an undo or redo computed from an old one) can still apply to the state as it
 * is now, with others' edits since: throws a `conflict` naming what is in the way.
 */
export function checkCodingChange(state: CodingState, change: CodingChange): void {
  const coding = (id: string) => {
    const found = state.codings[id];
    if (!found) throw new WeftError('conflict', `coding ${id} no longer exists`, { codingId: id });
    return found;
  };
  switch (change.eventType) {
    case 'code.created':
    case 'code.split':
      if (state.codes[change.payload.code.id]) throw new WeftError('conflict', 'that code already exists');
      checkParent(state, null, change.payload.code.parentId);
      checkNameFree(state, change.payload.code.parentId, change.payload.code.name);
      if (change.eventType === 'code.split')
        for (const id of change.payload.codingIds) {
          if (coding(id).codeId !== change.payload.sourceId)
            throw new WeftError('conflict', `coding ${id} is no longer on the split code`);
        }
      return;
    case 'code.renamed': {
      const code = requireCode(state, change.payload.codeId);
      if (code.name !== change.payload.from)
        throw new WeftError('conflict', `“${code.name}” was renamed since`);
      checkNameFree(state, code.parentId, change.payload.name, [code.id]);
      return;
    }
    case 'code.edited':
      requireCode(state, change.payload.codeId);
      if (change.payload.to.shortcut)
        checkShortcutFree(state, change.payload.to.shortcut, [change.payload.codeId]);
      return;
    case 'code.moved': {
      const code = requireCode(state, change.payload.codeId);
      checkParent(state, code.id, change.payload.to.parentId);
      if (change.payload.to.parentId !== code.parentId)
        checkNameFree(state, change.payload.to.parentId, code.name);
      return;
    }
    case 'code.merged':
      requireCode(state, change.payload.targetId);
      for (const source of change.payload.sources) {
        requireCode(state, source.codeId);
        for (const id of source.codingIds)
          if (coding(id).codeId !== source.codeId)
            throw new WeftError('conflict', `coding ${id} is no longer on the code being merged`);
      }
      return;
    case 'code.unmerged':
      for (const source of change.payload.sources) {
        const code = requireCode(state, source.codeId, 'merged');
        checkNameFree(state, code.parentId, code.name);
        for (const id of source.codingIds)
          if (coding(id).codeId !== source.targetId)
            throw new WeftError('conflict', `coding ${id} is no longer on the merged code`);
      }
      return;
    case 'code.deleted':
      for (const id of change.payload.codeIds) requireCode(state, id);
      for (const code of Object.values(state.codes)) {
        if (
          code.status === 'active' &&
          code.parentId !== null &&
          change.payload.codeIds.includes(code.parentId)
        )
          if (!change.payload.codeIds.includes(code.id))
            throw new WeftError('conflict', `“${code.name}” was added below since`, { codeId: code.id });
      }
      return;
    case 'code.restored': {
      const root = requireCode(state, change.payload.codeId, 'deleted');
      checkNameFree(state, root.parentId, root.name);
      for (const id of change.payload.codeIds) {
        const code = requireCode(state, id, 'deleted');
        checkShortcutFree(state, code.shortcut);
      }
      return;
    }
    case 'coding.added':
      if (state.codings[change.payload.coding.id])
        throw new WeftError('conflict', 'that coding already exists');
      requireCode(state, change.payload.coding.codeId);
      return;
    case 'coding.removed':
      coding(change.payload.coding.id);
      return;
    case 'coding.recoded':
      if (coding(change.payload.codingId).codeId !== change.payload.from)
        throw new WeftError('conflict', 'the coding was recoded since');
      requireCode(state, change.payload.to);
      return;
    case 'coding.resized':
      coding(change.payload.codingId);
      return;
  }
}

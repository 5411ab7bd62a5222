import type { CodingChange } from './coding-change.js';

/**
 * The change that undoes another. A created code is undone by deleting it (soft, so redo can
 * restore it with the same id); a split by merging the new code back into its source.
 */
export function invertCodingChange(change: CodingChange): CodingChange {
  switch (change.eventType) {
    case 'code.created':
      return {
        eventType: 'code.deleted',
        payload: { codeId: change.payload.code.id, codeIds: [change.payload.code.id] },
      };
    case 'code.renamed':
      return {
        eventType: 'code.renamed',
        payload: { codeId: change.payload.codeId, from: change.payload.name, name: change.payload.from },
      };
    case 'code.edited':
      return {
        eventType: 'code.edited',
        payload: { codeId: change.payload.codeId, from: change.payload.to, to: change.payload.from },
      };
    case 'code.moved':
      return {
        eventType: 'code.moved',
        payload: { codeId: change.payload.codeId, from: change.payload.to, to: change.payload.from },
      };
    case 'code.merged':
      return { eventType: 'code.unmerged', payload: change.payload };
    case 'code.unmerged':
      return { eventType: 'code.merged', payload: change.payload };
    case 'code.split':
      return {
        eventType: 'code.merged',
        payload: {
          targetId: change.payload.sourceId,
          sources: [
            {
              codeId: change.payload.code.id,
              targetId: change.payload.sourceId,
              codingIds: change.payload.codingIds,
              children: [],
            },
          ],
        },
      };
    case 'code.deleted':
      return { eventType: 'code.restored', payload: change.payload };
    case 'code.restored':
      return { eventType: 'code.deleted', payload: change.payload };
    case 'coding.added':
      return { eventType: 'coding.removed', payload: change.payload };
    case 'coding.removed':
      return { eventType: 'coding.added', payload: change.payload };
    case 'coding.recoded':
      return {
        eventType: 'coding.recoded',
        payload: { codingId: change.payload.codingId, from: change.payload.to, to: change.payload.from },
      };
    case 'coding.resized':
      return {
        eventType: 'coding.resized',
        payload: { codingId: change.payload.codingId, from: change.payload.to, to: change.payload.from },
      };
  }
}

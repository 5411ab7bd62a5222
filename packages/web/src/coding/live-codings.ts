import type { CodingView } from '@weft/protocol';

interface EventLike {
  eventType: string;
  payload: unknown;
}

interface AnchorLike {
  position: { start: number; end: number };
  quote: { exact: string };
}

interface CodingLike {
  id: string;
  codeId: string;
  documentId: string;
  versionId: string;
  anchor: AnchorLike;
  coderId: string;
  createdAt: string;
}

/** What a project event means for the codings of one open document. */
export type CodingEventEffect =
  | { kind: 'none' }
  /** Applied to the map in place of a refetch. */
  | { kind: 'applied' }
  /** Codings moved between codes in bulk (merge, split, delete…): read them again. */
  | { kind: 'refetch-codings' }
  /** The document has a new version: read it all again. */
  | { kind: 'reload-document' };

export function viewOf(coding: CodingLike): CodingView {
  return {
    id: coding.id,
    codeId: coding.codeId,
    documentId: coding.documentId,
    versionId: coding.versionId,
    start: coding.anchor.position.start,
    end: coding.anchor.position.end,
    exact: coding.anchor.quote.exact,
    coderId: coding.coderId,
    createdAt: coding.createdAt,
    anchorStatus: 'kept',
    score: 1,
  };
}

const BULK = new Set(['code.merged', 'code.unmerged', 'code.split', 'code.deleted', 'code.restored']);

/**
 * Apply one event to the open document's codings (a map by id, changed in place). Coding events
 * carry the whole new state of what they touch (the added coding, the new code, the new anchor),
 * so applying a suffix of the log again after a load converges on the same codings: replays are
 * harmless. An undo is an ordinary coding event, applied the same way.
 */
export function applyCodingEvent(
  codings: Map<string, CodingView>,
  event: EventLike,
  documentId: string,
): CodingEventEffect {
  const payload = (event.payload ?? {}) as Record<string, unknown>;
  switch (event.eventType) {
    case 'coding.added': {
      const coding = payload.coding as CodingLike | undefined;
      if (!coding || coding.documentId !== documentId) return { kind: 'none' };
      codings.set(coding.id, viewOf(coding));
      return { kind: 'applied' };
    }
    case 'coding.removed': {
      const coding = payload.coding as CodingLike | undefined;
      if (!coding || coding.documentId !== documentId) return { kind: 'none' };
      codings.delete(coding.id);
      return { kind: 'applied' };
    }
    case 'coding.recoded': {
      const current = codings.get(String(payload.codingId));
      if (!current) return { kind: 'none' };
      codings.set(current.id, { ...current, codeId: String(payload.to) });
      return { kind: 'applied' };
    }
    case 'coding.resized': {
      const current = codings.get(String(payload.codingId));
      const to = payload.to as AnchorLike | undefined;
      if (!current || !to) return { kind: 'none' };
      codings.set(current.id, {
        ...current,
        start: to.position.start,
        end: to.position.end,
        exact: to.quote.exact,
      });
      return { kind: 'applied' };
    }
    case 'document.edited':
      return payload.documentId === documentId ? { kind: 'reload-document' } : { kind: 'none' };
    default:
      return BULK.has(event.eventType) ? { kind: 'refetch-codings' } : { kind: 'none' };
  }
}

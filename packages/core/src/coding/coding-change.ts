import type { Anchor } from '../anchoring/anchor.js';
import type { Code, CodeDetails, Coding, MergeRecord } from './code.js';

/** One merged code inside a `code.merged` / `code.unmerged` payload. */
export interface MergedSource extends MergeRecord {
  codeId: string;
}

/**
 * A validated change to the codebook or the codings, as the payload of one event. Each carries
 * what it replaced, so it can be inverted (undo) and folded without reading anything else.
 */
export type CodingChange =
  | { eventType: 'code.created'; payload: { code: Code } }
  | { eventType: 'code.renamed'; payload: { codeId: string; from: string; name: string } }
  | {
      eventType: 'code.edited';
      payload: { codeId: string; from: Partial<CodeDetails>; to: Partial<CodeDetails> };
    }
  | {
      eventType: 'code.moved';
      payload: {
        codeId: string;
        from: { parentId: string | null; position: number };
        to: { parentId: string | null; position: number };
      };
    }
  | { eventType: 'code.merged'; payload: { targetId: string; sources: MergedSource[] } }
  | { eventType: 'code.unmerged'; payload: { targetId: string; sources: MergedSource[] } }
  | { eventType: 'code.split'; payload: { sourceId: string; code: Code; codingIds: string[] } }
  | { eventType: 'code.deleted'; payload: { codeId: string; codeIds: string[] } }
  | { eventType: 'code.restored'; payload: { codeId: string; codeIds: string[] } }
  | { eventType: 'coding.added'; payload: { coding: Coding } }
  | { eventType: 'coding.removed'; payload: { coding: Coding } }
  | { eventType: 'coding.recoded'; payload: { codingId: string; from: string; to: string } }
  | { eventType: 'coding.resized'; payload: { codingId: string; from: Anchor; to: Anchor } };

export type CodingEventType = CodingChange['eventType'];

export const CODING_EVENT_TYPES: readonly CodingEventType[] = [
  'code.created',
  'code.renamed',
  'code.edited',
  'code.moved',
  'code.merged',
  'code.unmerged',
  'code.split',
  'code.deleted',
  'code.restored',
  'coding.added',
  'coding.removed',
  'coding.recoded',
  'coding.resized',
];

export function isCodingChange(event: { eventType: string }): event is CodingChange {
  return (CODING_EVENT_TYPES as readonly string[]).includes(event.eventType);
}

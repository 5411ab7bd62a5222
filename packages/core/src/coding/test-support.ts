import { makeAnchor } from '../anchoring/anchor.js';
import { applyCodingChange } from './apply-coding-change.js';
import { type CodingState, emptyCodingState } from './code.js';
import type { CodingChange } from './coding-change.js';
import { codeSpan } from './coding-operations.js';

/** Test helper: applies each change an operation returns, in order. */
export function applyAll(state: CodingState, ...steps: ((s: CodingState) => CodingChange)[]): CodingState {
  return steps.reduce((s, step) => applyCodingChange(s, step(s)), state);
}

export const TRANSCRIPT =
  'P: The nurses were lovely, but nobody told me when I could go home. I felt like a parcel waiting to be posted.';

/** Codes a phrase of TRANSCRIPT. */
export function coded(id: string, codeId: string, phrase: string) {
  return (state: CodingState) => {
    const start = TRANSCRIPT.indexOf(phrase);
    return codeSpan(state, {
      id,
      codeId,
      documentId: 'doc-1',
      versionId: 'v1',
      anchor: makeAnchor(TRANSCRIPT, start, start + phrase.length),
      coderId: 'ana',
      createdAt: '2026-11-23T10:00:00Z',
    });
  };
}

export { emptyCodingState };

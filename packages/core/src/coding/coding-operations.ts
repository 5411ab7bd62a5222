import type { Anchor } from '../anchoring/anchor.js';
import { WeftError } from '../errors.js';
import type { Coding, CodingState } from './code.js';
import { requireCode } from './codebook-rules.js';
import type { CodingChange } from './coding-change.js';

export type NewCoding = Omit<Coding, 'type'>;

function checkAnchor(anchor: Anchor): void {
  const { start, end } = anchor.position;
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || start >= end)
    throw new WeftError('validation', `a coding needs 0 ≤ start < end; got ${start}–${end}`);
  if (anchor.quote.exact.length !== end - start)
    throw new WeftError('validation', 'the quote of a coding must be as long as its range');
}

function requireCoding(state: CodingState, codingId: string): Coding {
  const coding = state.codings[codingId];
  if (!coding) throw new WeftError('not-found', `no coding ${codingId}`, { codingId });
  return coding;
}

/** Applies a code to a span of a document version. */
export function codeSpan(state: CodingState, input: NewCoding): CodingChange {
  if (state.codings[input.id]) throw new WeftError('conflict', `a coding with id ${input.id} already exists`);
  requireCode(state, input.codeId);
  checkAnchor(input.anchor);
  return { eventType: 'coding.added', payload: { coding: { type: 'coding', ...input } } };
}

/** Removes a coding; the event keeps the whole record so an undo puts it back as it was. */
export function uncode(state: CodingState, codingId: string): CodingChange {
  return { eventType: 'coding.removed', payload: { coding: requireCoding(state, codingId) } };
}

/** Moves a coding to another code. */
export function recode(state: CodingState, codingId: string, codeId: string): CodingChange {
  const coding = requireCoding(state, codingId);
  requireCode(state, codeId);
  if (coding.codeId === codeId) throw new WeftError('validation', 'the coding already has that code');
  return { eventType: 'coding.recoded', payload: { codingId, from: coding.codeId, to: codeId } };
}

/** Changes the span a coding covers (same document version). */
export function resizeCoding(state: CodingState, codingId: string, anchor: Anchor): CodingChange {
  const coding = requireCoding(state, codingId);
  checkAnchor(anchor);
  return { eventType: 'coding.resized', payload: { codingId, from: coding.anchor, to: anchor } };
}

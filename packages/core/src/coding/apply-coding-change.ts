import { WeftError } from '../errors.js';
import type { Code, Coding, CodingState } from './code.js';
import { emptyCodingState } from './code.js';
import { type CodingChange, isCodingChange } from './coding-change.js';

/**
 * The fold: the state after one change. Pure (returns new objects, shares what did not change).
 * It trusts the change was validated by the operation that made it, but still refuses one that
 * names a code or coding the state does not have, so a corrupt log fails loudly.
 */
export function applyCodingChange(state: CodingState, change: CodingChange): CodingState {
  const codes = { ...state.codes };
  const codings = { ...state.codings };
  const code = (id: string): Code => {
    const found = codes[id];
    if (!found) throw new WeftError('conflict', `${change.eventType} names unknown code ${id}`);
    return found;
  };
  const coding = (id: string): Coding => {
    const found = codings[id];
    if (!found) throw new WeftError('conflict', `${change.eventType} names unknown coding ${id}`);
    return found;
  };
  const setCode = (id: string, fields: Partial<Code>) => {
    codes[id] = { ...code(id), ...fields };
  };
  const setCoding = (id: string, fields: Partial<Coding>) => {
    codings[id] = { ...coding(id), ...fields };
  };

  switch (change.eventType) {
    case 'code.created':
      codes[change.payload.code.id] = change.payload.code;
      break;
    case 'code.renamed':
      setCode(change.payload.codeId, { name: change.payload.name });
      break;
    case 'code.edited':
      setCode(change.payload.codeId, change.payload.to);
      break;
    case 'code.moved':
      setCode(change.payload.codeId, change.payload.to);
      break;
    case 'code.merged':
      for (const source of change.payload.sources) {
        const { codeId, ...record } = source;
        setCode(codeId, { status: 'merged', merge: record });
        for (const id of source.codingIds) setCoding(id, { codeId: source.targetId });
        for (const child of source.children)
          setCode(child.codeId, { parentId: source.targetId, position: child.targetPosition });
      }
      break;
    case 'code.unmerged':
      for (const source of change.payload.sources) {
        setCode(source.codeId, { status: 'active', merge: null });
        for (const id of source.codingIds) setCoding(id, { codeId: source.codeId });
        for (const child of source.children)
          setCode(child.codeId, { parentId: source.codeId, position: child.position });
      }
      break;
    case 'code.split':
      codes[change.payload.code.id] = change.payload.code;
      for (const id of change.payload.codingIds) setCoding(id, { codeId: change.payload.code.id });
      break;
    case 'code.deleted':
      for (const id of change.payload.codeIds)
        setCode(id, { status: 'deleted', deletedWith: change.payload.codeId });
      break;
    case 'code.restored':
      for (const id of change.payload.codeIds) setCode(id, { status: 'active', deletedWith: null });
      break;
    case 'coding.added':
      codings[change.payload.coding.id] = change.payload.coding;
      break;
    case 'coding.removed':
      coding(change.payload.coding.id);
      delete codings[change.payload.coding.id];
      break;
    case 'coding.recoded':
      setCoding(change.payload.codingId, { codeId: change.payload.to });
      break;
    case 'coding.resized':
      setCoding(change.payload.codingId, { anchor: change.payload.to });
      break;
  }
  return { codes, codings };
}

/** An entry of the event log as the fold needs it (a `ProjectEvent` fits). */
export interface LoggedEvent {
  eventType: string;
  payload: unknown;
  at: string;
}

/** Folds the coding events of a log (other event types are skipped), optionally up to a time. */
export function foldCodingEvents(events: Iterable<LoggedEvent>, asOf?: Date | string): CodingState {
  const limit = asOf === undefined ? Number.POSITIVE_INFINITY : new Date(asOf).getTime();
  if (Number.isNaN(limit)) throw new WeftError('validation', `not a date: ${String(asOf)}`);
  let state = emptyCodingState();
  for (const event of events) {
    if (new Date(event.at).getTime() > limit) continue;
    if (isCodingChange(event)) state = applyCodingChange(state, event);
  }
  return state;
}

/** The codebook as it stood at a time (codes only; statuses as they were then). */
export function codebookAsOf(events: Iterable<LoggedEvent>, date: Date | string): Record<string, Code> {
  return foldCodingEvents(events, date).codes;
}

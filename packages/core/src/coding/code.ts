import type { Anchor } from '../anchoring/anchor.js';

/** The editable description of a code, as a codebook documents it. */
export interface CodeDetails {
  description: string;
  inclusion: string;
  exclusion: string;
  example: string;
  /** CSS colour, e.g. `#1c7ed6`; null lets the interface choose. */
  colour: string | null;
  /** Keyboard shortcut that applies the code (unique among active codes, case-insensitive). */
  shortcut: string | null;
}

/** What a merge moved, kept on each merged code so `unmergeCode` can put it all back. */
export interface MergeRecord {
  targetId: string;
  /** Codings that were on this code and moved to the target. */
  codingIds: string[];
  /** Children that moved under the target: their position before, and under the target. */
  children: { codeId: string; position: number; targetPosition: number }[];
}

export interface Code extends CodeDetails {
  type: 'code';
  id: string;
  parentId: string | null;
  name: string;
  /** Order among siblings (ascending; fractional so a move touches one code). */
  position: number;
  status: 'active' | 'deleted' | 'merged';
  /** For a deleted code: the code whose deletion took it (itself or an ancestor). */
  deletedWith: string | null;
  merge: MergeRecord | null;
}

/** One application of a code to a span of one document version. */
export interface Coding {
  type: 'coding';
  id: string;
  codeId: string;
  documentId: string;
  versionId: string;
  anchor: Anchor;
  coderId: string;
  createdAt: string;
}

/** A project's codebook and codings: plain data, the result of folding coding events. */
export interface CodingState {
  codes: Record<string, Code>;
  codings: Record<string, Coding>;
}

export function emptyCodingState(): CodingState {
  return { codes: {}, codings: {} };
}

/** Active children of a parent (null: the top level), in order. */
export function childrenOf(state: CodingState, parentId: string | null): Code[] {
  return Object.values(state.codes)
    .filter((code) => code.parentId === parentId && code.status === 'active')
    .sort((a, b) => a.position - b.position || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** The code and every code below it, whatever their status. */
export function subtreeOf(state: CodingState, codeId: string): Code[] {
  const byParent = new Map<string, Code[]>();
  for (const code of Object.values(state.codes)) {
    if (code.parentId === null) continue;
    const list = byParent.get(code.parentId) ?? [];
    list.push(code);
    byParent.set(code.parentId, list);
  }
  const root = state.codes[codeId];
  if (!root) return [];
  const out: Code[] = [];
  const stack = [root];
  while (stack.length > 0) {
    const code = stack.pop() as Code;
    out.push(code);
    stack.push(...(byParent.get(code.id) ?? []));
  }
  return out;
}

/** Codings currently on a code. */
export function codingsOf(state: CodingState, codeId: string): Coding[] {
  return Object.values(state.codings).filter((coding) => coding.codeId === codeId);
}

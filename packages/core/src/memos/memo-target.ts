/**
 * What a memo can be written on, and what its "see also" links can point at. A memo on the
 * project has no target id; every other target is a row of its kind in the same project.
 */
export const MEMO_TARGET_KINDS = ['project', 'document', 'case', 'code', 'coding'] as const;
export type MemoTargetKind = (typeof MEMO_TARGET_KINDS)[number];

export interface MemoTarget {
  kind: MemoTargetKind;
  /** Null for the project itself. */
  id: string | null;
}

/**
 * See-also links: to a coded segment or to another memo (what the memo screens offer), and to a
 * document or a code (what REFI-QDA NoteRefs may point at when a project is imported).
 */
export const MEMO_LINK_KINDS = ['coding', 'memo', 'document', 'code'] as const;
export type MemoLinkKind = (typeof MEMO_LINK_KINDS)[number];

export interface MemoLink {
  kind: MemoLinkKind;
  targetId: string;
}

export const MEMO_TITLE_MAX = 200;
export const ANNOTATION_MAX = 2000;

import type { MemoTargetKind } from '@weft/core';

/** Words for what a memo is on. */
export const TARGET_KIND_LABELS: Record<MemoTargetKind, string> = {
  project: 'Project',
  document: 'Document',
  case: 'Case',
  code: 'Code',
  coding: 'Segment',
};

export const TARGET_KIND_COLOURS: Record<MemoTargetKind, string> = {
  project: 'gray',
  document: 'blue',
  case: 'grape',
  code: 'teal',
  coding: 'orange',
};

/** Where the memos page shows one memo. */
export const memoHref = (projectId: string, memoId: string) =>
  `/projects/${encodeURIComponent(projectId)}/memos?memo=${encodeURIComponent(memoId)}`;

export const isMemoEvent = (eventType: string) =>
  eventType.startsWith('memo.') || eventType.startsWith('annotation.') || eventType.startsWith('coding.');

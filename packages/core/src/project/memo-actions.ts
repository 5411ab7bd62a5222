import type { Role } from './role.js';

/**
 * The least role for each memo and annotation action (part of PROJECT_ACTIONS). Writing memos is
 * analysis work: reviewers and up write, viewers read. Who may change an existing memo or
 * annotation is narrower (its author, or a lead): core `mayChangeNote`, checked by the handlers.
 */
export const MEMO_ACTIONS = {
  'memo.read': 'viewer',
  'memo.create': 'reviewer',
  'memo.edit': 'reviewer',
  'memo.delete': 'reviewer',
  'memo.restore': 'reviewer',
  'memo.link': 'reviewer',
  'memo.unlink': 'reviewer',
  'annotation.add': 'reviewer',
  'annotation.edit': 'reviewer',
  'annotation.remove': 'reviewer',
} as const satisfies Record<string, Role>;

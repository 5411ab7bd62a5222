import { annotationAdd, annotationEdit, annotationRemove } from './handlers/memo-annotations.js';
import { memoLink, memoUnlink } from './handlers/memo-links.js';
import { memoCreate, memoDelete, memoEdit, memoRestore } from './handlers/memo-memos.js';

/** Handlers of the memo and annotation commands. */
export const MEMO_HANDLERS = {
  'memo.create': memoCreate,
  'memo.edit': memoEdit,
  'memo.delete': memoDelete,
  'memo.restore': memoRestore,
  'memo.link': memoLink,
  'memo.unlink': memoUnlink,
  'annotation.add': annotationAdd,
  'annotation.edit': annotationEdit,
  'annotation.remove': annotationRemove,
};

import { checkMemoLink, WeftError } from '@weft/core';
import { deleteMemoLink, insertMemoLink } from '@weft/storage';
import { defineHandler } from '../command-handler.js';
import { projectOf, requireProjectAction } from '../require.js';
import { memoToChange, requireInProject } from './memo-memos.js';

/* See-also links of a memo: to a coded segment, another memo, a document or a code. */

export const memoLink = defineHandler({
  type: 'memo.link',
  scope: 'project',
  authorize: (context) => requireProjectAction(context, 'memo.link'),
  async apply(trx, context, payload, at) {
    const project = projectOf(context);
    const memo = await memoToChange(trx, context, payload.memoId);
    const link = checkMemoLink(memo.id, { kind: payload.kind, targetId: payload.targetId });
    await requireInProject(trx, project.id, link.kind, link.targetId);
    if (!(await insertMemoLink(trx, memo.id, link, context.actor.id, at)))
      throw new WeftError('conflict', `“${memo.title}” already links there.`, { memoId: memo.id });
    return {
      result: { memoId: memo.id },
      event: {
        projectId: project.id,
        eventType: 'memo.linked',
        payload: { memoId: memo.id, title: memo.title, ...link },
      },
    };
  },
});

export const memoUnlink = defineHandler({
  type: 'memo.unlink',
  scope: 'project',
  authorize: (context) => requireProjectAction(context, 'memo.unlink'),
  async apply(trx, context, payload) {
    const project = projectOf(context);
    const memo = await memoToChange(trx, context, payload.memoId);
    const link = { kind: payload.kind, targetId: payload.targetId };
    if (!(await deleteMemoLink(trx, memo.id, link)))
      throw new WeftError('not-found', `“${memo.title}” has no such link.`, { memoId: memo.id });
    return {
      result: { memoId: memo.id },
      event: {
        projectId: project.id,
        eventType: 'memo.unlinked',
        payload: { memoId: memo.id, title: memo.title, ...link },
      },
    };
  },
});

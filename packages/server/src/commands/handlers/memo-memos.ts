import { randomUUID } from 'node:crypto';
import {
  checkMemoLink,
  checkMemoTarget,
  type MemoLink,
  type MemoTargetKind,
  mayChangeNote,
  memoTitle,
  richDocText,
  sanitizeRichDoc,
  WeftError,
} from '@weft/core';
import {
  type Database,
  findMemoForUpdate,
  insertMemo,
  insertMemoLink,
  type MemoRow,
  resolveMemoTargets,
  setMemoStatus,
  targetKey,
  updateMemo,
} from '@weft/storage';
import type { Transaction } from 'kysely';
import { type CommandContext, defineHandler } from '../command-handler.js';
import { projectOf, requireProjectAction, staleVersion } from '../require.js';

/* Memo commands: writing a memo on a target, editing it (refused when stale), deleting and restoring. */

/** The memo, or not-found; and, when it is someone else's, forbidden unless the actor is a lead. */
export async function memoToChange(
  trx: Transaction<Database>,
  context: CommandContext,
  memoId: string,
): Promise<MemoRow> {
  const project = projectOf(context);
  const memo = await findMemoForUpdate(trx, project.id, memoId);
  if (!memo) throw new WeftError('not-found', 'That memo does not exist in this project.', { memoId });
  if (!mayChangeNote(context.role, context.actor.id, memo.author_id))
    throw new WeftError(
      'forbidden',
      `“${memo.title}” is another member's memo: only its author or a lead may change it.`,
      {
        projectId: project.id,
        memoId,
      },
    );
  return memo;
}

/** Refuses a target or link that is not in this project. */
export async function requireInProject(
  trx: Transaction<Database>,
  projectId: string,
  kind: MemoTargetKind | MemoLink['kind'],
  id: string | null,
): Promise<void> {
  if (kind === 'project') return;
  const found = await resolveMemoTargets(trx, projectId, [{ kind, id }]);
  if (!found.has(targetKey(kind, id)))
    throw new WeftError('not-found', `That ${kind} does not exist in this project.`, { kind, id });
}

export const memoCreate = defineHandler({
  type: 'memo.create',
  scope: 'project',
  authorize: (context) => requireProjectAction(context, 'memo.create'),
  async apply(trx, context, payload, at) {
    const project = projectOf(context);
    const target = checkMemoTarget({ kind: payload.targetKind, id: payload.targetId ?? null });
    await requireInProject(trx, project.id, target.kind, target.id);
    const content = sanitizeRichDoc(payload.content);
    const plainText = richDocText(content);
    const id = payload.memoId ?? randomUUID();
    const title = memoTitle(payload.title, plainText);
    await insertMemo(
      trx,
      {
        id,
        projectId: project.id,
        title,
        content,
        plainText,
        targetKind: target.kind,
        targetId: target.id,
        authorId: context.actor.id,
      },
      at,
    );
    for (const link of payload.links) {
      checkMemoLink(id, link);
      await requireInProject(trx, project.id, link.kind, link.targetId);
      await insertMemoLink(trx, id, link, context.actor.id, at);
    }
    return {
      result: { memoId: id, version: 1 },
      event: {
        projectId: project.id,
        eventType: 'memo.created',
        payload: { memoId: id, title, targetKind: target.kind, targetId: target.id, links: payload.links },
      },
    };
  },
});

export const memoEdit = defineHandler({
  type: 'memo.edit',
  scope: 'project',
  authorize: (context) => requireProjectAction(context, 'memo.edit'),
  async apply(trx, context, payload, at) {
    const project = projectOf(context);
    const memo = await memoToChange(trx, context, payload.memoId);
    if (memo.status !== 'active')
      throw new WeftError('conflict', `“${memo.title}” is deleted: restore it before editing it.`, {
        memoId: memo.id,
      });
    if (memo.version !== payload.expectedVersion)
      throw staleVersion('memo', {
        version: memo.version,
        title: memo.title,
        content: memo.content,
        updatedAt: new Date(memo.updated_at).toISOString(),
      });
    const content = payload.content ? sanitizeRichDoc(payload.content) : sanitizeRichDoc(memo.content);
    const plainText = richDocText(content);
    const title = memoTitle(payload.title ?? memo.title, plainText);
    const version = memo.version + 1;
    await updateMemo(trx, memo.id, { title, content, plainText }, version, at);
    return {
      result: { memoId: memo.id, version },
      event: {
        projectId: project.id,
        eventType: 'memo.edited',
        payload: { memoId: memo.id, title, version },
      },
    };
  },
});

function statusChange<T extends 'memo.delete' | 'memo.restore'>(type: T) {
  const to = type === 'memo.delete' ? 'deleted' : 'active';
  return defineHandler<T>({
    type,
    scope: 'project',
    authorize: (context) => requireProjectAction(context, type),
    async apply(trx, context, payload, at) {
      const project = projectOf(context);
      const memo = await memoToChange(trx, context, payload.memoId);
      if (memo.status === to)
        throw new WeftError(
          'conflict',
          `“${memo.title}” is already ${to === 'deleted' ? 'deleted' : 'restored'}.`,
          {
            memoId: memo.id,
          },
        );
      await setMemoStatus(trx, memo.id, to, at);
      return {
        result: { memoId: memo.id },
        event: {
          projectId: project.id,
          eventType: to === 'deleted' ? 'memo.deleted' : 'memo.restored',
          payload: { memoId: memo.id, title: memo.title },
        },
      };
    },
  });
}

export const memoDelete = statusChange('memo.delete');
export const memoRestore = statusChange('memo.restore');

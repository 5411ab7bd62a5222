import { randomUUID } from 'node:crypto';
import {
  createCode,
  deleteCode,
  editCode,
  mergeCodes,
  moveCode,
  renameCode,
  restoreCode,
  splitCode,
  unmergeCode,
} from '@weft/core';
import { defineHandler } from '../command-handler.js';
import { projectOf, requireProjectAction } from '../require.js';
import { runCodingChange } from './coding-change.js';

/* Codebook commands: each is a core codebook operation recorded as its own event. */

export const codeCreate = defineHandler({
  type: 'code.create',
  scope: 'project',
  authorize: (context) => requireProjectAction(context, 'code.create'),
  async apply(trx, context, payload, at) {
    const { codeId, ...input } = payload;
    const id = codeId ?? randomUUID();
    const { event } = await runCodingChange(trx, context, at, 'none', (state) =>
      createCode(state, { ...input, id }),
    );
    return { result: { codeId: id }, event };
  },
});

export const codeRename = defineHandler({
  type: 'code.rename',
  scope: 'project',
  authorize: (context) => requireProjectAction(context, 'code.rename'),
  async apply(trx, context, payload, at) {
    const { event } = await runCodingChange(trx, context, at, 'none', (state) =>
      renameCode(state, payload.codeId, payload.name),
    );
    return { result: { codeId: payload.codeId }, event };
  },
});

export const codeEdit = defineHandler({
  type: 'code.edit',
  scope: 'project',
  authorize: (context) => requireProjectAction(context, 'code.edit'),
  async apply(trx, context, payload, at) {
    const { codeId, ...details } = payload;
    const given = Object.fromEntries(Object.entries(details).filter(([, value]) => value !== undefined));
    const { event } = await runCodingChange(trx, context, at, 'none', (state) =>
      editCode(state, codeId, given),
    );
    return { result: { codeId }, event };
  },
});

export const codeMove = defineHandler({
  type: 'code.move',
  scope: 'project',
  authorize: (context) => requireProjectAction(context, 'code.move'),
  async apply(trx, context, payload, at) {
    const { event } = await runCodingChange(trx, context, at, 'none', (state) =>
      moveCode(state, payload.codeId, payload.parentId, payload.index),
    );
    return { result: { codeId: payload.codeId }, event };
  },
});

export const codeDelete = defineHandler({
  type: 'code.delete',
  scope: 'project',
  authorize: (context) => requireProjectAction(context, 'code.delete'),
  async apply(trx, context, payload, at) {
    const { change, event } = await runCodingChange(trx, context, at, 'none', (state) =>
      deleteCode(state, payload.codeId),
    );
    const codeIds = change.eventType === 'code.deleted' ? change.payload.codeIds : [];
    return { result: { codeId: payload.codeId, codeIds }, event };
  },
});

export const codeRestore = defineHandler({
  type: 'code.restore',
  scope: 'project',
  authorize: (context) => requireProjectAction(context, 'code.restore'),
  async apply(trx, context, payload, at) {
    const { change, event } = await runCodingChange(trx, context, at, 'none', (state) =>
      restoreCode(state, payload.codeId),
    );
    const codeIds = change.eventType === 'code.restored' ? change.payload.codeIds : [];
    return { result: { codeId: payload.codeId, codeIds }, event };
  },
});

export const codeMerge = defineHandler({
  type: 'code.merge',
  scope: 'project',
  authorize: (context) => requireProjectAction(context, 'code.merge'),
  async apply(trx, context, payload, at) {
    const { change, event } = await runCodingChange(
      trx,
      context,
      at,
      { codeIds: payload.sourceIds },
      (state) => mergeCodes(state, payload.sourceIds, payload.targetId),
    );
    const codingIds =
      change.eventType === 'code.merged' ? change.payload.sources.flatMap((s) => s.codingIds) : [];
    return { result: { targetId: payload.targetId, codingIds }, event };
  },
});

export const codeUnmerge = defineHandler({
  type: 'code.unmerge',
  scope: 'project',
  authorize: (context) => requireProjectAction(context, 'code.unmerge'),
  async apply(trx, context, payload, at) {
    // Unmerging reads the codings the merge moved, still on its target.
    const merged = await trx
      .selectFrom('codes')
      .select('merge')
      .where('id', '=', payload.codeId)
      .where('project_id', '=', projectOf(context).id)
      .executeTakeFirst();
    const codingIds = (merged?.merge as { codingIds?: string[] } | null)?.codingIds ?? [];
    const { change, event } = await runCodingChange(trx, context, at, { codingIds }, (state) =>
      unmergeCode(state, payload.codeId),
    );
    const moved =
      change.eventType === 'code.unmerged' ? change.payload.sources.flatMap((s) => s.codingIds) : [];
    return { result: { codeId: payload.codeId, codingIds: moved }, event };
  },
});

export const codeSplit = defineHandler({
  type: 'code.split',
  scope: 'project',
  authorize: (context) => requireProjectAction(context, 'code.split'),
  async apply(trx, context, payload, at) {
    const { codeId, ...code } = payload.code;
    const id = codeId ?? randomUUID();
    const { event } = await runCodingChange(trx, context, at, { codingIds: payload.codingIds }, (state) =>
      splitCode(state, { sourceId: payload.sourceId, code: { ...code, id }, codingIds: payload.codingIds }),
    );
    return { result: { codeId: id }, event };
  },
});

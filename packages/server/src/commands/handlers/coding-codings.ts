import { randomUUID } from 'node:crypto';
import {
  type CodingState,
  checkSpanBoundaries,
  codeSpan,
  makeAnchor,
  recode,
  requireMayChangeCoding,
  resizeCoding,
  uncode,
  WeftError,
} from '@weft/core';
import { currentVersionHead, type Database, getDocument, versionTexts } from '@weft/storage';
import type { Transaction } from 'kysely';
import { versionTextCache } from '../../coding/version-text-cache.js';
import { type CommandContext, defineHandler } from '../command-handler.js';
import { projectOf, requireProjectAction } from '../require.js';
import { runCodingChange } from './coding-change.js';

/* Coding commands: applying a code to a span of a document's current version, and changing it. */

/** The text of a document's current version, refusing an older version (it would misplace the span). */
async function currentText(
  trx: Transaction<Database>,
  projectId: string,
  documentId: string,
  versionId: string,
) {
  const document = await getDocument(trx, projectId, documentId);
  if (!document)
    throw new WeftError('not-found', 'That document does not exist in this project.', { documentId });
  const head = await currentVersionHead(trx, documentId);
  if (!head) throw new WeftError('not-found', `“${document.name}” has no text.`, { documentId });
  if (head.id !== versionId)
    throw new WeftError(
      'stale-version',
      `“${document.name}” was edited since you opened it (now version ${head.version}): reload it and code again.`,
      { documentId, versionId: head.id, version: head.version },
    );
  const text = await versionTextCache.get(head.id, async () =>
    (await versionTexts(trx, [head.id])).get(head.id),
  );
  if (text === undefined) throw new WeftError('not-found', `“${document.name}” has no text.`, { documentId });
  return text;
}

/** The coding, if the actor may change it (its coder, or a lead); a missing one is left to core to refuse. */
function ownCoding(state: CodingState, context: CommandContext, codingId: string) {
  const coding = state.codings[codingId];
  if (coding) requireMayChangeCoding(context.role, context.actor.id, coding, projectOf(context).id);
  return coding;
}

/** The anchor of a span a person placed: its ends must fall between whole characters. */
function placedAnchor(text: string, start: number, end: number) {
  checkSpanBoundaries(text, start, end);
  return makeAnchor(text, start, end);
}

export const codingAdd = defineHandler({
  type: 'coding.add',
  scope: 'project',
  authorize: (context) => requireProjectAction(context, 'coding.add'),
  async apply(trx, context, payload, at) {
    const project = projectOf(context);
    const text = await currentText(trx, project.id, payload.documentId, payload.versionId);
    const id = payload.codingId ?? randomUUID();
    const { event } = await runCodingChange(trx, context, at, { codingIds: [id] }, (state) =>
      codeSpan(state, {
        id,
        codeId: payload.codeId,
        documentId: payload.documentId,
        versionId: payload.versionId,
        anchor: placedAnchor(text, payload.start, payload.end),
        coderId: context.actor.id,
        createdAt: at.toISOString(),
      }),
    );
    return { result: { codingId: id }, event };
  },
});

export const codingRemove = defineHandler({
  type: 'coding.remove',
  scope: 'project',
  authorize: (context) => requireProjectAction(context, 'coding.remove'),
  async apply(trx, context, payload, at) {
    const { event } = await runCodingChange(trx, context, at, { codingIds: [payload.codingId] }, (state) => {
      ownCoding(state, context, payload.codingId);
      return uncode(state, payload.codingId);
    });
    return { result: { codingId: payload.codingId }, event };
  },
});

export const codingRecode = defineHandler({
  type: 'coding.recode',
  scope: 'project',
  authorize: (context) => requireProjectAction(context, 'coding.recode'),
  async apply(trx, context, payload, at) {
    const { event } = await runCodingChange(trx, context, at, { codingIds: [payload.codingId] }, (state) => {
      ownCoding(state, context, payload.codingId);
      return recode(state, payload.codingId, payload.codeId);
    });
    return { result: { codingId: payload.codingId }, event };
  },
});

export const codingResize = defineHandler({
  type: 'coding.resize',
  scope: 'project',
  authorize: (context) => requireProjectAction(context, 'coding.resize'),
  async apply(trx, context, payload, at) {
    const project = projectOf(context);
    const { event } = await runCodingChange(
      trx,
      context,
      at,
      { codingIds: [payload.codingId] },
      async (state) => {
        const coding = ownCoding(state, context, payload.codingId);
        if (!coding) throw new WeftError('not-found', `no coding ${payload.codingId}`);
        const text = await currentText(trx, project.id, coding.documentId, coding.versionId);
        return resizeCoding(state, payload.codingId, placedAnchor(text, payload.start, payload.end));
      },
    );
    // A person placing the span settles an orphan or fuzzy match.
    await trx
      .updateTable('codings')
      .set({ anchor_status: 'kept', score: 1, coded_exact: null })
      .where('id', '=', payload.codingId)
      .execute();
    return { result: { codingId: payload.codingId }, event };
  },
});

import { WeftError } from '@weft/core';
import {
  type Database,
  findRecords,
  getPrismaSettings,
  linkStudy,
  savePrismaSettings,
  setRetrieval,
  unlinkStudy,
} from '@weft/storage';
import type { Transaction } from 'kysely';
import { defineHandler } from '../command-handler.js';
import { projectOf, requireProjectAction, staleVersion } from '../require.js';

/*
 * Facts about reports (full texts) that PRISMA 2020 counts: whether each could be retrieved,
 * and which reports describe the same study. Each is an attributed, reversible event.
 */

async function requireRecords(trx: Transaction<Database>, projectId: string, ids: readonly string[]) {
  const found = await findRecords(trx, projectId, ids);
  if (found.length !== new Set(ids).size)
    throw new WeftError('not-found', 'Some of these records do not exist in the project.');
  return found;
}

export const reportSetRetrieval = defineHandler({
  type: 'report.set-retrieval',
  scope: 'project',
  authorize: (context) => requireProjectAction(context, 'report.set-retrieval'),
  async apply(trx, context, payload, at) {
    const project = projectOf(context);
    await requireRecords(trx, project.id, [payload.recordId]);
    await setRetrieval(
      trx,
      project.id,
      payload.recordId,
      payload.retrieval,
      payload.note,
      context.actor.id,
      at,
    );
    return {
      result: { recordId: payload.recordId },
      event: {
        projectId: project.id,
        eventType: 'report.retrieval-set',
        payload: { recordId: payload.recordId, retrieval: payload.retrieval, note: payload.note },
      },
    };
  },
});

export const reportLinkStudy = defineHandler({
  type: 'report.link-study',
  scope: 'project',
  authorize: (context) => requireProjectAction(context, 'report.link-study'),
  async apply(trx, context, payload, at) {
    const project = projectOf(context);
    if (!payload.recordIds.includes(payload.studyRecordId))
      throw new WeftError('validation', 'The study must be named after one of the reports being linked.');
    await requireRecords(trx, project.id, payload.recordIds);
    const recordIds = await linkStudy(
      trx,
      project.id,
      payload.recordIds,
      payload.studyRecordId,
      context.actor.id,
      at,
    );
    return {
      result: { studyId: payload.studyRecordId, recordIds },
      event: {
        projectId: project.id,
        eventType: 'report.study-linked',
        payload: { studyId: payload.studyRecordId, recordIds },
      },
    };
  },
});

export const reportUnlinkStudy = defineHandler({
  type: 'report.unlink-study',
  scope: 'project',
  authorize: (context) => requireProjectAction(context, 'report.unlink-study'),
  async apply(trx, context, payload, at) {
    const project = projectOf(context);
    await requireRecords(trx, project.id, [payload.recordId]);
    const { previousStudyId } = await unlinkStudy(trx, project.id, payload.recordId, context.actor.id, at);
    return {
      result: { previousStudyId },
      event: {
        projectId: project.id,
        eventType: 'report.study-unlinked',
        payload: { recordId: payload.recordId, previousStudyId },
      },
    };
  },
});

export const prismaConfigure = defineHandler({
  type: 'prisma.configure',
  scope: 'project',
  authorize: (context) => requireProjectAction(context, 'prisma.configure'),
  async apply(trx, context, payload) {
    const project = projectOf(context);
    const version = await savePrismaSettings(trx, project.id, payload, payload.expectedVersion);
    if (version === false)
      throw staleVersion('PRISMA diagram settings', await getPrismaSettings(trx, project.id));
    return {
      result: { version },
      event: {
        projectId: project.id,
        eventType: 'prisma.configured',
        payload: { labels: payload.labels, previous: payload.previous },
      },
    };
  },
});

import { randomUUID } from 'node:crypto';
import { DOCUMENT_CLASSIFICATION, WeftError } from '@weft/core';
import { insertCase, updateCase } from '@weft/storage';
import { defineHandler } from '../command-handler.js';
import { projectOf, requireProjectAction } from '../require.js';
import { classificationOf, refuseTakenCaseName, requireCase } from './case-lookup.js';

/* Cases: created in a classification, renamed and described, deleted (reversibly) and restored. */

export const caseCreate = defineHandler({
  type: 'case.create',
  scope: 'project',
  authorize: (context) => requireProjectAction(context, 'case.create'),
  async apply(trx, context, payload, at) {
    const project = projectOf(context);
    const classification = classificationOf(payload.classification);
    if (classification === DOCUMENT_CLASSIFICATION)
      throw new WeftError(
        'validation',
        '“document” holds document attributes; a case needs another classification.',
      );
    await refuseTakenCaseName(trx, project.id, classification, payload.name);
    const caseId = payload.caseId ?? randomUUID();
    const name = payload.name.trim();
    await insertCase(
      trx,
      {
        id: caseId,
        projectId: project.id,
        classification,
        name,
        description: payload.description,
        studyId: null,
      },
      context.actor.id,
      at,
    );
    return {
      result: { caseId },
      event: { projectId: project.id, eventType: 'case.created', payload: { caseId, classification, name } },
    };
  },
});

export const caseEdit = defineHandler({
  type: 'case.edit',
  scope: 'project',
  authorize: (context) => requireProjectAction(context, 'case.edit'),
  async apply(trx, context, payload) {
    const project = projectOf(context);
    const row = await requireCase(trx, project.id, payload.caseId);
    if (row.status !== 'active')
      throw new WeftError('conflict', `The case “${row.name}” is deleted: restore it first.`);
    const name = payload.name?.trim();
    if (name !== undefined) await refuseTakenCaseName(trx, project.id, row.classification, name, row.id);
    await updateCase(trx, row.id, { name, description: payload.description });
    return {
      result: { caseId: row.id },
      event: {
        projectId: project.id,
        eventType: 'case.edited',
        payload: { caseId: row.id, name: name ?? row.name, from: row.name, description: payload.description },
      },
    };
  },
});

export const caseDelete = defineHandler({
  type: 'case.delete',
  scope: 'project',
  authorize: (context) => requireProjectAction(context, 'case.delete'),
  async apply(trx, context, payload) {
    const project = projectOf(context);
    const row = await requireCase(trx, project.id, payload.caseId);
    if (row.status === 'deleted')
      throw new WeftError('conflict', `The case “${row.name}” is already deleted.`);
    // Values and document links stay, so restoring brings the case back whole.
    await updateCase(trx, row.id, { status: 'deleted' });
    return {
      result: { caseId: row.id },
      event: {
        projectId: project.id,
        eventType: 'case.deleted',
        payload: { caseId: row.id, name: row.name },
      },
    };
  },
});

export const caseRestore = defineHandler({
  type: 'case.restore',
  scope: 'project',
  authorize: (context) => requireProjectAction(context, 'case.restore'),
  async apply(trx, context, payload) {
    const project = projectOf(context);
    const row = await requireCase(trx, project.id, payload.caseId);
    if (row.status === 'active') throw new WeftError('conflict', `The case “${row.name}” is not deleted.`);
    await refuseTakenCaseName(trx, project.id, row.classification, row.name, row.id);
    await updateCase(trx, row.id, { status: 'active' });
    return {
      result: { caseId: row.id },
      event: {
        projectId: project.id,
        eventType: 'case.restored',
        payload: { caseId: row.id, name: row.name },
      },
    };
  },
});

import { randomUUID } from 'node:crypto';
import { annotationText, mayChangeNote, WeftError } from '@weft/core';
import { type Database, findAnnotationForUpdate, insertAnnotation, updateAnnotation } from '@weft/storage';
import type { Transaction } from 'kysely';
import { type CommandContext, defineHandler } from '../command-handler.js';
import { projectOf, requireProjectAction, staleVersion } from '../require.js';

/* Annotations: short notes on a coded segment, owned like memos (author or lead may change). */

async function annotationToChange(trx: Transaction<Database>, context: CommandContext, annotationId: string) {
  const project = projectOf(context);
  const annotation = await findAnnotationForUpdate(trx, project.id, annotationId);
  if (annotation?.status !== 'active')
    throw new WeftError('not-found', 'That annotation does not exist in this project.', { annotationId });
  if (!mayChangeNote(context.role, context.actor.id, annotation.author_id))
    throw new WeftError(
      'forbidden',
      "This is another member's annotation: only its author or a lead may change it.",
      {
        projectId: project.id,
        annotationId,
      },
    );
  return annotation;
}

export const annotationAdd = defineHandler({
  type: 'annotation.add',
  scope: 'project',
  authorize: (context) => requireProjectAction(context, 'annotation.add'),
  async apply(trx, context, payload, at) {
    const project = projectOf(context);
    const coding = await trx
      .selectFrom('codings')
      .select(['id', 'document_id', 'status'])
      .where('id', '=', payload.codingId)
      .where('project_id', '=', project.id)
      .executeTakeFirst();
    if (coding?.status !== 'active')
      throw new WeftError(
        'not-found',
        'That coding does not exist in this project (it may have been removed).',
        {
          codingId: payload.codingId,
        },
      );
    const id = payload.annotationId ?? randomUUID();
    const text = annotationText(payload.text);
    await insertAnnotation(
      trx,
      { id, projectId: project.id, codingId: coding.id, text, authorId: context.actor.id },
      at,
    );
    return {
      result: { annotationId: id },
      event: {
        projectId: project.id,
        eventType: 'annotation.added',
        payload: { annotationId: id, codingId: coding.id, documentId: coding.document_id },
      },
    };
  },
});

export const annotationEdit = defineHandler({
  type: 'annotation.edit',
  scope: 'project',
  authorize: (context) => requireProjectAction(context, 'annotation.edit'),
  async apply(trx, context, payload, at) {
    const project = projectOf(context);
    const annotation = await annotationToChange(trx, context, payload.annotationId);
    if (annotation.version !== payload.expectedVersion)
      throw staleVersion('annotation', { version: annotation.version, text: annotation.text });
    const version = annotation.version + 1;
    await updateAnnotation(trx, annotation.id, { text: annotationText(payload.text) }, version, at);
    return {
      result: { annotationId: annotation.id, version },
      event: {
        projectId: project.id,
        eventType: 'annotation.edited',
        payload: { annotationId: annotation.id, codingId: annotation.coding_id },
      },
    };
  },
});

export const annotationRemove = defineHandler({
  type: 'annotation.remove',
  scope: 'project',
  authorize: (context) => requireProjectAction(context, 'annotation.remove'),
  async apply(trx, context, payload, at) {
    const project = projectOf(context);
    const annotation = await annotationToChange(trx, context, payload.annotationId);
    await updateAnnotation(trx, annotation.id, { status: 'removed' }, annotation.version + 1, at);
    return {
      result: { annotationId: annotation.id },
      event: {
        projectId: project.id,
        eventType: 'annotation.removed',
        payload: { annotationId: annotation.id, codingId: annotation.coding_id },
      },
    };
  },
});

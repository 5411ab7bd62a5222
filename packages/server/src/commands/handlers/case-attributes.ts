import { randomUUID } from 'node:crypto';
import { choiceOptionsProblem, DOCUMENT_CLASSIFICATION, parseAttributeValue, WeftError } from '@weft/core';
import { getDocument, insertAttribute, updateAttribute, writeAttributeValue } from '@weft/storage';
import { defineHandler } from '../command-handler.js';
import { projectOf, requireProjectAction } from '../require.js';
import { classificationOf, refuseTakenAttributeName, requireAttribute, requireCase } from './case-lookup.js';

/* Attributes: defined per classification with a type, renamed, their options edited, removed; values set. */

function checkedOptions(valueType: string, options: readonly string[]): string[] {
  if (valueType !== 'choice') {
    if (options.length > 0) throw new WeftError('validation', 'Only a choice attribute has options.');
    return [];
  }
  const trimmed = options.map((o) => o.trim());
  const problem = choiceOptionsProblem(trimmed);
  if (problem) throw new WeftError('validation', problem);
  return trimmed;
}

export const attributeDefine = defineHandler({
  type: 'attribute.define',
  scope: 'project',
  authorize: (context) => requireProjectAction(context, 'attribute.define'),
  async apply(trx, context, payload, at) {
    const project = projectOf(context);
    const classification = classificationOf(payload.classification);
    const name = payload.name.trim();
    await refuseTakenAttributeName(trx, project.id, classification, name);
    const options = checkedOptions(payload.valueType, payload.options);
    const attributeId = payload.attributeId ?? randomUUID();
    await insertAttribute(
      trx,
      { id: attributeId, projectId: project.id, classification, name, valueType: payload.valueType, options },
      context.actor.id,
      at,
    );
    return {
      result: { attributeId },
      event: {
        projectId: project.id,
        eventType: 'attribute.defined',
        payload: { attributeId, classification, name, valueType: payload.valueType, options },
      },
    };
  },
});

export const attributeEdit = defineHandler({
  type: 'attribute.edit',
  scope: 'project',
  authorize: (context) => requireProjectAction(context, 'attribute.edit'),
  async apply(trx, context, payload) {
    const project = projectOf(context);
    const attribute = await requireAttribute(trx, project.id, payload.attributeId);
    const name = payload.name?.trim();
    if (name !== undefined)
      await refuseTakenAttributeName(trx, project.id, attribute.classification, name, attribute.id);
    const options =
      payload.options === undefined ? undefined : checkedOptions(attribute.valueType, payload.options);
    if (options !== undefined) {
      // A value must stay one of the options: dropping one still in use would leave it meaningless.
      const used = await trx
        .selectFrom('attribute_values')
        .select(['value'])
        .where('attribute_id', '=', attribute.id)
        .execute();
      const orphaned = used.map((u) => u.value).filter((v) => !options.includes(v));
      if (orphaned.length > 0)
        throw new WeftError(
          'conflict',
          `${orphaned.length} value${orphaned.length === 1 ? ' is' : 's are'} “${orphaned[0]}”, which the new options leave out: change ${orphaned.length === 1 ? 'it' : 'them'} first.`,
        );
    }
    await updateAttribute(trx, attribute.id, { name, options });
    return {
      result: { attributeId: attribute.id },
      event: {
        projectId: project.id,
        eventType: 'attribute.edited',
        payload: { attributeId: attribute.id, name: name ?? attribute.name, from: attribute.name, options },
      },
    };
  },
});

export const attributeRemove = defineHandler({
  type: 'attribute.remove',
  scope: 'project',
  authorize: (context) => requireProjectAction(context, 'attribute.remove'),
  async apply(trx, context, payload) {
    const project = projectOf(context);
    const attribute = await requireAttribute(trx, project.id, payload.attributeId);
    // Values are kept with the removed definition: the event log and a future restore can show them.
    await updateAttribute(trx, attribute.id, { status: 'removed' });
    return {
      result: { attributeId: attribute.id },
      event: {
        projectId: project.id,
        eventType: 'attribute.removed',
        payload: {
          attributeId: attribute.id,
          name: attribute.name,
          classification: attribute.classification,
        },
      },
    };
  },
});

export const attributeSet = defineHandler({
  type: 'attribute.set',
  scope: 'project',
  authorize: (context) => requireProjectAction(context, 'attribute.set'),
  async apply(trx, context, payload, at) {
    const project = projectOf(context);
    const attribute = await requireAttribute(trx, project.id, payload.attributeId);
    let targetName: string;
    if (attribute.classification === DOCUMENT_CLASSIFICATION) {
      const document = await getDocument(trx, project.id, payload.targetId);
      if (!document) throw new WeftError('not-found', 'That document does not exist in this project.');
      targetName = document.name;
    } else {
      const target = await requireCase(trx, project.id, payload.targetId);
      if (target.classification !== attribute.classification)
        throw new WeftError(
          'validation',
          `“${attribute.name}” is a ${attribute.classification} attribute; “${target.name}” is a ${target.classification} case.`,
        );
      if (target.status !== 'active')
        throw new WeftError('conflict', `The case “${target.name}” is deleted: restore it first.`);
      targetName = target.name;
    }
    const parsed = parseAttributeValue(attribute, payload.value);
    if (!parsed.ok) throw new WeftError('validation', parsed.message, { attributeId: attribute.id });
    const previous = await writeAttributeValue(
      trx,
      project.id,
      attribute.id,
      payload.targetId,
      parsed.value,
      context.actor.id,
      at,
    );
    return {
      result: { attributeId: attribute.id, targetId: payload.targetId, value: parsed.value },
      event: {
        projectId: project.id,
        eventType: 'attribute.set',
        payload: {
          attributeId: attribute.id,
          attributeName: attribute.name,
          classification: attribute.classification,
          targetId: payload.targetId,
          targetName,
          value: parsed.value,
          previous,
        },
      },
    };
  },
});

import { randomUUID } from 'node:crypto';
import { WeftError } from '@weft/core';
import { insertAttribute, insertCase, updateCase, writeAttributeValue } from '@weft/storage';
import { defineHandler } from '../command-handler.js';
import { projectOf, requireProjectAction } from '../require.js';
import { describeImportProblems, planClassificationImport } from './case-import-plan.js';

/**
 * A classification sheet from CSV: every row and cell is checked first, and one bad cell refuses
 * the whole file (naming line and column) so a half-imported sheet never needs cleaning up.
 */
export const classificationImport = defineHandler({
  type: 'classification.import',
  scope: 'project',
  authorize: (context) => requireProjectAction(context, 'classification.import'),
  async apply(trx, context, payload, at) {
    const project = projectOf(context);
    const plan = await planClassificationImport(
      trx,
      project.id,
      payload.classification,
      payload.fileName,
      payload.text,
    );
    const { check } = plan;
    if (check.problems.length > 0)
      throw new WeftError('bad-input', describeImportProblems(payload.fileName, check.problems), {
        problems: check.problems,
      });
    const attributeIds = new Map<string, string>();
    for (const [column, attribute] of plan.attributes) {
      if (attribute) {
        attributeIds.set(column, attribute.id);
        continue;
      }
      const id = randomUUID();
      await insertAttribute(
        trx,
        {
          id,
          projectId: project.id,
          classification: check.classification,
          name: column,
          valueType: 'text',
          options: [],
        },
        context.actor.id,
        at,
      );
      attributeIds.set(column, id);
    }
    for (const row of plan.rows) {
      let caseId = row.existing?.id;
      if (caseId === undefined) {
        caseId = randomUUID();
        await insertCase(
          trx,
          {
            id: caseId,
            projectId: project.id,
            classification: check.classification,
            name: row.name,
            description: row.description ?? '',
            studyId: null,
          },
          context.actor.id,
          at,
        );
      } else if (row.description !== undefined) {
        await updateCase(trx, caseId, { description: row.description });
      }
      for (const [column, value] of Object.entries(row.values)) {
        const attributeId = attributeIds.get(column);
        if (attributeId)
          await writeAttributeValue(trx, project.id, attributeId, caseId, value, context.actor.id, at);
      }
    }
    const result = {
      created: check.newCases.length,
      updated: check.updatedCases,
      values: check.values,
      attributesDefined: check.newAttributes,
    };
    return {
      result,
      event: {
        projectId: project.id,
        eventType: 'classification.imported',
        payload: { classification: check.classification, fileName: payload.fileName, ...result },
      },
    };
  },
});

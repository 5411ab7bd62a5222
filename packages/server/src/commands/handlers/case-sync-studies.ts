import { randomUUID } from 'node:crypto';
import {
  deriveStudyAttributes,
  disambiguateNames,
  parseAttributeValue,
  STUDY_ATTRIBUTES,
  studyCaseName,
} from '@weft/core';
import {
  attributeValues,
  insertAttribute,
  insertCase,
  listAttributes,
  listCases,
  listIncludedStudies,
  writeAttributeValue,
} from '@weft/storage';
import { defineHandler } from '../command-handler.js';
import { projectOf, requireProjectAction } from '../require.js';

const STUDY = 'study';

/**
 * One study case per included study (final include at the last screening stage), named as
 * reviews cite ("Alderwick 2021"), with the attributes derived from its report's metadata.
 * Run again, it adds newly included studies and refreshes derived values; a value the metadata
 * does not give is left as a reviewer typed it, and a study case someone deleted stays deleted.
 */
export const caseSyncStudies = defineHandler({
  type: 'case.sync-studies',
  scope: 'project',
  authorize: (context) => requireProjectAction(context, 'case.sync-studies'),
  async apply(trx, context, _payload, at) {
    const project = projectOf(context);
    const by = context.actor.id;
    const studies = await listIncludedStudies(trx, project.id);
    const attributes = await listAttributes(trx, project.id, { classification: STUDY });
    const byName = new Map(attributes.map((a) => [a.name.toLowerCase(), a]));
    for (const spec of STUDY_ATTRIBUTES) {
      if (byName.has(spec.name.toLowerCase())) continue;
      const id = randomUUID();
      const row = {
        id,
        projectId: project.id,
        classification: STUDY,
        name: spec.name,
        valueType: spec.valueType,
        options: [],
      };
      await insertAttribute(trx, row, by, at);
      byName.set(spec.name.toLowerCase(), {
        ...row,
        type: 'attribute-definition',
        status: 'active',
        position: 0,
      });
    }

    const cases = await listCases(trx, project.id, STUDY);
    const caseOfStudy = new Map(
      cases.filter((c) => c.study_id !== null).map((c) => [c.study_id as string, c]),
    );
    const fresh = studies.filter((s) => !caseOfStudy.has(s.studyId));
    const taken = new Set(cases.filter((c) => c.status === 'active').map((c) => c.name.toLowerCase()));
    const names = disambiguateNames(fresh.map((s) => studyCaseName(s.record)));
    const caseIds: string[] = [];
    const created = new Set<string>();
    for (const [i, study] of fresh.entries()) {
      let name = names[i] ?? 'Study';
      for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${names[i]} (${n})`;
      taken.add(name.toLowerCase());
      const id = randomUUID();
      const description = study.record.title ?? '';
      await insertCase(
        trx,
        { id, projectId: project.id, classification: STUDY, name, description, studyId: study.studyId },
        by,
        at,
      );
      caseOfStudy.set(study.studyId, { id, status: 'active' } as (typeof cases)[number]);
      created.add(id);
    }

    const existing = await attributeValues(
      trx,
      project.id,
      [...caseOfStudy.values()].map((c) => c.id),
    );
    let updated = 0;
    for (const study of studies) {
      const row = caseOfStudy.get(study.studyId);
      if (row?.status !== 'active') continue;
      caseIds.push(row.id);
      const current = existing.get(row.id) ?? {};
      let changed = false;
      for (const [name, raw] of Object.entries(deriveStudyAttributes(study.record))) {
        const attribute = byName.get(name.toLowerCase());
        if (!attribute) continue;
        const parsed = parseAttributeValue(attribute, raw);
        // A reviewer may have retyped an attribute (Year as text): a value that does not fit is skipped.
        if (!parsed.ok || parsed.value === null || current[attribute.id] === parsed.value) continue;
        await writeAttributeValue(trx, project.id, attribute.id, row.id, parsed.value, by, at);
        changed = true;
      }
      if (changed && !created.has(row.id)) updated++;
    }
    const result = { created: created.size, updated, caseIds };
    return {
      result,
      event: {
        projectId: project.id,
        eventType: 'case.studies-synced',
        payload: { created: created.size, updated, studies: studies.length },
      },
    };
  },
});

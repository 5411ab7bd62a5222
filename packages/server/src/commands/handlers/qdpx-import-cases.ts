import { randomUUID } from 'node:crypto';
import { type AttributeType, DOCUMENT_CLASSIFICATION, parseAttributeValue } from '@weft/core';
import type { QdeProject, QdeVariableType, QdeVariableValue } from '@weft/formats';
import type { QdpxNotImported } from '@weft/protocol';
import type { NewAttribute, NewCase } from '@weft/storage';

/** REFI cases have no classification of their own: they land in one named after the format. */
export const QDPX_CASE_CLASSIFICATION = 'case';

const TYPE_OF: Record<QdeVariableType, AttributeType> = {
  Text: 'text',
  Boolean: 'boolean',
  Integer: 'number',
  Float: 'number',
  Date: 'date',
  // Weft attributes have no date-time type: the value is kept as written.
  DateTime: 'text',
};

export interface QdpxCasesPlan {
  cases: NewCase[];
  attributes: NewAttribute[];
  values: { attributeId: string; targetId: string; value: string }[];
  /** document id → case id (a document belongs to at most one case in Weft). */
  documentCases: Map<string, string>;
  variables: number;
  adapted: string[];
  notImported: QdpxNotImported[];
}

/**
 * Cases become cases of the classification `case`, with the documents of their sources; variables
 * become attributes of the classification they are used in (`case`, or `document` for source
 * variables), typed as Weft types; each value is read like a typed cell, and one that does not
 * parse is left out and counted.
 */
export function planQdpxCases(
  project: QdeProject,
  documentOfSource: ReadonlyMap<string, string>,
  projectId: string,
): QdpxCasesPlan {
  const plan: QdpxCasesPlan = {
    cases: [],
    attributes: [],
    values: [],
    documentCases: new Map(),
    variables: 0,
    adapted: [],
    notImported: [],
  };
  const variables = new Map(project.variables.map((v) => [v.guid.toLowerCase(), v]));
  const attributeOf = new Map<string, NewAttribute>();
  let badValues = 0;
  let unknownVariables = 0;
  const addValues = (classification: string, targetId: string, values: readonly QdeVariableValue[]) => {
    for (const v of values) {
      const variable = variables.get(v.variableGuid.toLowerCase());
      if (!variable) {
        unknownVariables++;
        continue;
      }
      const key = `${classification}|${variable.guid.toLowerCase()}`;
      let attribute = attributeOf.get(key);
      if (!attribute) {
        attribute = {
          id: randomUUID(),
          projectId,
          classification,
          name: variable.name.trim().slice(0, 200) || 'Variable',
          valueType: TYPE_OF[variable.type],
          options: [],
        };
        attributeOf.set(key, attribute);
        plan.attributes.push(attribute);
      }
      const parsed = parseAttributeValue(attribute, v.value);
      if (!parsed.ok) badValues++;
      else if (parsed.value !== null)
        plan.values.push({ attributeId: attribute.id, targetId, value: parsed.value });
    }
  };

  let sharedSources = 0;
  let selectionRefs = 0;
  for (const c of project.cases) {
    const id = randomUUID();
    plan.cases.push({
      id,
      projectId,
      classification: QDPX_CASE_CLASSIFICATION,
      name: (c.name ?? '').trim() || `Case ${plan.cases.length + 1}`,
      description: c.description ?? '',
      studyId: null,
    });
    for (const ref of c.sourceRefs) {
      const documentId = documentOfSource.get(ref.toLowerCase());
      if (!documentId) continue;
      if (plan.documentCases.has(documentId)) sharedSources++;
      else plan.documentCases.set(documentId, id);
    }
    selectionRefs += c.selectionRefs.length + c.codeRefs.length;
    addValues(QDPX_CASE_CLASSIFICATION, id, c.variableValues);
  }
  for (const source of project.sources) {
    const documentId = documentOfSource.get(source.guid.toLowerCase());
    if (documentId) addValues(DOCUMENT_CLASSIFICATION, documentId, source.variableValues);
  }
  plan.variables = plan.attributes.length;
  const unused = project.variables.filter(
    (v) => ![...attributeOf.keys()].some((k) => k.endsWith(`|${v.guid.toLowerCase()}`)),
  ).length;

  if (project.variables.some((v) => v.type === 'DateTime'))
    plan.adapted.push(
      'date-time variables became text attributes (Weft attributes hold dates without a time)',
    );
  if (sharedSources > 0)
    plan.adapted.push(`${sharedSources} sources in more than one case stay with their first case`);
  if (selectionRefs > 0)
    plan.notImported.push({
      what: 'case members that are selections or codes',
      count: selectionRefs,
      why: 'a Weft case holds documents',
    });
  if (badValues > 0)
    plan.notImported.push({
      what: 'variable values',
      count: badValues,
      why: 'they do not read as their variable’s type',
    });
  if (unknownVariables > 0)
    plan.notImported.push({
      what: 'variable values',
      count: unknownVariables,
      why: 'they name a variable the file does not define',
    });
  if (unused > 0)
    plan.notImported.push({
      what: 'variables',
      count: unused,
      why: 'no case or source has a value for them',
    });
  return plan;
}

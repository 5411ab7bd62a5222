import { BUILT_IN_CLASSIFICATIONS, classificationLabel, DOCUMENT_CLASSIFICATION } from '@weft/core';
import type {
  AttributeView,
  CaseDocumentLink,
  CasesResponse,
  CaseView,
  ClassificationSummary,
} from '@weft/protocol';
import type { CaseRow, DocumentRow, StoredAttribute } from '@weft/storage';

/* Shapes cases, attributes and document links into classification sheets. */

export function presentAttribute(a: StoredAttribute): AttributeView {
  return {
    id: a.id,
    classification: a.classification,
    name: a.name,
    valueType: a.valueType,
    options: a.options,
  };
}

export function presentDocumentLink(d: DocumentRow): CaseDocumentLink {
  return { id: d.id, name: d.name, folder: d.folder, caseId: d.case_id, studyId: d.study_id };
}

export function presentCases(
  cases: readonly CaseRow[],
  attributes: readonly StoredAttribute[],
  values: Map<string, Record<string, string>>,
  documents: readonly DocumentRow[],
): CasesResponse {
  const active = new Set(attributes.map((a) => a.id));
  const views: CaseView[] = cases.map((c) => {
    const own = values.get(c.id) ?? {};
    return {
      id: c.id,
      classification: c.classification,
      name: c.name,
      description: c.description,
      studyId: c.study_id,
      status: c.status,
      // Values of removed attributes stay stored but leave the sheet.
      values: Object.fromEntries(Object.entries(own).filter(([id]) => active.has(id))),
      documentIds: documents
        .filter((d) => d.case_id === c.id || (c.study_id !== null && d.study_id === c.study_id))
        .map((d) => d.id),
    };
  });
  views.sort((a, b) => (a.status === b.status ? 0 : a.status === 'active' ? -1 : 1));

  const names = new Set<string>(BUILT_IN_CLASSIFICATIONS);
  for (const c of cases) names.add(c.classification);
  for (const a of attributes) if (a.classification !== DOCUMENT_CLASSIFICATION) names.add(a.classification);
  const builtIn = new Set<string>(BUILT_IN_CLASSIFICATIONS);
  const classifications: ClassificationSummary[] = [...names]
    .sort(
      (a, b) => Number(builtIn.has(b)) - Number(builtIn.has(a)) || (builtIn.has(a) ? 0 : a.localeCompare(b)),
    )
    .map((name) => ({
      name,
      label: classificationLabel(name),
      builtIn: builtIn.has(name),
      caseCount: cases.filter((c) => c.classification === name && c.status === 'active').length,
      attributeCount: attributes.filter((a) => a.classification === name).length,
    }));
  return {
    classifications,
    attributes: attributes.map(presentAttribute),
    cases: views,
    documents: documents.map(presentDocumentLink),
  };
}

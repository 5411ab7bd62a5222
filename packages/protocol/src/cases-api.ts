import type { AttributeType } from '@weft/core';

/** Response shapes of the case and attribute read routes (classification sheets). */

export interface AttributeView {
  id: string;
  classification: string;
  name: string;
  valueType: AttributeType;
  options: string[];
}

export interface CaseView {
  id: string;
  classification: string;
  name: string;
  description: string;
  /** For a study case: the study it mirrors. */
  studyId: string | null;
  status: 'active' | 'deleted';
  /** Canonical values by attribute id; an attribute without a value is absent. */
  values: Record<string, string>;
  /** Documents linked to the case (directly, or through its study). */
  documentIds: string[];
}

export interface ClassificationSummary {
  name: string;
  label: string;
  builtIn: boolean;
  caseCount: number;
  attributeCount: number;
}

export interface CaseDocumentLink {
  id: string;
  name: string;
  folder: string;
  caseId: string | null;
  studyId: string | null;
}

/** GET /api/projects/:id/cases: every classification sheet of the project. */
export interface CasesResponse {
  classifications: ClassificationSummary[];
  /** Attributes of every classification, `document` included, in sheet order. */
  attributes: AttributeView[];
  /** Active cases, then deleted ones (restorable). */
  cases: CaseView[];
  documents: CaseDocumentLink[];
}

export interface IncludedStudyView {
  /** The study id (reports.study_id, else the record id): what document.assign takes. */
  id: string;
  name: string;
  title: string;
}

/** GET /api/projects/:id/documents/:documentId/properties */
export interface DocumentPropertiesResponse {
  document: CaseDocumentLink;
  attributes: AttributeView[];
  values: Record<string, string>;
  cases: { id: string; name: string; classification: string }[];
  studies: IncludedStudyView[];
  folders: string[];
}

export interface ClassificationImportProblem {
  line: number;
  column: string | null;
  message: string;
}

/** POST /api/projects/:id/cases/import-check: what classification.import would do. */
export interface ClassificationImportCheck {
  classification: string;
  rows: number;
  newCases: string[];
  updatedCases: number;
  newAttributes: string[];
  values: number;
  problems: ClassificationImportProblem[];
}

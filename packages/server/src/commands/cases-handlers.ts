import { attributeDefine, attributeEdit, attributeRemove, attributeSet } from './handlers/case-attributes.js';
import { caseCreate, caseDelete, caseEdit, caseRestore } from './handlers/case-cases.js';
import { documentAssign } from './handlers/case-document-assign.js';
import { classificationImport } from './handlers/case-import.js';
import { caseSyncStudies } from './handlers/case-sync-studies.js';

/** Handlers of the case and attribute commands (classification sheets) and document.assign. */
export const CASES_HANDLERS = {
  'case.create': caseCreate,
  'case.edit': caseEdit,
  'case.delete': caseDelete,
  'case.restore': caseRestore,
  'case.sync-studies': caseSyncStudies,
  'attribute.define': attributeDefine,
  'attribute.edit': attributeEdit,
  'attribute.remove': attributeRemove,
  'attribute.set': attributeSet,
  'classification.import': classificationImport,
  'document.assign': documentAssign,
};

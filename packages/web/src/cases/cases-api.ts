import type { CasesResponse, ClassificationImportCheck, DocumentPropertiesResponse } from '@weft/protocol';
import { api } from '../api/client';
import { queryString } from '../api/query-string';

const base = (projectId: string) => `/api/projects/${encodeURIComponent(projectId)}`;

/** Reads of cases and attributes (changes go through `sendCommand`). */
export const casesApi = {
  sheet: (projectId: string) => api.get<CasesResponse>(`${base(projectId)}/cases`),
  exportUrl: (projectId: string, classification: string) =>
    `${base(projectId)}/cases.csv${queryString({ classification })}`,
  importCheck: (projectId: string, body: { classification: string; fileName: string; text: string }) =>
    api.post<ClassificationImportCheck>(`${base(projectId)}/cases/import-check`, body),
  documentProperties: (projectId: string, documentId: string) =>
    api.get<DocumentPropertiesResponse>(
      `${base(projectId)}/documents/${encodeURIComponent(documentId)}/properties`,
    ),
};

/** Event types after which a classification sheet or document properties may have changed. */
export function isCasesEvent(eventType: string): boolean {
  return (
    eventType.startsWith('case.') ||
    eventType.startsWith('attribute.') ||
    eventType === 'classification.imported' ||
    eventType.startsWith('document.')
  );
}

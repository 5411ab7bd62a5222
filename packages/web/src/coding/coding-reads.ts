import type { DocumentCodingsResponse } from '@weft/protocol';
import { api } from '../api/client';

/** A document's current codings without its text (live refreshes of a megabyte transcript). */
export function fetchDocumentCodings(
  projectId: string,
  documentId: string,
): Promise<DocumentCodingsResponse> {
  return api.get<DocumentCodingsResponse>(
    `/api/projects/${encodeURIComponent(projectId)}/documents/${encodeURIComponent(documentId)}/codings`,
  );
}

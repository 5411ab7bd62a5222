import type {
  CodebookResponse,
  CodeSegmentsResponse,
  DocumentResponse,
  DocumentsResponse,
  OrphanCodingsResponse,
} from '@weft/protocol';
import { api } from './client';
import { queryString } from './query-string';

const base = (projectId: string) => `/api/projects/${encodeURIComponent(projectId)}`;

/** Reads of documents, the codebook and codings (the commands go through `sendCommand`). */
export const codingApi = {
  documents: (projectId: string) => api.get<DocumentsResponse>(`${base(projectId)}/documents`),
  document: (projectId: string, documentId: string) =>
    api.get<DocumentResponse>(`${base(projectId)}/documents/${encodeURIComponent(documentId)}`),
  /** Where a document file is uploaded before `document.add` names it. */
  documentUploadUrl: (projectId: string) => `${base(projectId)}/documents/uploads`,
  codebook: (projectId: string, asOf?: string) =>
    api.get<CodebookResponse>(`${base(projectId)}/codebook${queryString({ asOf })}`),
  segments: (projectId: string, codeId: string) =>
    api.get<CodeSegmentsResponse>(`${base(projectId)}/codes/${encodeURIComponent(codeId)}/segments`),
  orphans: (projectId: string) => api.get<OrphanCodingsResponse>(`${base(projectId)}/codings/orphans`),
  /** Codings an edit placed by approximate match, still to be confirmed by a coder. */
  fuzzy: (projectId: string) =>
    api.get<OrphanCodingsResponse>(`${base(projectId)}/codings/orphans?status=fuzzy`),
};

import type { AnnotationsResponse, MemoResponse, MemosQuery, MemosResponse } from '@weft/protocol';
import { api } from '../api/client';
import { queryString } from '../api/query-string';

const base = (projectId: string) => `/api/projects/${encodeURIComponent(projectId)}`;

/** Reads of memos and annotations (the commands go through `sendCommand`). */
export const memosApi = {
  list: (projectId: string, query: MemosQuery = {}) =>
    api.get<MemosResponse>(`${base(projectId)}/memos${queryString({ ...query })}`),
  memo: (projectId: string, memoId: string) =>
    api.get<MemoResponse>(`${base(projectId)}/memos/${encodeURIComponent(memoId)}`),
  codingAnnotations: (projectId: string, codingId: string) =>
    api.get<AnnotationsResponse>(`${base(projectId)}/codings/${encodeURIComponent(codingId)}/annotations`),
  documentAnnotations: (projectId: string, documentId: string) =>
    api.get<AnnotationsResponse>(
      `${base(projectId)}/documents/${encodeURIComponent(documentId)}/annotations`,
    ),
};

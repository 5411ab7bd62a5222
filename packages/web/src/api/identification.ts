import type {
  DuplicatesResponse,
  IdentificationResponse,
  RecordsQuery,
  RecordsResponse,
  SearchesResponse,
  UploadPreviewRequest,
  UploadPreviewResponse,
  UploadResponse,
} from '@weft/protocol';
import { api, postBytes } from './client';
import { queryString } from './query-string';

const base = (projectId: string) => `/api/projects/${encodeURIComponent(projectId)}`;

/** The server's parse-only preview of an upload. */
export type UploadPreview = UploadPreviewResponse;

/** Reads and the upload of the identification stage (searches, records, duplicates, PRISMA numbers). */
export const identificationApi = {
  searches: (projectId: string) => api.get<SearchesResponse>(`${base(projectId)}/searches`),
  counts: (projectId: string) => api.get<IdentificationResponse>(`${base(projectId)}/identification`),
  records: (projectId: string, query: RecordsQuery) =>
    api.get<RecordsResponse>(
      `${base(projectId)}/records${queryString(query as Record<string, string | number | undefined>)}`,
    ),
  duplicates: (
    projectId: string,
    status: 'pending' | 'duplicate' | 'not-duplicate',
    limit = 200,
    minScore?: number,
  ) =>
    api.get<DuplicatesResponse>(`${base(projectId)}/duplicates${queryString({ status, limit, minScore })}`),
  upload: (projectId: string, file: File) =>
    postBytes<UploadResponse>(`${base(projectId)}/uploads${queryString({ fileName: file.name })}`, file),
  /** With a body: the same file read with another format or column mapping. */
  preview: (projectId: string, uploadId: string, body?: UploadPreviewRequest) =>
    api.post<UploadPreview>(`${base(projectId)}/uploads/${encodeURIComponent(uploadId)}/preview`, body),
};

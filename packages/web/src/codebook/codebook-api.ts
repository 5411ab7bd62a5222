import type { CodebookHistoryResponse } from '@weft/protocol';
import { api } from '../api/client';

const base = (projectId: string) => `/api/projects/${encodeURIComponent(projectId)}`;

/** Reads the codebook screens need beyond `codingApi`. */
export const codebookApi = {
  history: (projectId: string) => api.get<CodebookHistoryResponse>(`${base(projectId)}/codebook/history`),
  exportUrl: (projectId: string, format: 'csv' | 'md') => `${base(projectId)}/codebook.${format}`,
};

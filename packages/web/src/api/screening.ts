import type {
  AgreementResponse,
  ConflictsResponse,
  DecisionHistoryResponse,
  NextRecordsResponse,
  ScreeningDecision,
  ScreeningListResponse,
  StageDashboardResponse,
  StagesResponse,
} from '@weft/protocol';
import { api } from './client';
import { queryString } from './query-string';

const base = (projectId: string) => `/api/projects/${encodeURIComponent(projectId)}/screening`;
const stage = (projectId: string, stageId: string) =>
  `${base(projectId)}/stages/${encodeURIComponent(stageId)}`;

export interface ScreeningListQuery {
  decision?: ScreeningDecision | 'undecided';
  conflict?: 'true' | 'false';
  reviewerId?: string;
  reasonId?: string;
  q?: string;
  offset?: number;
  limit?: number;
}

/** Reads of the screening stages (the commands go through `sendCommand`). */
export const screeningApi = {
  stages: (projectId: string) => api.get<StagesResponse>(`${base(projectId)}/stages`),
  next: (projectId: string, stageId: string, count = 5) =>
    api.get<NextRecordsResponse>(`${stage(projectId, stageId)}/next${queryString({ count })}`),
  records: (projectId: string, stageId: string, query: ScreeningListQuery) =>
    api.get<ScreeningListResponse>(
      `${stage(projectId, stageId)}/records${queryString(query as Record<string, string | number | undefined>)}`,
    ),
  history: (projectId: string, stageId: string, recordId: string) =>
    api.get<DecisionHistoryResponse>(
      `${stage(projectId, stageId)}/records/${encodeURIComponent(recordId)}/history`,
    ),
  conflicts: (projectId: string, stageId: string) =>
    api.get<ConflictsResponse>(`${stage(projectId, stageId)}/conflicts`),
  agreement: (projectId: string, stageId: string) =>
    api.get<AgreementResponse>(`${stage(projectId, stageId)}/agreement`),
  dashboard: (projectId: string, stageId: string) =>
    api.get<StageDashboardResponse>(`${stage(projectId, stageId)}/dashboard`),
  exportUrl: (
    projectId: string,
    stageId: string,
    format: 'asreview-csv' | 'rayyan-csv' | 'covidence-csv' | 'ris',
  ) =>
    format === 'ris'
      ? `${stage(projectId, stageId)}/decisions.ris`
      : `${stage(projectId, stageId)}/decisions.csv?format=${format}`,
};

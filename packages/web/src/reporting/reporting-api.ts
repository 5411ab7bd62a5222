import type {
  PrismaBoxRecordsResponse,
  PrismaImageFormat,
  PrismaResponse,
  ReviewLogGroup,
  ReviewLogResponse,
} from '@weft/protocol';
import { api } from '../api/client';
import { queryString } from '../api/query-string';

const base = (projectId: string) => `/api/projects/${encodeURIComponent(projectId)}`;

export interface ReviewLogFilter {
  types: ReviewLogGroup[];
  from?: string;
  to?: string;
  q?: string;
}

// The date inputs give local days; the server is asked for the matching instants.
const localTime = (day: string | undefined, time: string) =>
  day ? new Date(`${day}T${time}`).toISOString() : undefined;

const logParams = (filter: ReviewLogFilter) => ({
  types: filter.types.join(','),
  from: localTime(filter.from, '00:00:00'),
  to: localTime(filter.to, '23:59:59.999'),
  q: filter.q,
});

/** Reads of the reporting pages: the PRISMA flow, the records behind a box, the review log. */
export const reportingApi = {
  prisma: (projectId: string) => api.get<PrismaResponse>(`${base(projectId)}/prisma`),
  boxRecords: (projectId: string, box: string, name: string | undefined, offset: number, limit: number) =>
    api.get<PrismaBoxRecordsResponse>(
      `${base(projectId)}/prisma/records${queryString({ box, name, offset, limit })}`,
    ),
  prismaDownloadUrl: (projectId: string, format: PrismaImageFormat) => `${base(projectId)}/prisma.${format}`,
  methodsDownloadUrl: (projectId: string, format: 'md' | 'docx') => `${base(projectId)}/methods.${format}`,
  reviewLog: (projectId: string, filter: ReviewLogFilter, offset: number, limit: number) =>
    api.get<ReviewLogResponse>(
      `${base(projectId)}/review-log${queryString({ ...logParams(filter), offset, limit })}`,
    ),
  reviewLogCsvUrl: (projectId: string, filter: ReviewLogFilter) =>
    `${base(projectId)}/review-log.csv${queryString(logParams(filter))}`,
};

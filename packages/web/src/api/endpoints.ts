import type {
  EventsResponse,
  MembersResponse,
  ProjectListResponse,
  ProjectResponse,
  SessionResponse,
  SetupStatusResponse,
  UsersResponse,
} from '@weft/protocol';
import { api } from './client';

/** Typed wrappers for every read endpoint and the session calls. */
export const endpoints = {
  setupStatus: () => api.get<SetupStatusResponse>('/api/setup'),
  setup: (body: { username: string; displayName: string; password: string }) =>
    api.post<SessionResponse>('/api/setup', body),
  session: () => api.get<SessionResponse>('/api/session', { quiet401: true }),
  login: (body: { username: string; password: string }) =>
    api.post<SessionResponse>('/api/session', body, { quiet401: true }),
  logout: () => api.delete<void>('/api/session', { quiet401: true }),
  projects: () => api.get<ProjectListResponse>('/api/projects'),
  project: (id: string) => api.get<ProjectResponse>(`/api/projects/${encodeURIComponent(id)}`),
  members: (id: string) => api.get<MembersResponse>(`/api/projects/${encodeURIComponent(id)}/members`),
  users: () => api.get<UsersResponse>('/api/users'),
  events: (id: string, after: number, limit?: number) =>
    api.get<EventsResponse>(
      `/api/projects/${encodeURIComponent(id)}/events?after=${after}${limit ? `&limit=${limit}` : ''}`,
    ),
};

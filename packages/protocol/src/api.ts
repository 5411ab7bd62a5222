import type { Member, Project, ProjectEvent, Role, User } from '@weft/core';
import { z } from 'zod';

/** Request bodies and response shapes of the HTTP API, shared by server, web and CLI. */

export const loginBodySchema = z.object({
  username: z.string().min(1).max(40),
  password: z.string().min(1).max(1024),
});

export const setupBodySchema = z.object({
  username: z.string().min(1).max(40),
  displayName: z.string().trim().min(1).max(120),
  password: z.string().min(8).max(1024),
});

export const eventsQuerySchema = z.object({
  after: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(1000).default(500),
});

export interface HealthResponse {
  status: 'ok';
  store: 'embedded' | 'server';
  schemaVersion: number;
  version: string;
}

export interface SetupStatusResponse {
  needsSetup: boolean;
}

export interface SessionResponse {
  user: User;
  /** Send back as the `x-csrf-token` header on every state-changing request. */
  csrfToken: string;
}

export interface ProjectSummaryView extends Project {
  role: Role;
  memberCount: number;
}

export interface ProjectListResponse {
  projects: ProjectSummaryView[];
}

export interface ProjectResponse {
  project: Project;
  role: Role;
}

export interface MembersResponse {
  members: Member[];
}

export interface UsersResponse {
  users: Array<Pick<User, 'id' | 'username' | 'displayName'>>;
}

export interface EventsResponse {
  events: ProjectEvent[];
  /** The project's latest seq, so a client knows whether more pages follow. */
  lastSeq: number;
}

/** Messages the server sends on the live event WebSocket. */
export type LiveMessage =
  | { kind: 'event'; event: ProjectEvent }
  /** Sent once the replay of missed events is done; everything after is live. */
  | { kind: 'ready'; lastSeq: number }
  | { kind: 'error'; code: string; message: string };

/** RFC 9457 problem details, with Weft's stable error code. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  code: string;
  detail: string;
  /** For 409 stale-version: the current state of what was edited. */
  current?: unknown;
  /** For validation errors: which fields, and why. */
  issues?: Array<{ path: string; message: string }>;
}

export const CSRF_HEADER = 'x-csrf-token';
export const SESSION_COOKIE = 'weft_session';

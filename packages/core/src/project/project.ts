import type { Role } from './role.js';

export interface Project {
  type: 'project';
  id: string;
  name: string;
  description: string;
  archived: boolean;
  /** Optimistic-concurrency version: bumped by every command that edits the project itself. */
  version: number;
  createdAt: string;
  createdBy: string;
  /** Sequence number of the latest event in this project's log. */
  lastSeq: number;
}

export interface Member {
  type: 'member';
  projectId: string;
  userId: string;
  username: string;
  displayName: string;
  role: Role;
  version: number;
}

export interface User {
  type: 'user';
  id: string;
  username: string;
  displayName: string;
  /** Instance administrators create accounts; the first account is one. */
  isAdmin: boolean;
  createdAt: string;
}

export const PROJECT_NAME_MAX = 200;

/** Trimmed, single-spaced project name, or an error message for the user. */
export function normaliseProjectName(
  raw: string,
): { ok: true; name: string } | { ok: false; message: string } {
  const name = raw.replace(/\s+/g, ' ').trim();
  if (name.length === 0) return { ok: false, message: 'A project needs a name.' };
  if (name.length > PROJECT_NAME_MAX)
    return { ok: false, message: `A project name can be at most ${PROJECT_NAME_MAX} characters.` };
  return { ok: true, name };
}

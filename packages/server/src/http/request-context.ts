import type { Role, User } from '@weft/core';
import { isUuid, WeftError } from '@weft/core';
import { findProjectWithRole, type Store } from '@weft/storage';
import type { FastifyRequest } from 'fastify';
import type { AuthenticatedSession } from '../auth/sessions.js';
import { mayDo, type ProjectAction } from '../policies/project-policy.js';

declare module 'fastify' {
  interface FastifyRequest {
    session: AuthenticatedSession | undefined;
  }
}

export function requireUser(request: FastifyRequest): User {
  if (!request.session) throw new WeftError('unauthenticated', 'Sign in to continue.');
  return request.session.user;
}

/** The project and the caller's role, or 403 when the caller is not a member or may not do `action`. */
export async function requireProjectAction(
  store: Store,
  request: FastifyRequest,
  projectId: string,
  action: ProjectAction,
) {
  const user = requireUser(request);
  if (!isUuid(projectId)) throw new WeftError('validation', 'That is not a project id.');
  const found = await findProjectWithRole(store.db, projectId, user.id);
  const project = found?.project;
  const role = found?.role;
  if (!project || !role)
    throw new WeftError('forbidden', 'You are not a member of this project.', { projectId });
  if (!mayDo(role, action)) throw new WeftError('forbidden', `Your role (${role}) does not allow ${action}.`);
  return { user, project, role: role as Role };
}

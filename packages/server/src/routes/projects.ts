import type { MembersResponse, ProjectListResponse, ProjectResponse, UsersResponse } from '@weft/protocol';
import { listMembers, listProjectsForUser, listUsers } from '@weft/storage';
import type { FastifyInstance } from 'fastify';
import { requireProjectAction, requireUser } from '../http/request-context.js';
import { presentMembers, presentProject, presentProjectList } from '../presenters/project-presenter.js';
import type { ServerDeps } from '../server-deps.js';

interface ProjectParams {
  id: string;
}

export function projectRoutes(app: FastifyInstance, { store }: ServerDeps): void {
  app.get('/api/projects', async (request): Promise<ProjectListResponse> => {
    const user = requireUser(request);
    return presentProjectList(await listProjectsForUser(store.db, user.id));
  });

  app.get<{ Params: ProjectParams }>('/api/projects/:id', async (request): Promise<ProjectResponse> => {
    const { project, role } = await requireProjectAction(store, request, request.params.id, 'project.read');
    return presentProject(project, role);
  });

  app.get<{ Params: ProjectParams }>(
    '/api/projects/:id/members',
    async (request): Promise<MembersResponse> => {
      await requireProjectAction(store, request, request.params.id, 'members.read');
      return presentMembers(await listMembers(store.db, request.params.id));
    },
  );

  app.get('/api/users', async (request): Promise<UsersResponse> => {
    requireUser(request);
    const users = await listUsers(store.db);
    return { users: users.map(({ id, username, displayName }) => ({ id, username, displayName })) };
  });
}

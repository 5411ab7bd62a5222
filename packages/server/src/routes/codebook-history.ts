import type { CodebookHistoryResponse } from '@weft/protocol';
import { codingEvents, toProjectEvent } from '@weft/storage';
import type { FastifyInstance } from 'fastify';
import { requireProjectAction } from '../http/request-context.js';
import { codebookHistory } from '../presenters/codebook-history-presenter.js';
import type { ServerDeps } from '../server-deps.js';

/** "How codes developed": every codebook change with who and when, newest first. */
export function codebookHistoryRoutes(app: FastifyInstance, { store }: ServerDeps): void {
  app.get<{ Params: { id: string } }>(
    '/api/projects/:id/codebook/history',
    async (request): Promise<CodebookHistoryResponse> => {
      const { project } = await requireProjectAction(store, request, request.params.id, 'coding.read');
      const [coding, imports] = await Promise.all([
        codingEvents(store.db, project.id),
        store.db
          .selectFrom('events')
          .selectAll()
          .where('project_id', '=', project.id)
          .where('type', '=', 'codebook.imported')
          .execute(),
      ]);
      const events = [...coding, ...imports.map(toProjectEvent)].sort((a, b) => a.seq - b.seq);
      return { entries: codebookHistory(events) };
    },
  );
}

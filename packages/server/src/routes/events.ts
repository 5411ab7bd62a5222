import { type ProjectEvent, WeftError } from '@weft/core';
import { type EventsResponse, eventsQuerySchema, type LiveMessage } from '@weft/protocol';
import { findProject, readEvents } from '@weft/storage';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { validationError } from '../commands/execute-command.js';
import { requireProjectAction } from '../http/request-context.js';
import type { ServerDeps } from '../server-deps.js';

interface Params {
  id: string;
}

function parseQuery(request: FastifyRequest) {
  const query = eventsQuerySchema.safeParse(request.query);
  if (!query.success) throw validationError(query.error, 'Query');
  return query.data;
}

/** A browser always sends Origin on a WebSocket upgrade; refusing foreign origins stops
 * cross-site WebSocket hijacking (cookies alone would let any site open the feed). */
function assertSameOrigin(request: FastifyRequest): void {
  const origin = request.headers.origin;
  if (!origin) return;
  const host = request.headers.host;
  let originHost: string | undefined;
  try {
    originHost = new URL(origin).host;
  } catch {
    originHost = undefined;
  }
  if (originHost !== host)
    throw new WeftError('forbidden', 'Cross-origin connections to the live feed are refused.');
}

export function eventRoutes(app: FastifyInstance, { store, hub }: ServerDeps): void {
  app.route<{ Params: Params }>({
    method: 'GET',
    url: '/api/projects/:id/events',
    // Authorisation runs before the upgrade, so a refused socket never opens.
    preHandler: async (request) => {
      if (request.ws) assertSameOrigin(request);
      await requireProjectAction(store, request, request.params.id, 'events.read');
    },
    handler: async (request): Promise<EventsResponse> => {
      const { after, limit } = parseQuery(request);
      const [events, project] = await Promise.all([
        readEvents(store.db, request.params.id, after, limit),
        findProject(store.db, request.params.id),
      ]);
      return { events, lastSeq: project?.lastSeq ?? 0 };
    },
    wsHandler: (socket, request) => {
      const send = (message: LiveMessage) => {
        if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(message));
      };
      let after: number;
      try {
        after = parseQuery(request).after;
      } catch (error) {
        send({ kind: 'error', code: 'validation', message: (error as Error).message });
        socket.close(1008, 'bad query');
        return;
      }
      const projectId = request.params.id;
      const userId = request.session?.user.id;
      const subscriber = {
        lastSeq: after,
        send: (event: ProjectEvent) => {
          send({ kind: 'event', event });
          // Removed from the project: the feed stops here, as every other read now would.
          if (
            event.eventType === 'member.removed' &&
            (event.payload as { userId?: string }).userId === userId
          ) {
            socket.close(1008, 'no longer a member');
          }
        },
      };
      const unsubscribe = hub.subscribe(projectId, subscriber);
      void hub.flush(projectId).then(() => send({ kind: 'ready', lastSeq: subscriber.lastSeq }));
      socket.on('close', unsubscribe);
      socket.on('error', unsubscribe);
    },
  });
}

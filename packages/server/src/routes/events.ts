import { type ProjectEvent, WeftError } from '@weft/core';
import { type EventsResponse, eventsQuerySchema, type LiveMessage } from '@weft/protocol';
import { findProject, readEvents } from '@weft/storage';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { validationError } from '../commands/execute-command.js';
import { requireProjectAction } from '../http/request-context.js';
import { type EventViewer, followRole, presentEvent } from '../presenters/present-event.js';
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

/** The viewer found by the pre-handler, for the WebSocket handler that runs after it. */
const viewers = new WeakMap<FastifyRequest, EventViewer>();

/** Without a recorded viewer, the least one: nothing hidden is shown by mistake. */
function viewerOf(request: FastifyRequest): EventViewer {
  return viewers.get(request) ?? { userId: request.session?.user.id ?? '', role: 'viewer' };
}

export function eventRoutes(app: FastifyInstance, { store, hub }: ServerDeps): void {
  app.route<{ Params: Params }>({
    method: 'GET',
    url: '/api/projects/:id/events',
    // Authorisation runs before the upgrade, so a refused socket never opens.
    preHandler: async (request) => {
      if (request.ws) assertSameOrigin(request);
      const { user, role } = await requireProjectAction(store, request, request.params.id, 'events.read');
      viewers.set(request, { userId: user.id, role });
    },
    handler: async (request): Promise<EventsResponse> => {
      const { after, limit } = parseQuery(request);
      const viewer = viewerOf(request);
      const [events, project] = await Promise.all([
        readEvents(store.db, request.params.id, after, limit),
        findProject(store.db, request.params.id),
      ]);
      return { events: events.map((event) => presentEvent(event, viewer)), lastSeq: project?.lastSeq ?? 0 };
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
      const viewer = viewerOf(request);
      const subscriber = {
        lastSeq: after,
        send: (event: ProjectEvent) => {
          followRole(viewer, event);
          send({ kind: 'event', event: presentEvent(event, viewer) });
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

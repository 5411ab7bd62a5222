import { randomUUID } from 'node:crypto';
import fastifyCookie from '@fastify/cookie';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyWebsocket from '@fastify/websocket';
import { isWeftError, WeftError } from '@weft/core';
import { CSRF_HEADER, SESSION_COOKIE } from '@weft/protocol';
import { writeAudit } from '@weft/storage';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { csrfMatches, resolveSession } from './auth/sessions.js';
import { problem, statusOf } from './http/problem.js';
import { checkUuidParams } from './http/uuid-params.js';
import { casesRoutes } from './routes/cases.js';
import { codebookExchangeRoutes } from './routes/codebook-exchange.js';
import { codebookHistoryRoutes } from './routes/codebook-history.js';
import { codingRoutes } from './routes/coding.js';
import { commandRoutes } from './routes/commands.js';
import { documentFileRoutes } from './routes/document-file.js';
import { eventRoutes } from './routes/events.js';
import { fulltextRoutes } from './routes/fulltext.js';
import { healthRoutes } from './routes/health.js';
import { identificationRoutes } from './routes/identification.js';
import { memoRoutes } from './routes/memos.js';
import { methodsRecordRoutes } from './routes/methods-record.js';
import { prismaRoutes } from './routes/prisma.js';
import { projectRoutes } from './routes/projects.js';
import { qdpxRoutes } from './routes/qdpx.js';
import { recordsExportRoutes } from './routes/records-export.js';
import { reviewLogRoutes } from './routes/review-log.js';
import { screeningRoutes } from './routes/screening.js';
import { sessionRoutes } from './routes/session.js';
import { staticRoutes } from './routes/static.js';
import { uploadPreviewRoutes } from './routes/upload-preview.js';
import type { ServerDeps } from './server-deps.js';

const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/** Sign-in and first-run setup happen before there is a session (and so a CSRF token). */
const CSRF_EXEMPT = new Set(['POST /api/session', 'POST /api/setup']);

export interface AppOptions {
  logger?: FastifyServerOptions['logger'];
  webRoot?: string;
}

export async function buildApp(deps: ServerDeps, options: AppOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ?? false,
    genReqId: () => randomUUID(),
    requestIdHeader: false,
    bodyLimit: 10 * 1024 * 1024,
  });
  await app.register(fastifyCookie);
  await app.register(fastifyRateLimit, {
    global: false,
    errorResponseBuilder: (_request, context) => {
      const error = new WeftError(
        'rate-limited',
        `Too many attempts. Wait ${Math.ceil(context.ttl / 1000)} seconds and try again.`,
      ) as WeftError & { statusCode: number };
      error.statusCode = 429;
      return error;
    },
  });
  await app.register(fastifyWebsocket);

  app.decorateRequest('session', undefined);
  app.addHook('onRequest', async (request) => {
    if (!request.url.startsWith('/api/')) return;
    request.session = await resolveSession(deps.store, request.cookies[SESSION_COOKIE]);
    const route = `${request.method} ${request.url.split('?')[0]}`;
    if (UNSAFE_METHODS.has(request.method) && request.session && !CSRF_EXEMPT.has(route)) {
      const given = request.headers[CSRF_HEADER];
      if (!csrfMatches(request.session.csrfToken, typeof given === 'string' ? given : undefined)) {
        throw new WeftError(
          'forbidden',
          'The request lacks a valid CSRF token: reload the page and try again.',
          {
            reason: 'csrf',
          },
        );
      }
    }
  });

  app.addHook('preValidation', checkUuidParams);

  app.setErrorHandler(async (error, request, reply) => {
    if (isWeftError(error)) {
      const status = statusOf(error.code);
      if (error.code === 'forbidden' || error.code === 'unauthenticated') {
        // A refused request changes nothing but leaves this trace.
        await writeAudit(deps.store.db, {
          actorId: request.session?.user.id ?? null,
          projectId: (error.details?.projectId as string | undefined) ?? null,
          action: `${request.method} ${request.routeOptions.url ?? request.url}`,
          outcome: error.code === 'forbidden' ? 'denied' : 'unauthenticated',
          detail: { reason: error.message },
        }).catch((auditError) => request.log.error({ err: auditError }, 'audit write failed'));
      }
      const { current, issues } = (error.details ?? {}) as { current?: unknown; issues?: [] };
      return reply.code(status).send(
        problem(error.code, error.message, {
          ...(current !== undefined ? { current } : {}),
          ...(issues ? { issues } : {}),
        }),
      );
    }
    const statusCode = (error as { statusCode?: number }).statusCode;
    if (statusCode && statusCode >= 400 && statusCode < 500) {
      return reply
        .code(statusCode)
        .send(problem(statusCode === 429 ? 'rate-limited' : 'bad-input', (error as Error).message));
    }
    request.log.error({ err: error }, 'unhandled error');
    return reply
      .code(500)
      .send(problem('internal', `Something went wrong on the server (request ${request.id}).`));
  });

  healthRoutes(app, deps);
  sessionRoutes(app, deps);
  commandRoutes(app, deps);
  projectRoutes(app, deps);
  eventRoutes(app, deps);
  identificationRoutes(app, deps);
  uploadPreviewRoutes(app, deps);
  recordsExportRoutes(app, deps);
  screeningRoutes(app, deps);
  prismaRoutes(app, deps);
  fulltextRoutes(app, deps);
  methodsRecordRoutes(app, deps);
  reviewLogRoutes(app, deps);
  codingRoutes(app, deps);
  documentFileRoutes(app, deps);
  casesRoutes(app, deps);
  codebookExchangeRoutes(app, deps);
  codebookHistoryRoutes(app, deps);
  memoRoutes(app, deps);
  qdpxRoutes(app, deps);
  await staticRoutes(app, options.webRoot);
  return app;
}

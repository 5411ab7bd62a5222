import { WeftError } from '@weft/core';
import {
  loginBodySchema,
  SESSION_COOKIE,
  type SessionResponse,
  type SetupStatusResponse,
  setupBodySchema,
} from '@weft/protocol';
import { findUserByUsername, toUser, writeAudit } from '@weft/storage';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { createFirstOwner, needsSetup } from '../auth/first-owner.js';
import { decoyHash, verifyPassword } from '../auth/password.js';
import { endSession, SESSION_TTL_MS, startSession } from '../auth/sessions.js';
import { validationError } from '../commands/execute-command.js';
import { requireUser } from '../http/request-context.js';
import type { ServerDeps } from '../server-deps.js';

export function sessionRoutes(app: FastifyInstance, deps: ServerDeps): void {
  const { store } = deps;

  function setCookie(reply: FastifyReply, token: string) {
    reply.setCookie(SESSION_COOKIE, token, {
      httpOnly: true,
      sameSite: 'strict',
      secure: deps.secureCookies,
      path: '/',
      maxAge: SESSION_TTL_MS / 1000,
    });
  }

  // Keyed by address and username, after the body is parsed: guessing one account's password
  // is slowed down without locking everyone behind the same address out.
  const limited = {
    config: {
      rateLimit: {
        ...deps.loginRateLimit,
        hook: 'preHandler' as const,
        keyGenerator: (request: FastifyRequest) =>
          `${request.ip}:${String((request.body as { username?: unknown } | undefined)?.username ?? '').toLowerCase()}`,
      },
    },
  };

  app.get('/api/setup', async (): Promise<SetupStatusResponse> => ({ needsSetup: await needsSetup(store) }));

  app.post('/api/setup', limited, async (request, reply): Promise<SessionResponse> => {
    const body = setupBodySchema.safeParse(request.body);
    if (!body.success) throw validationError(body.error, 'Setup');
    const user = await createFirstOwner(store, body.data);
    const { token, csrfToken } = await startSession(store, user.id);
    setCookie(reply, token);
    return { user, csrfToken };
  });

  app.get('/api/session', async (request): Promise<SessionResponse> => {
    const user = requireUser(request);
    return { user, csrfToken: request.session?.csrfToken ?? '' };
  });

  app.post('/api/session', limited, async (request, reply): Promise<SessionResponse> => {
    const body = loginBodySchema.safeParse(request.body);
    if (!body.success) throw validationError(body.error, 'Sign-in');
    const row = await findUserByUsername(store.db, body.data.username.trim().toLowerCase());
    const ok = await verifyPassword(body.data.password, row?.password_hash ?? (await decoyHash()));
    if (!row || !ok) {
      await writeAudit(store.db, {
        actorId: row?.id ?? null,
        projectId: null,
        action: 'session.create',
        outcome: 'login-failed',
        detail: { username: body.data.username, ip: request.ip },
      });
      throw new WeftError('unauthenticated', 'That username and password do not match an account.');
    }
    const { token, csrfToken } = await startSession(store, row.id);
    setCookie(reply, token);
    return { user: toUser(row), csrfToken };
  });

  app.delete('/api/session', async (request, reply) => {
    if (request.session) await endSession(store, request.session.sessionId);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.code(204).send();
  });
}

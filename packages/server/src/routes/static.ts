import { existsSync } from 'node:fs';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { problem } from '../http/problem.js';

/** Serves the built web app, with index.html for every client-side route. */
export async function staticRoutes(app: FastifyInstance, webRoot: string | undefined): Promise<void> {
  const hasApp = webRoot !== undefined && existsSync(webRoot);
  if (hasApp) await app.register(fastifyStatic, { root: webRoot, wildcard: false });
  app.setNotFoundHandler((request, reply) => {
    if (request.url.startsWith('/api/') || request.method !== 'GET' || !hasApp) {
      return reply
        .code(404)
        .send(problem('not-found', `Nothing at ${request.method} ${request.url.split('?')[0]}.`));
    }
    return reply.type('text/html').sendFile('index.html');
  });
}

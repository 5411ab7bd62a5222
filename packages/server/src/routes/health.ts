import type { HealthResponse } from '@weft/protocol';
import type { FastifyInstance } from 'fastify';
import type { ServerDeps } from '../server-deps.js';

export function healthRoutes(app: FastifyInstance, { store, version }: ServerDeps): void {
  app.get(
    '/api/health',
    async (): Promise<HealthResponse> => ({
      status: 'ok',
      store: store.kind,
      schemaVersion: store.schemaVersion,
      version,
    }),
  );
}

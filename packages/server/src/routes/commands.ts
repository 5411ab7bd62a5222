import type { CommandResponse } from '@weft/protocol';
import type { FastifyInstance } from 'fastify';
import { executeCommand } from '../commands/execute-command.js';
import { requireUser } from '../http/request-context.js';
import type { ServerDeps } from '../server-deps.js';

export function commandRoutes(app: FastifyInstance, { store }: ServerDeps): void {
  app.post(
    '/api/commands',
    async (request): Promise<CommandResponse> => executeCommand(store, requireUser(request), request.body),
  );
}

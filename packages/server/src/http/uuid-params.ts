import { isUuid, WeftError } from '@weft/core';
import type { FastifyRequest } from 'fastify';

/**
 * Every route parameter named `id` (the project) or `…Id` (documents, codes, codings, memos,
 * records, files, uploads) is a uuid. Checked once, before any handler, so a malformed id (an
 * empty path segment from a client that had no id yet, say) never reaches PostgreSQL, which would
 * refuse it with "invalid input syntax for type uuid" and a 500. A bad project id is a 400, as
 * project routes always answered; a bad id of anything inside names nothing there, so a 404.
 */
export async function checkUuidParams(request: FastifyRequest): Promise<void> {
  const params = request.params as Record<string, unknown> | undefined;
  if (!params) return;
  for (const [name, value] of Object.entries(params)) {
    if (name === 'id' && !isUuid(value))
      throw new WeftError('validation', `That is not a project id: “${String(value)}”.`, { param: name });
    if (name.endsWith('Id') && !isUuid(value))
      throw new WeftError(
        'not-found',
        `Nothing here has the ${name} “${String(value)}”: it is not a valid id.`,
        { param: name },
      );
  }
}

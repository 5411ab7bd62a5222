import { Readable } from 'node:stream';
import { WeftError } from '@weft/core';
import { EXPORT_VIEWS } from '@weft/storage';
import type { FastifyInstance } from 'fastify';
import { requireProjectAction } from '../http/request-context.js';
import {
  encodeRecordsExport,
  RECORD_EXPORT_FILES,
  RECORD_EXPORT_FORMATS,
} from '../identification/records-export-encoding.js';
import type { ServerDeps } from '../server-deps.js';

/** A file name for content-disposition: plain ASCII in `filename`, the real name in `filename*`. */
export function attachmentHeader(projectName: string, extension: string, what = 'records'): string {
  const name = `${projectName.trim() || 'project'}-${what}.${extension}`;
  const ascii = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9._ -]+/g, '-');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

function choice<T extends string>(
  given: unknown,
  allowed: readonly T[],
  fallback: T | undefined,
  name: string,
): T {
  if (given === undefined && fallback !== undefined) return fallback;
  if (typeof given === 'string' && (allowed as readonly string[]).includes(given)) return given as T;
  throw new WeftError(
    'validation',
    `${name} must be one of ${allowed.join(', ')}, not "${String(given ?? '')}".`,
  );
}

export function recordsExportRoutes(app: FastifyInstance, { store }: ServerDeps): void {
  app.get<{ Params: { id: string }; Querystring: { format?: string; view?: string } }>(
    '/api/projects/:id/records/export',
    async (request, reply) => {
      const { project } = await requireProjectAction(
        store,
        request,
        request.params.id,
        'identification.read',
      );
      const format = choice(request.query.format, RECORD_EXPORT_FORMATS, undefined, 'format');
      const view = choice(request.query.view, EXPORT_VIEWS, 'remaining', 'view');
      const file = RECORD_EXPORT_FILES[format];
      return reply
        .header('content-type', file.contentType)
        .header('content-disposition', attachmentHeader(project.name, file.extension))
        .header('cache-control', 'no-store')
        .send(Readable.from(encodeRecordsExport(store.db, project.id, view, format)));
    },
  );
}

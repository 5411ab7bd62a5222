import { randomUUID } from 'node:crypto';
import { WeftError } from '@weft/core';
import type { QdpxImportReport } from '@weft/protocol';
import { pruneQdpxUploads, saveQdpxUpload } from '@weft/storage';
import type { FastifyInstance } from 'fastify';
import { requireProjectAction, requireUser } from '../http/request-context.js';
import { mayDoOnInstance } from '../policies/instance-policy.js';
import { encodeQdpxExport } from '../qdpx/qdpx-export.js';
import type { ServerDeps } from '../server-deps.js';
import { attachmentHeader } from './records-export.js';

const OCTET_STREAM = 'application/octet-stream';
/** A .qdpx carries its media (audio, video) inside: allow big archives, but not unbounded ones. */
const QDPX_BODY_LIMIT = 512 * 1024 * 1024;
/** A staged file not imported within a day is dropped when its account stages the next one. */
const STAGED_LIFETIME_MS = 24 * 60 * 60 * 1000;

/**
 * REFI-QDA: stage a file for `project.import-qdpx` (a new project has no uploads of its own yet),
 * read a project's import report, and export a project (.qdpx) or its codebook (.qdc).
 */
export function qdpxRoutes(app: FastifyInstance, { store }: ServerDeps): void {
  app.register(async (scope) => {
    if (scope.hasContentTypeParser(OCTET_STREAM)) scope.removeContentTypeParser(OCTET_STREAM);
    scope.addContentTypeParser(
      OCTET_STREAM,
      { parseAs: 'buffer', bodyLimit: QDPX_BODY_LIMIT },
      (_r, body, done) => done(null, body),
    );
    scope.post<{ Querystring: { fileName?: string } }>('/api/qdpx-uploads', async (request) => {
      const user = requireUser(request);
      if (!mayDoOnInstance(user, 'project.create'))
        throw new WeftError('forbidden', 'Your account may not create projects.');
      const fileName = (request.query.fileName ?? '').split(/[\\/]/).pop()?.trim().slice(0, 255);
      if (!fileName) throw new WeftError('validation', 'Name the uploaded file: ?fileName=project.qdpx');
      if (!Buffer.isBuffer(request.body) || request.body.byteLength === 0)
        throw new WeftError(
          'bad-input',
          `${fileName}: send the file as the request body (application/octet-stream).`,
        );
      const uploadId = randomUUID();
      const now = new Date();
      await pruneQdpxUploads(store.db, user.id, new Date(now.getTime() - STAGED_LIFETIME_MS));
      await saveQdpxUpload(
        store.db,
        { id: uploadId, fileName, bytes: new Uint8Array(request.body), uploadedBy: user.id },
        now,
      );
      return { uploadId, fileName, byteSize: request.body.byteLength };
    });
  });

  app.get<{ Params: { id: string } }>('/api/projects/:id/qdpx-import', async (request) => {
    const { project } = await requireProjectAction(store, request, request.params.id, 'coding.read');
    const row = await store.db
      .selectFrom('qdpx_imports')
      .select(['report', 'imported_at'])
      .where('project_id', '=', project.id)
      .executeTakeFirst();
    if (!row) throw new WeftError('not-found', 'This project was not imported from a REFI-QDA file.');
    return { report: row.report as QdpxImportReport, importedAt: row.imported_at.toISOString() };
  });

  for (const [path, kind, extension, contentType] of [
    ['/api/projects/:id/export.qdpx', 'qdpx', 'qdpx', 'application/zip'],
    ['/api/projects/:id/codebook.qdc', 'qdc', 'qdc', 'application/xml; charset=utf-8'],
  ] as const) {
    app.get<{ Params: { id: string } }>(path, async (request, reply) => {
      const { project } = await requireProjectAction(store, request, request.params.id, 'coding.read');
      const exported = await encodeQdpxExport(store.db, project.id, kind);
      return reply
        .header('content-type', contentType)
        .header(
          'content-disposition',
          attachmentHeader(project.name, extension, kind === 'qdc' ? 'codebook' : 'project'),
        )
        .header('cache-control', 'no-store')
        .send(Buffer.from(exported.bytes));
    });
  }
}

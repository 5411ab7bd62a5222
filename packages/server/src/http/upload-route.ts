import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import { type ProjectAction, WeftError } from '@weft/core';
import type { UploadResponse } from '@weft/protocol';
import { deleteUnimportedUpload, type Store, saveUploadStream, UploadTooLargeError } from '@weft/storage';
import type { FastifyInstance } from 'fastify';
import { requireProjectAction } from './request-context.js';

const OCTET_STREAM = 'application/octet-stream';

/** File names come from the client: keep a plain base name, never a path. */
function cleanFileName(raw: unknown): string {
  const name = typeof raw === 'string' ? raw.split(/[\\/]/).pop()?.trim() : '';
  if (!name) throw new WeftError('validation', 'Name the uploaded file: ?fileName=refs.ris');
  return name.slice(0, 255);
}

function tooLarge(fileName: string, limit: number): Error {
  const megabytes = Math.round(limit / 1024 / 1024);
  // 413 Payload Too Large; the error handler turns a 4xx statusCode into a problem response.
  return Object.assign(new Error(`${fileName} is larger than the ${megabytes} MB limit for uploads.`), {
    statusCode: 413,
  });
}

const isReadable = (body: unknown): body is Readable =>
  typeof body === 'object' && body !== null && typeof (body as Readable).pipe === 'function';

/**
 * `POST path?fileName=…` with the file as the raw body (application/octet-stream): stored as an
 * upload that a later command refers to by id, since commands carry JSON only. `action` is what the
 * upload is for (importing records, adding a document), so who may upload follows who may do it.
 *
 * The body is never buffered: the route lives in its own scope whose octet-stream parser hands
 * the request stream through, and saveUploadStream writes it to the store in 1 MiB chunks as it
 * arrives (hashing on the way), so a 100 MB search export costs the server one chunk of memory.
 * The size limit is checked as bytes arrive (Fastify's bodyLimit only applies to bodies it reads).
 */
export function uploadRoute(
  app: FastifyInstance,
  store: Store,
  options: { path: string; action: ProjectAction; bodyLimit: number },
): void {
  app.register(async (scope) => {
    if (scope.hasContentTypeParser(OCTET_STREAM)) scope.removeContentTypeParser(OCTET_STREAM);
    scope.addContentTypeParser(OCTET_STREAM, (_request, payload, done) => done(null, payload));
    scope.post<{ Params: { id: string }; Querystring: { fileName?: string } }>(
      options.path,
      async (request): Promise<UploadResponse> => {
        const { user, project } = await requireProjectAction(
          store,
          request,
          request.params.id,
          options.action,
        );
        if (project.archived)
          throw new WeftError('conflict', 'This project is archived: restore it before changing it.');
        const fileName = cleanFileName(request.query.fileName);
        if (!isReadable(request.body))
          throw new WeftError(
            'validation',
            'Send the file as the request body with Content-Type: application/octet-stream.',
          );
        const declared = Number(request.headers['content-length']);
        if (Number.isFinite(declared) && declared > options.bodyLimit)
          throw tooLarge(fileName, options.bodyLimit);
        const upload = await saveUploadStream(
          store.db,
          { id: randomUUID(), projectId: project.id, fileName, uploadedBy: user.id, at: new Date() },
          request.body,
          { maxBytes: options.bodyLimit },
        ).catch((error: unknown) => {
          throw error instanceof UploadTooLargeError ? tooLarge(fileName, options.bodyLimit) : error;
        });
        if (upload.byteSize === 0) {
          await deleteUnimportedUpload(store.db, project.id, upload.id);
          throw new WeftError('bad-input', `${fileName}: the file is empty.`);
        }
        return {
          uploadId: upload.id,
          fileName: upload.fileName,
          byteSize: upload.byteSize,
          sha256: upload.sha256,
        };
      },
    );
  });
}

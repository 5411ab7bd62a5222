import { randomUUID } from 'node:crypto';
import { type ProjectAction, WeftError } from '@weft/core';
import type { UploadResponse } from '@weft/protocol';
import { type Store, saveUpload } from '@weft/storage';
import type { FastifyInstance } from 'fastify';
import { requireProjectAction } from './request-context.js';

/** File names come from the client: keep a plain base name, never a path. */
function cleanFileName(raw: unknown): string {
  const name = typeof raw === 'string' ? raw.split(/[\\/]/).pop()?.trim() : '';
  if (!name) throw new WeftError('validation', 'Name the uploaded file: ?fileName=refs.ris');
  return name.slice(0, 255);
}

/**
 * `POST path?fileName=…` with the file as the raw body (application/octet-stream): stored as an
 * upload that a later command refers to by id, since commands carry JSON only. `action` is what the
 * upload is for (importing records, adding a document), so who may upload follows who may do it.
 */
export function uploadRoute(
  app: FastifyInstance,
  store: Store,
  options: { path: string; action: ProjectAction; bodyLimit: number },
): void {
  app.post<{ Params: { id: string }; Querystring: { fileName?: string } }>(
    options.path,
    { bodyLimit: options.bodyLimit },
    async (request): Promise<UploadResponse> => {
      const { user, project } = await requireProjectAction(store, request, request.params.id, options.action);
      if (project.archived)
        throw new WeftError('conflict', 'This project is archived: restore it before changing it.');
      const fileName = cleanFileName(request.query.fileName);
      if (!Buffer.isBuffer(request.body))
        throw new WeftError(
          'validation',
          'Send the file as the request body with Content-Type: application/octet-stream.',
        );
      if (request.body.byteLength === 0) throw new WeftError('bad-input', `${fileName}: the file is empty.`);
      const upload = await saveUpload(store.db, {
        id: randomUUID(),
        projectId: project.id,
        fileName,
        bytes: request.body,
        uploadedBy: user.id,
        at: new Date(),
      });
      return {
        uploadId: upload.id,
        fileName: upload.fileName,
        byteSize: upload.byteSize,
        sha256: upload.sha256,
      };
    },
  );
}

import { isUuid, WeftError } from '@weft/core';
import { getDocument, getDocumentVersion, openUpload } from '@weft/storage';
import type { FastifyInstance } from 'fastify';
import { requireProjectAction } from '../http/request-context.js';
import { sendUpload } from '../http/send-upload.js';
import type { ServerDeps } from '../server-deps.js';

/** The uploads table keeps no content type; a document's kind says what its file is. */
const CONTENT_TYPES: Record<string, string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  html: 'text/html; charset=utf-8',
  markdown: 'text/markdown; charset=utf-8',
  text: 'text/plain; charset=utf-8',
  transcript: 'text/plain; charset=utf-8',
};

/** `filename*` (RFC 6266) keeps non-ASCII names; the plain `filename` is an ASCII stand-in. */
function disposition(kind: 'inline' | 'attachment', fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

/**
 * The original file a document was extracted from, for the coding screen's PDF view. Anyone who
 * may read the codings may read it. Only a PDF is shown inline: an uploaded HTML page served
 * inline from our origin could run script, so every other kind is a download.
 */
export function documentFileRoutes(app: FastifyInstance, { store }: ServerDeps): void {
  app.get<{ Params: { id: string; documentId: string } }>(
    '/api/projects/:id/documents/:documentId/file',
    async (request, reply) => {
      const { project } = await requireProjectAction(store, request, request.params.id, 'coding.read');
      const { documentId } = request.params;
      if (!isUuid(documentId)) throw new WeftError('not-found', 'That document does not exist.');
      const document = await getDocument(store.db, project.id, documentId);
      const version = document && (await getDocumentVersion(store.db, document.id));
      if (!document || !version)
        throw new WeftError('not-found', 'That document does not exist in this project.');
      const uploadId = version.meta.uploadId;
      const upload =
        typeof uploadId === 'string' ? await openUpload(store.db, project.id, uploadId) : undefined;
      if (!upload) throw new WeftError('not-found', 'The original file of that document is not kept.');
      const pdf = document.kind === 'pdf';
      return sendUpload(request, reply, upload, {
        'content-type': CONTENT_TYPES[document.kind] ?? 'application/octet-stream',
        'content-disposition': disposition(pdf ? 'inline' : 'attachment', upload.fileName),
        // The upload never changes, but the document may be deleted: revalidate after a day.
        'cache-control': 'private, max-age=86400',
        'x-content-type-options': 'nosniff',
      });
    },
  );
}

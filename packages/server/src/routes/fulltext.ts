import { isUuid, WeftError } from '@weft/core';
import type { ReportFilesResponse, ReportFileView } from '@weft/protocol';
import {
  findRecords,
  findReportFile,
  listMembers,
  listReportFiles,
  openUpload,
  type StoredReportFile,
  studyOfReport,
} from '@weft/storage';
import type { FastifyInstance } from 'fastify';
import { requireProjectAction } from '../http/request-context.js';
import { sendUpload } from '../http/send-upload.js';
import { uploadRoute } from '../http/upload-route.js';
import type { ServerDeps } from '../server-deps.js';

type ProjectParams = { id: string };

const filesPath = (projectId: string, recordId: string) =>
  `/api/projects/${projectId}/reports/${recordId}/files`;

function present(file: StoredReportFile, projectId: string, names: Map<string, string>): ReportFileView {
  return {
    id: file.id,
    recordId: file.recordId,
    fileName: file.fileName,
    byteSize: file.byteSize,
    pageCount: file.pageCount,
    doi: file.doi,
    matchedBy: file.matchedBy,
    attachedBy: file.attachedBy,
    attachedByName: names.get(file.attachedBy) ?? 'a former member',
    attachedAt: file.attachedAt,
    url: `${filesPath(projectId, file.recordId)}/${file.id}`,
  };
}

/** `filename*` (RFC 6266) keeps non-ASCII names; the plain `filename` is an ASCII stand-in. */
function inlineDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `inline; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

/**
 * Full texts of reports: upload PDFs (attached by the `report.attach-file(s)` commands), list a
 * record's files, and serve a file's bytes to the in-app viewer. A full text reveals nobody's
 * decision, so every member who may read screening may read it.
 */
export function fulltextRoutes(app: FastifyInstance, { store }: ServerDeps): void {
  uploadRoute(app, store, {
    path: '/api/projects/:id/reports/uploads',
    action: 'report.attach-file',
    bodyLimit: 200 * 1024 * 1024,
  });

  async function names(projectId: string) {
    return new Map((await listMembers(store.db, projectId)).map((m) => [m.userId, m.displayName]));
  }

  /** Every attached full text; `?q=words` keeps those whose text contains them (with record titles). */
  app.get<{ Params: ProjectParams; Querystring: { q?: string } }>(
    '/api/projects/:id/report-files',
    async (request): Promise<ReportFilesResponse> => {
      const { project } = await requireProjectAction(store, request, request.params.id, 'screening.read');
      const q = typeof request.query.q === 'string' ? request.query.q.slice(0, 200) : '';
      const [files, who] = await Promise.all([
        listReportFiles(store.db, project.id, undefined, q),
        names(project.id),
      ]);
      if (!q.trim()) return { files: files.map((f) => present(f, project.id, who)) };
      const shown = files.slice(0, 100);
      const titles = new Map(
        (
          await findRecords(
            store.db,
            project.id,
            shown.map((f) => f.recordId),
          )
        ).map((r) => [r.id, r.record.title ?? '']),
      );
      return {
        files: shown.map((f) => ({
          ...present(f, project.id, who),
          recordTitle: titles.get(f.recordId) ?? '',
        })),
      };
    },
  );

  app.get<{ Params: ProjectParams & { recordId: string } }>(
    '/api/projects/:id/reports/:recordId/files',
    async (request): Promise<ReportFilesResponse> => {
      const { project } = await requireProjectAction(store, request, request.params.id, 'screening.read');
      if (!isUuid(request.params.recordId)) throw new WeftError('validation', 'That is not a record id.');
      const [files, who, study] = await Promise.all([
        listReportFiles(store.db, project.id, [request.params.recordId]),
        names(project.id),
        studyOfReport(store.db, project.id, request.params.recordId),
      ]);
      return { files: files.map((f) => present(f, project.id, who)), study };
    },
  );

  app.get<{ Params: ProjectParams & { recordId: string; fileId: string } }>(
    '/api/projects/:id/reports/:recordId/files/:fileId',
    async (request, reply) => {
      const { project } = await requireProjectAction(store, request, request.params.id, 'screening.read');
      const { recordId, fileId } = request.params;
      if (!isUuid(recordId) || !isUuid(fileId))
        throw new WeftError('not-found', 'That full text does not exist.');
      const file = await findReportFile(store.db, project.id, fileId);
      if (!file || file.recordId !== recordId || file.status !== 'attached')
        throw new WeftError('not-found', 'That full text does not exist in this project (or was detached).');
      const upload = await openUpload(store.db, project.id, file.uploadId);
      if (!upload) throw new WeftError('not-found', 'The bytes of that full text are missing.');
      return sendUpload(request, reply, upload, {
        'content-type': 'application/pdf',
        'content-disposition': inlineDisposition(file.fileName),
        // A file's bytes never change under its id (a new version is a new file).
        'cache-control': 'private, max-age=86400, immutable',
        'x-content-type-options': 'nosniff',
      });
    },
  );
}

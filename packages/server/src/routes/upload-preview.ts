import { isUuid, WeftError } from '@weft/core';
import { streamFile } from '@weft/formats';
import { type UploadPreviewResponse, uploadPreviewRequestSchema } from '@weft/protocol';
import { openUpload } from '@weft/storage';
import type { FastifyInstance } from 'fastify';
import { validationError } from '../commands/execute-command.js';
import { requireProjectAction } from '../http/request-context.js';
import type { ServerDeps } from '../server-deps.js';

const PREVIEW_RECORDS = 5;

/**
 * Parse-only: detects the format of an upload and parses it without storing anything, so the
 * wizard can show the first records (and a table's columns and mapping) before the import
 * command. A body may say the format or change the column mapping; the preview then shows the
 * records as that import would store them. Parsed with the import's own streaming reader, so a
 * preview of a large file neither holds every record nor disagrees with the import.
 */
export function uploadPreviewRoutes(app: FastifyInstance, { store }: ServerDeps): void {
  app.post<{ Params: { id: string; uploadId: string } }>(
    '/api/projects/:id/uploads/:uploadId/preview',
    async (request): Promise<UploadPreviewResponse> => {
      const { id, uploadId } = request.params;
      await requireProjectAction(store, request, id, 'import.records');
      const body = uploadPreviewRequestSchema.safeParse(request.body ?? {});
      if (!body.success) throw validationError(body.error, 'Preview request');
      const upload = isUuid(uploadId) ? await openUpload(store.db, id, uploadId) : undefined;
      if (!upload)
        throw new WeftError(
          'not-found',
          'That upload does not exist in this project: upload the file again.',
        );
      const stream = await streamFile(upload, upload.fileName, {
        ...(body.data.format ? { format: body.data.format } : {}),
        ...(body.data.columnMapping ? { fieldMapping: body.data.columnMapping } : {}),
      });
      const records: UploadPreviewResponse['records'] = [];
      const warnings: UploadPreviewResponse['warnings'] = [];
      let recordCount = 0;
      for await (const batch of stream.batches) {
        for (const item of batch.records) {
          if (records.length < PREVIEW_RECORDS) records.push(item.record);
        }
        recordCount += batch.records.length;
        for (const w of batch.warnings) {
          warnings.push({
            message: w.message,
            ...(w.line !== undefined ? { line: w.line } : {}),
            ...(w.record !== undefined ? { record: w.record } : {}),
          });
        }
      }
      return {
        uploadId: upload.id,
        fileName: upload.fileName,
        format: stream.format,
        encoding: stream.encoding,
        recordCount,
        records,
        warnings: [...stream.decodeWarnings, ...warnings],
        table: stream.table ?? null,
      };
    },
  );
}

import { isUuid, WeftError } from '@weft/core';
import { decodeText, guessColumnMapping, parseFile, readDelimited, readXlsx } from '@weft/formats';
import type { UploadPreviewResponse } from '@weft/protocol';
import { readUpload } from '@weft/storage';
import type { FastifyInstance } from 'fastify';
import { requireProjectAction } from '../http/request-context.js';
import type { ServerDeps } from '../server-deps.js';

const PREVIEW_RECORDS = 5;

async function tableHeaders(bytes: Uint8Array, fileName: string, format: string): Promise<string[] | null> {
  if (format === 'xlsx') return (await readXlsx(bytes, fileName)).headers;
  if (format !== 'csv' && format !== 'tsv') return null;
  const { text } = decodeText(bytes, fileName);
  const firstLine = text.split('\n', 1)[0] ?? '';
  // Same rule as the CSV plugin: European spreadsheets write semicolons.
  const delimiter =
    format === 'tsv' ? '\t' : firstLine.split(';').length > firstLine.split(',').length ? ';' : ',';
  return readDelimited(text, delimiter, fileName).table.headers;
}

/**
 * Parse-only: detects the format of an upload and parses it without storing anything, so the
 * wizard can show the first records (and a table's guessed columns) before the import command.
 */
export function uploadPreviewRoutes(app: FastifyInstance, { store }: ServerDeps): void {
  app.post<{ Params: { id: string; uploadId: string } }>(
    '/api/projects/:id/uploads/:uploadId/preview',
    async (request): Promise<UploadPreviewResponse> => {
      const { id, uploadId } = request.params;
      await requireProjectAction(store, request, id, 'import.records');
      const upload = isUuid(uploadId) ? await readUpload(store.db, id, uploadId) : undefined;
      if (!upload)
        throw new WeftError(
          'not-found',
          'That upload does not exist in this project: upload the file again.',
        );
      const parsed = await parseFile(upload.bytes, upload.fileName);
      const headers = await tableHeaders(upload.bytes, upload.fileName, parsed.format);
      return {
        uploadId: upload.id,
        fileName: upload.fileName,
        format: parsed.format,
        encoding: parsed.encoding,
        recordCount: parsed.records.length,
        records: parsed.records.slice(0, PREVIEW_RECORDS).map((item) => item.record),
        warnings: parsed.warnings.map((w) => ({
          message: w.message,
          ...(w.line !== undefined ? { line: w.line } : {}),
          ...(w.record !== undefined ? { record: w.record } : {}),
        })),
        table: headers ? { headers, mapping: guessColumnMapping(headers) } : null,
      };
    },
  );
}

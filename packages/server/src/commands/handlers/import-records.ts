import { randomUUID } from 'node:crypto';
import { WeftError } from '@weft/core';
import { parseFile } from '@weft/formats';
import type { ImportWarningView } from '@weft/protocol';
import { findSearchForUpdate, importOfUpload, insertImport, readUpload } from '@weft/storage';
import { importProgress } from '../../identification/import-progress.js';
import { defineHandler } from '../command-handler.js';
import { projectOf, requireProjectAction } from '../require.js';

/**
 * Parses an uploaded file and stores every record, its verbatim source and the import in the
 * command's one transaction: a file that fails to parse, or fails half-way through storing,
 * leaves nothing behind.
 */
export const importRecords = defineHandler({
  type: 'import.records',
  scope: 'project',
  authorize: (context) => requireProjectAction(context, 'import.records'),
  async apply(trx, context, payload, at) {
    const project = projectOf(context);
    // Locked so two imports into one search are counted one after the other.
    const search = await findSearchForUpdate(trx, project.id, payload.searchId);
    if (!search) throw new WeftError('not-found', 'This search does not exist in the project.');
    const upload = await readUpload(trx, project.id, payload.uploadId);
    if (!upload)
      throw new WeftError('not-found', 'That upload does not exist in this project: upload the file again.');
    const earlier = await importOfUpload(trx, upload.id);
    if (earlier)
      throw new WeftError('conflict', `${upload.fileName} has already been imported (import ${earlier}).`);

    const report = importProgress.getStore();
    report?.('parsing', 0, upload.byteSize);
    const parsed = await parseFile(
      upload.bytes,
      upload.fileName,
      payload.format ? { format: payload.format } : {},
    );
    if (parsed.records.length === 0)
      throw new WeftError('bad-input', `${upload.fileName}: the file contains no records.`);

    const warnings: ImportWarningView[] = parsed.warnings.map((w) => ({
      message: w.message,
      ...(w.line !== undefined ? { line: w.line } : {}),
      ...(w.record !== undefined ? { record: w.record } : {}),
    }));
    const importedSoFar = await trx
      .selectFrom('imports')
      .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('record_count'), eb.lit(0)).as('n'))
      .where('search_id', '=', search.id)
      .executeTakeFirstOrThrow();
    const imported = Number(importedSoFar.n) + parsed.records.length;
    // A search exported in several files is checked against the sum of its imports.
    const countMismatch =
      search.reportedCount !== null && search.reportedCount !== imported
        ? { reported: search.reportedCount, imported }
        : null;
    if (countMismatch) {
      warnings.unshift({
        message: `${search.name} reported ${countMismatch.reported} records but ${countMismatch.imported} have been imported into it${imported > parsed.records.length ? ' (all files together)' : ''}.`,
      });
    }

    const importId = randomUUID();
    await insertImport(
      trx,
      {
        id: importId,
        projectId: project.id,
        searchId: search.id,
        uploadId: upload.id,
        fileName: upload.fileName,
        format: parsed.format,
        encoding: parsed.encoding,
        warnings,
        importedBy: context.actor.id,
        at,
      },
      parsed.records.map((item) => ({
        record: item.record,
        sourceText: item.sourceText,
        line: item.line,
        position: item.index,
      })),
      report && ((done, total) => report('storing', done, total)),
    );
    return {
      result: {
        importId,
        format: parsed.format,
        recordCount: parsed.records.length,
        warnings,
        countMismatch,
      },
      event: {
        projectId: project.id,
        eventType: 'records.imported',
        payload: {
          importId,
          searchId: search.id,
          searchName: search.name,
          fileName: upload.fileName,
          format: parsed.format,
          recordCount: parsed.records.length,
          warningCount: warnings.length,
          countMismatch,
        },
      },
    };
  },
});

import { randomUUID } from 'node:crypto';
import { WeftError } from '@weft/core';
import { type FormatWarning, streamFile } from '@weft/formats';
import type { ImportWarningView } from '@weft/protocol';
import {
  beginImport,
  findSearchForUpdate,
  finishImport,
  IMPORT_BATCH_SIZE,
  importOfUpload,
  insertImportBatch,
  type NewImport,
  openUpload,
  syncScreeningEligibility,
} from '@weft/storage';
import { importProgress } from '../../identification/import-progress.js';
import { defineHandler } from '../command-handler.js';
import { projectOf, requireProjectAction } from '../require.js';

const warningView = (w: FormatWarning): ImportWarningView => ({
  message: w.message,
  ...(w.line !== undefined ? { line: w.line } : {}),
  ...(w.record !== undefined ? { record: w.record } : {}),
});

/**
 * Parses an uploaded file and stores every record, its verbatim source and the import in the
 * command's one transaction: a file that fails to parse, or fails half-way through storing,
 * leaves nothing behind. The stored file is read chunk by chunk, parsed and stored batch by
 * batch (streamFile), so a 100,000-record export is never in memory, neither as bytes nor as
 * parsed records.
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
    // Not read into memory: the parser pulls the stored chunks one at a time as it needs them.
    const upload = await openUpload(trx, project.id, payload.uploadId);
    if (!upload)
      throw new WeftError('not-found', 'That upload does not exist in this project: upload the file again.');
    const earlier = await importOfUpload(trx, upload.id);
    if (earlier)
      throw new WeftError('conflict', `${upload.fileName} has already been imported (import ${earlier}).`);

    const report = importProgress.getStore();
    report?.('parsing', 0, upload.byteSize);
    const stream = await streamFile(upload, upload.fileName, {
      ...(payload.format ? { format: payload.format } : {}),
      ...(payload.columnMapping ? { fieldMapping: payload.columnMapping } : {}),
      batchSize: IMPORT_BATCH_SIZE,
    });

    const importId = randomUUID();
    const newImport: NewImport = {
      id: importId,
      projectId: project.id,
      searchId: search.id,
      uploadId: upload.id,
      fileName: upload.fileName,
      format: stream.format,
      encoding: stream.encoding,
      warnings: [],
      importedBy: context.actor.id,
      at,
    };
    await beginImport(trx, newImport);
    let recordCount = 0;
    const parseWarnings: ImportWarningView[] = [];
    for await (const batch of stream.batches) {
      for (const warning of batch.warnings) parseWarnings.push(warningView(warning));
      await insertImportBatch(
        trx,
        newImport,
        batch.records.map((item) => ({
          record: item.record,
          sourceText: item.sourceText,
          line: item.line,
          position: item.index,
        })),
      );
      recordCount += batch.records.length;
      const read = stream.progress();
      report?.('storing', recordCount, read > 0 ? Math.max(recordCount, Math.round(recordCount / read)) : 0);
    }
    if (recordCount === 0)
      throw new WeftError('bad-input', `${upload.fileName}: the file contains no records.`);

    const warnings: ImportWarningView[] = [...stream.decodeWarnings.map(warningView), ...parseWarnings];
    const importedSoFar = await trx
      .selectFrom('imports')
      .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('record_count'), eb.lit(0)).as('n'))
      .where('search_id', '=', search.id)
      .where('id', '!=', importId)
      .executeTakeFirstOrThrow();
    const imported = Number(importedSoFar.n) + recordCount;
    // A search exported in several files is checked against the sum of its imports.
    const countMismatch =
      search.reportedCount !== null && search.reportedCount !== imported
        ? { reported: search.reportedCount, imported }
        : null;
    if (countMismatch) {
      warnings.unshift({
        message: `${search.name} reported ${countMismatch.reported} records but ${countMismatch.imported} have been imported into it${imported > recordCount ? ' (all files together)' : ''}.`,
      });
    }
    await finishImport(trx, importId, { recordCount, warnings });
    // New records enter the first screening stage in the same transaction.
    await syncScreeningEligibility(trx, project.id);
    // What the import used, so the event log says which column filled which field.
    const columnMapping = stream.table?.mapping ?? null;

    return {
      result: {
        importId,
        format: stream.format,
        recordCount,
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
          format: stream.format,
          recordCount,
          warningCount: warnings.length,
          countMismatch,
          columnMapping,
        },
      },
    };
  },
});

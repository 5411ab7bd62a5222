import { randomUUID } from 'node:crypto';
import type { BibliographicRecord } from '@weft/core';
import type { Transaction } from 'kysely';
import type { Database } from '../schema.js';

/** One parsed record with its verbatim text (formats' ParsedRecord, without depending on formats). */
export interface ImportedRecord {
  record: BibliographicRecord;
  sourceText: string;
  line: number;
  position: number;
}

export interface NewImport {
  id: string;
  projectId: string;
  searchId: string;
  uploadId: string | null;
  fileName: string;
  format: string;
  encoding: string;
  warnings: unknown[];
  importedBy: string;
  at: Date;
}

/**
 * Rows per INSERT. 1,000 records × 14 columns stays far below PostgreSQL's 65,535 bind
 * parameters, and measured on PGlite larger batches gain nothing.
 */
export const IMPORT_BATCH_SIZE = 1000;

/** The sort/filter columns of a record, derived from its normalised copy. */
export function recordColumns(record: BibliographicRecord) {
  const first = record.authors[0];
  return {
    title: record.title?.trim() || null,
    year: record.year !== undefined && Number.isInteger(record.year) ? record.year : null,
    doi:
      record.doi
        ?.trim()
        .toLowerCase()
        .replace(/^(https?:\/\/(dx\.)?doi\.org\/|doi:\s*)/, '') || null,
    pmid: record.pmid?.trim() || null,
    first_author: (first ? first.literal || first.family : '')?.trim() || null,
  };
}

/**
 * Writes an import, its source records and their working copies inside the caller's
 * transaction, in batches; the caller's rollback undoes all of it (a failed import changes
 * nothing). Returns the new record ids in file order.
 */
export async function insertImport(
  trx: Transaction<Database>,
  imported: NewImport,
  records: readonly ImportedRecord[],
  onProgress?: (done: number, total: number) => void,
): Promise<string[]> {
  await trx
    .insertInto('imports')
    .values({
      id: imported.id,
      project_id: imported.projectId,
      search_id: imported.searchId,
      upload_id: imported.uploadId,
      file_name: imported.fileName,
      format: imported.format,
      encoding: imported.encoding,
      record_count: records.length,
      warnings: JSON.stringify(imported.warnings),
      imported_at: imported.at,
      imported_by: imported.importedBy,
    })
    .execute();
  const ids: string[] = [];
  for (let start = 0; start < records.length; start += IMPORT_BATCH_SIZE) {
    const batch = records.slice(start, start + IMPORT_BATCH_SIZE);
    const sourceIds = batch.map(() => randomUUID());
    const recordIds = batch.map(() => randomUUID());
    await trx
      .insertInto('source_records')
      .values(
        batch.map((item, i) => ({
          id: sourceIds[i] as string,
          project_id: imported.projectId,
          import_id: imported.id,
          position: item.position,
          line: item.line,
          text: item.sourceText,
        })),
      )
      .execute();
    await trx
      .insertInto('records')
      .values(
        batch.map((item, i) => ({
          id: recordIds[i] as string,
          project_id: imported.projectId,
          import_id: imported.id,
          search_id: imported.searchId,
          source_record_id: sourceIds[i] as string,
          data: JSON.stringify(item.record),
          ...recordColumns(item.record),
          group_id: null,
          version: 1,
          created_at: imported.at,
        })),
      )
      .execute();
    ids.push(...recordIds);
    onProgress?.(start + batch.length, records.length);
  }
  return ids;
}

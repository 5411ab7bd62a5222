import { randomUUID } from 'node:crypto';
import { normalizeDoi, WeftError } from '@weft/core';
import { type ExtractedDocument, extractPdf } from '@weft/extract';
import type { AttachedReportFile, AttachFilesResult, ReportFileMatchedBy } from '@weft/protocol';
import {
  attachedFilesWithHashes,
  type Database,
  detachReportFile,
  findRecords,
  findReportFile,
  findReports,
  insertReportFile,
  matchableRecords,
  readUpload,
  reportFileOfUpload,
  setRetrieval,
} from '@weft/storage';
import type { Transaction } from 'kysely';
import { defineHandler } from '../command-handler.js';
import { projectOf, requireProjectAction } from '../require.js';
import { buildMatchIndex, matchReportFile } from './report-files-match.js';

/*
 * Full texts of reports: PDFs uploaded first (commands carry no bytes), then attached to the
 * record they report, one at a time or many at once matched by what each PDF says about itself.
 * A file that is not a readable PDF fails the whole command, naming the file: nothing changes.
 */

type Trx = Transaction<Database>;

/** Pages searched for the DOI and the title: the title page, and the next for journals that put it there. */
const FIRST_PAGES = 2;

interface ReadFile {
  uploadId: string;
  fileName: string;
  byteSize: number;
  sha256: string;
  doc: ExtractedDocument;
  firstPagesText: string;
  doi: string | null;
}

async function readPdf(trx: Trx, projectId: string, uploadId: string): Promise<ReadFile> {
  const upload = await readUpload(trx, projectId, uploadId);
  if (!upload)
    throw new WeftError('not-found', 'That upload does not exist in this project: upload the file again.');
  if (await reportFileOfUpload(trx, uploadId))
    throw new WeftError(
      'conflict',
      `${upload.fileName}: this upload is already a full text; upload it again.`,
    );
  // Extraction errors are bad-input WeftErrors naming the file and the problem.
  const doc = await extractPdf(upload.fileName, upload.bytes);
  const last = doc.pages?.[Math.min(FIRST_PAGES, doc.pages.length) - 1];
  const firstPagesText = last ? doc.text.slice(0, last.end) : doc.text;
  const doi = normalizeDoi(/10\.\d{4,9}\/[^\s"<>]+/.exec(firstPagesText)?.[0]) ?? null;
  return {
    uploadId,
    fileName: upload.fileName,
    byteSize: upload.byteSize,
    sha256: upload.sha256,
    doc,
    firstPagesText,
    doi,
  };
}

/** Attaching a full text says the report was retrieved, unless someone already said otherwise. */
async function markRetrieved(trx: Trx, projectId: string, recordIds: string[], actorId: string, at: Date) {
  const reports = new Map((await findReports(trx, projectId, recordIds)).map((r) => [r.recordId, r]));
  const set: string[] = [];
  for (const recordId of new Set(recordIds)) {
    const report = reports.get(recordId);
    if (report?.retrieval) continue;
    await setRetrieval(trx, projectId, recordId, 'retrieved', report?.retrievalNote ?? '', actorId, at);
    set.push(recordId);
  }
  return set;
}

async function attach(
  trx: Trx,
  projectId: string,
  file: ReadFile,
  recordId: string,
  matchedBy: ReportFileMatchedBy,
  actorId: string,
  at: Date,
): Promise<AttachedReportFile> {
  const fileId = randomUUID();
  await insertReportFile(trx, {
    id: fileId,
    projectId,
    recordId,
    uploadId: file.uploadId,
    fileName: file.fileName,
    byteSize: file.byteSize,
    sha256: file.sha256,
    pageCount: file.doc.meta.pageCount ?? file.doc.pages?.length ?? 0,
    doi: file.doi,
    text: file.doc.text,
    matchedBy,
    attachedBy: actorId,
    at,
  });
  return {
    fileId,
    recordId,
    uploadId: file.uploadId,
    fileName: file.fileName,
    pageCount: file.doc.meta.pageCount ?? 0,
    matchedBy,
  };
}

export const reportAttachFile = defineHandler({
  type: 'report.attach-file',
  scope: 'project',
  authorize: (context) => requireProjectAction(context, 'report.attach-file'),
  async apply(trx, context, payload, at) {
    const project = projectOf(context);
    const [record] = await findRecords(trx, project.id, [payload.recordId]);
    if (!record) throw new WeftError('not-found', 'That record does not exist in the project.');
    const file = await readPdf(trx, project.id, payload.uploadId);
    const same = await attachedFilesWithHashes(trx, project.id, [file.sha256]);
    if (same.some((f) => f.recordId === payload.recordId))
      throw new WeftError('conflict', `${file.fileName}: this file is already attached to the record.`);
    const attached = await attach(trx, project.id, file, payload.recordId, 'manual', context.actor.id, at);
    const retrievalSet =
      (await markRetrieved(trx, project.id, [payload.recordId], context.actor.id, at)).length > 0;
    return {
      result: { ...attached, retrievalSet },
      event: {
        projectId: project.id,
        eventType: 'report.file-attached',
        payload: {
          fileId: attached.fileId,
          recordId: attached.recordId,
          fileName: attached.fileName,
          pageCount: attached.pageCount,
          matchedBy: 'manual',
          retrievalSet,
        },
      },
    };
  },
});

export const reportAttachFiles = defineHandler({
  type: 'report.attach-files',
  scope: 'project',
  authorize: (context) => requireProjectAction(context, 'report.attach-files'),
  async apply(trx, context, payload, at) {
    const project = projectOf(context);
    if (new Set(payload.uploadIds).size !== payload.uploadIds.length)
      throw new WeftError('validation', 'The same upload is listed twice.');
    // Every file is read before anything is written: one unreadable file fails the upload whole.
    const files: ReadFile[] = [];
    for (const uploadId of payload.uploadIds) files.push(await readPdf(trx, project.id, uploadId));
    const records = await matchableRecords(trx, project.id);
    const index = buildMatchIndex(records);
    const titles = new Map(records.map((r) => [r.id, r]));
    const taken = new Set(
      (
        await attachedFilesWithHashes(
          trx,
          project.id,
          files.map((f) => f.sha256),
        )
      ).map((f) => `${f.sha256}|${f.recordId}`),
    );
    const result: AttachFilesResult = { attached: [], ambiguous: [], unmatched: [], duplicates: [] };
    for (const file of files) {
      const match = matchReportFile(index, {
        fileName: file.fileName,
        firstPagesText: file.firstPagesText,
        metadataTitle: file.doc.meta.title,
      });
      if (match.kind === 'matched') {
        const key = `${file.sha256}|${match.recordId}`;
        if (taken.has(key)) {
          result.duplicates.push({
            uploadId: file.uploadId,
            fileName: file.fileName,
            recordId: match.recordId,
          });
          continue;
        }
        const attached = await attach(trx, project.id, file, match.recordId, match.by, context.actor.id, at);
        taken.add(key);
        result.attached.push({ ...attached, recordTitle: titles.get(match.recordId)?.title ?? '' });
      } else if (match.kind === 'ambiguous') {
        result.ambiguous.push({
          uploadId: file.uploadId,
          fileName: file.fileName,
          by: match.by,
          candidates: match.recordIds.slice(0, 20).map((recordId) => ({
            recordId,
            title: titles.get(recordId)?.title ?? '',
            year: titles.get(recordId)?.year ?? null,
          })),
        });
      } else result.unmatched.push({ uploadId: file.uploadId, fileName: file.fileName });
    }
    await markRetrieved(
      trx,
      project.id,
      result.attached.map((a) => a.recordId),
      context.actor.id,
      at,
    );
    return {
      result,
      event: {
        projectId: project.id,
        eventType: 'report.files-attached',
        payload: {
          attached: result.attached.map(({ fileId, recordId, fileName, matchedBy }) => ({
            fileId,
            recordId,
            fileName,
            matchedBy,
          })),
          ambiguous: result.ambiguous.map((a) => a.fileName),
          unmatched: result.unmatched.map((u) => u.fileName),
          duplicates: result.duplicates.map((d) => d.fileName),
        },
      },
    };
  },
});

export const reportDetachFile = defineHandler({
  type: 'report.detach-file',
  scope: 'project',
  authorize: (context) => requireProjectAction(context, 'report.detach-file'),
  async apply(trx, context, payload, at) {
    const project = projectOf(context);
    const file = await findReportFile(trx, project.id, payload.fileId);
    if (!file) throw new WeftError('not-found', 'That full text does not exist in this project.');
    if (!(await detachReportFile(trx, project.id, file.id, context.actor.id, at)))
      throw new WeftError('conflict', `${file.fileName} is already detached.`);
    return {
      result: { fileId: file.id, recordId: file.recordId },
      event: {
        projectId: project.id,
        eventType: 'report.file-detached',
        payload: { fileId: file.id, recordId: file.recordId, fileName: file.fileName },
      },
    };
  },
});

/** Handlers of the full-text commands, spread into the registry. */
export const REPORT_FILE_HANDLERS = {
  'report.attach-file': reportAttachFile,
  'report.attach-files': reportAttachFiles,
  'report.detach-file': reportDetachFile,
};

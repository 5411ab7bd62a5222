import { basename } from 'node:path';
import { WeftError } from '@weft/core';
import { placeSelections, readQdpx } from '@weft/formats';
import {
  deleteQdpxUpload,
  insertAnnotation,
  insertAttribute,
  insertCase,
  insertDocument,
  insertMemo,
  insertMemoLink,
  insertRows,
  readQdpxUpload,
  writeAttributeValue,
} from '@weft/storage';
import { defineHandler } from '../command-handler.js';
import { requireInstanceAction } from '../require.js';
import { appendChangeEvents } from './coding-change.js';
import { insertProjectWithOwner } from './create-project.js';
import { importChanges } from './qdpx-import-events.js';
import { planQdpxImport } from './qdpx-import-plan.js';

function projectName(given: string | undefined, inFile: string, fileName: string): string {
  if (given) return given;
  // NVivo writes "Untitled" when the project was never named.
  if (inFile.trim() && inFile.trim().toLowerCase() !== 'untitled') return inFile;
  return basename(fileName).replace(/\.(qdpx|qde|qdc)$/i, '') || 'Imported project';
}

/**
 * A REFI-QDA project (.qdpx, .qde) or codebook (.qdc) into a new project, in one transaction: a
 * bad file (or any failure) leaves nothing behind, not even the project row.
 */
export const projectImportQdpx = defineHandler({
  type: 'project.import-qdpx',
  scope: 'instance',
  authorize: (context) => requireInstanceAction(context, 'project.create'),
  async apply(trx, context, payload, at) {
    const { actor } = context;
    const upload = await readQdpxUpload(trx, payload.uploadId, actor.id);
    if (!upload) throw new WeftError('not-found', 'That staged file does not exist: upload the file again.');
    const archive = readQdpx(upload.bytes, upload.fileName);
    const placement = placeSelections(archive);
    const description = [
      archive.project.description ?? '',
      `Imported from ${upload.fileName}${archive.project.origin ? ` (${archive.project.origin})` : ''}.`,
    ]
      .filter(Boolean)
      .join('\n\n');
    const { projectId, name } = await insertProjectWithOwner(trx, {
      name: projectName(payload.name, archive.project.name, upload.fileName),
      description,
      ownerId: actor.id,
      at,
    });
    const plan = planQdpxImport(archive, placement, projectId, actor.id, at);
    await insertRows(trx, 'codes', plan.codes);
    for (const doc of plan.documents) {
      await insertDocument(
        trx,
        { ...doc, projectId, kind: 'text', pages: null, meta: { ...doc.meta, fileName: upload.fileName } },
        actor.id,
        at,
      );
    }
    await insertRows(trx, 'codings', plan.codings);
    await insertRows(
      trx,
      'qdpx_source_files',
      plan.sourceFiles.map((r) => ({ ...r, project_id: projectId })),
      20,
    );
    await insertRows(
      trx,
      'qdpx_media_selections',
      plan.mediaSelections.map((r) => ({ ...r, project_id: projectId })),
    );
    await insertRows(
      trx,
      'qdpx_sets',
      plan.sets.map((r) => ({ ...r, project_id: projectId })),
    );
    for (const { memo, links } of plan.memos) {
      await insertMemo(trx, memo, at);
      for (const link of links) await insertMemoLink(trx, memo.id, link, actor.id, at);
    }
    for (const annotation of plan.annotations) await insertAnnotation(trx, annotation, at);
    for (const c of plan.cases.cases) await insertCase(trx, c, actor.id, at);
    for (const a of plan.cases.attributes) await insertAttribute(trx, a, actor.id, at);
    for (const v of plan.cases.values)
      await writeAttributeValue(trx, projectId, v.attributeId, v.targetId, v.value, actor.id, at);
    for (const [documentId, caseId] of plan.cases.documentCases)
      await trx.updateTable('documents').set({ case_id: caseId }).where('id', '=', documentId).execute();
    await insertRows(
      trx,
      'qdpx_origins',
      plan.origins.map((r) => ({ ...r, project_id: projectId })),
    );
    await trx
      .insertInto('qdpx_imports')
      .values({
        project_id: projectId,
        file_name: upload.fileName,
        origin: archive.project.origin ?? '',
        report: JSON.stringify(plan.report),
        imported_at: at,
        imported_by: actor.id,
      })
      .execute();
    await appendChangeEvents(trx, projectId, importChanges(plan), context, at, 'qdpx');
    await deleteQdpxUpload(trx, upload.id);
    const { imported } = plan.report;
    return {
      result: { projectId, report: plan.report },
      event: {
        projectId,
        eventType: 'project.qdpx-imported',
        payload: {
          name,
          fileName: upload.fileName,
          origin: archive.project.origin ?? '',
          imported,
        },
      },
    };
  },
});

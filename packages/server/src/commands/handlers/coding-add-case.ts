import { randomUUID } from 'node:crypto';
import { applyCodingChange, type CodingChange, codeSpan, makeAnchor, WeftError } from '@weft/core';
import { type Database, loadCodingState, saveCodingState, versionTexts } from '@weft/storage';
import { sql, type Transaction } from 'kysely';
import { defineHandler } from '../command-handler.js';
import { projectOf, requireProjectAction } from '../require.js';
import { requireCase } from './case-lookup.js';
import { appendChangeEvents } from './coding-change.js';

/*
 * "Code a whole document or case" (issue 7): applies a code to every document of a case, each in
 * full at its current version, in one transaction. Each coding is an ordinary `coding.added`
 * event (under a command id derived from this one's), so the coder's undo, the codebook history
 * and every count see them like codings made by hand; the command's own event is the summary.
 */

interface CaseDocument {
  id: string;
  name: string;
  versionId: string;
}

/** The case's documents (assigned to it, or for a study case assigned to its study) with their current version. */
async function caseDocuments(
  trx: Transaction<Database>,
  projectId: string,
  caseId: string,
  studyId: string | null,
): Promise<CaseDocument[]> {
  const { rows } = await sql<{ id: string; name: string; version_id: string }>`
    select distinct on (d.id) d.id, d.name, v.id as version_id
    from documents d
    join document_versions v on v.document_id = d.id
    where d.project_id = ${projectId}
      and (d.case_id = ${caseId} or (${studyId}::text is not null and d.study_id::text = ${studyId}::text))
    order by d.id, v.version desc`.execute(trx);
  return rows
    .map((row) => ({ id: row.id, name: row.name, versionId: row.version_id }))
    .sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
}

export const codingAddCase = defineHandler({
  type: 'coding.add-case',
  scope: 'project',
  authorize: (context) => requireProjectAction(context, 'coding.add-case'),
  async apply(trx, context, payload, at) {
    const project = projectOf(context);
    const target = await requireCase(trx, project.id, payload.caseId);
    if (target.status !== 'active')
      throw new WeftError('conflict', `The case “${target.name}” is deleted: restore it first.`);
    const documents = await caseDocuments(trx, project.id, target.id, target.study_id);
    if (documents.length === 0)
      throw new WeftError('validation', `The case “${target.name}” has no documents to code.`, {
        caseId: target.id,
      });
    const texts = await versionTexts(
      trx,
      documents.map((d) => d.versionId),
    );
    // Documents already coded in full with this code, at their current version, are left alone.
    const full = await trx
      .selectFrom('codings')
      .select(['version_id', 'end_offset'])
      .where('project_id', '=', project.id)
      .where('status', '=', 'active')
      .where('code_id', '=', payload.codeId)
      .where('start_offset', '=', 0)
      .where(
        'version_id',
        'in',
        documents.map((d) => d.versionId),
      )
      .execute();
    const coded = new Set(
      full.filter((c) => c.end_offset === texts.get(c.version_id)?.length).map((c) => c.version_id),
    );
    const before = await loadCodingState(trx, project.id, { codingIds: [] });
    let state = before;
    const changes: CodingChange[] = [];
    const codingIds: string[] = [];
    for (const document of documents) {
      const text = texts.get(document.versionId) ?? '';
      if (text.length === 0 || coded.has(document.versionId)) continue;
      const id = randomUUID();
      const change = codeSpan(state, {
        id,
        codeId: payload.codeId,
        documentId: document.id,
        versionId: document.versionId,
        anchor: makeAnchor(text, 0, text.length),
        coderId: context.actor.id,
        createdAt: at.toISOString(),
      });
      state = applyCodingChange(state, change);
      changes.push(change);
      codingIds.push(id);
    }
    await saveCodingState(trx, project.id, before, state, context.actor.id, at);
    await appendChangeEvents(trx, project.id, changes, context, at, 'coding');
    const skipped = documents.length - codingIds.length;
    return {
      result: { codingIds, documents: documents.length, skipped },
      event: {
        projectId: project.id,
        eventType: 'case.coded',
        payload: { caseId: target.id, caseName: target.name, codeId: payload.codeId, codingIds, skipped },
      },
    };
  },
});

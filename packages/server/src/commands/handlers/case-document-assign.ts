import { WeftError } from '@weft/core';
import { assignDocument, getDocument, listIncludedStudies } from '@weft/storage';
import { defineHandler } from '../command-handler.js';
import { projectOf, requireProjectAction } from '../require.js';
import { requireCase } from './case-lookup.js';

/**
 * Where a document belongs (DESIGN: "a document can belong to an included study, to a
 * participant, or stand alone; folders"). The study is named by its study id (reports.study_id,
 * the id of its first report's record); the id of any included report of the study is accepted
 * and stored as the study's id, so two reports of one study never split its documents.
 */
export const documentAssign = defineHandler({
  type: 'document.assign',
  scope: 'project',
  authorize: (context) => requireProjectAction(context, 'document.assign'),
  async apply(trx, context, payload) {
    const project = projectOf(context);
    const document = await getDocument(trx, project.id, payload.documentId);
    if (!document) throw new WeftError('not-found', 'That document does not exist in this project.');
    if (payload.caseId) {
      const target = await requireCase(trx, project.id, payload.caseId);
      if (target.status !== 'active')
        throw new WeftError('conflict', `The case “${target.name}” is deleted: restore it first.`);
    }
    let studyId = payload.studyRecordId;
    if (studyId) {
      const wanted = studyId;
      const studies = await listIncludedStudies(trx, project.id);
      const study = studies.find((s) => s.studyId === wanted || s.recordId === wanted);
      if (!study) {
        const report = await trx
          .selectFrom('reports')
          .select('study_id')
          .where('project_id', '=', project.id)
          .where('record_id', '=', wanted)
          .executeTakeFirst();
        const viaReport = report && studies.find((s) => s.studyId === report.study_id);
        if (!viaReport)
          throw new WeftError(
            'validation',
            'That record is not an included study of this project (final include at the last screening stage).',
          );
        studyId = viaReport.studyId;
      } else studyId = study.studyId;
    }
    const changes = { folder: payload.folder, caseId: payload.caseId, studyId };
    await assignDocument(trx, document.id, changes);
    const after = {
      folder: changes.folder ?? document.folder,
      caseId: changes.caseId === undefined ? document.case_id : changes.caseId,
      studyId: changes.studyId === undefined ? document.study_id : changes.studyId,
    };
    return {
      result: { documentId: document.id, ...after },
      event: {
        projectId: project.id,
        eventType: 'document.assigned',
        payload: {
          documentId: document.id,
          name: document.name,
          ...after,
          from: { folder: document.folder, caseId: document.case_id, studyId: document.study_id },
        },
      },
    };
  },
});

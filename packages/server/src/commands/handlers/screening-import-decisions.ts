import { roleAtLeast, WeftError } from '@weft/core';
import { findMembership, readUpload } from '@weft/storage';
import { defineHandler } from '../command-handler.js';
import { projectOf, requireProjectAction } from '../require.js';

/**
 * Imports a stage's decisions from another tool's export (ASReview, Rayyan, Covidence, RIS),
 * matched to the project's records and attributed to one reviewer, in one transaction.
 * (Being completed by the model engineer: parsing and matching land next.)
 */
export const screeningImportDecisions = defineHandler({
  type: 'screening.import-decisions',
  scope: 'project',
  authorize: (context) => requireProjectAction(context, 'screening.import-decisions'),
  async apply(trx, context, payload) {
    const project = projectOf(context);
    const role = await findMembership(trx, project.id, payload.reviewerId);
    if (!role || !roleAtLeast(role, 'reviewer'))
      throw new WeftError('bad-input', 'Decisions can only be attributed to a reviewer of this project.');
    const upload = await readUpload(trx, project.id, payload.uploadId);
    if (!upload)
      throw new WeftError('not-found', 'That upload does not exist in this project: upload the file again.');
    throw new WeftError('bad-input', `${upload.fileName}: importing decisions is not available yet.`);
  },
});

import { randomUUID } from 'node:crypto';
import { roleAtLeast, WeftError } from '@weft/core';
import { currentDecisions, findMembership, insertResolution } from '@weft/storage';
import { loadStage, requireNotClosed } from '../../screening/stage-context.js';
import { defineHandler } from '../command-handler.js';
import { projectOf, requireProjectAction } from '../require.js';
import { checkReasons, requireEligible } from './screening-decide.js';

/**
 * Closes a conflict: by consensus (recorded by a lead, with who took part) or by a third
 * reviewer, who must not be one of those whose decisions differ.
 */
export const screeningResolve = defineHandler({
  type: 'screening.resolve',
  scope: 'project',
  authorize: (context) => requireProjectAction(context, 'screening.resolve'),
  async apply(trx, context, payload, at) {
    const project = projectOf(context);
    const { stage, chain } = await loadStage(trx, project.id, payload.stageId, true);
    requireNotClosed(stage);
    const state = await requireEligible(trx, chain, payload.recordId);
    if (state.verdicts < 2)
      throw new WeftError(
        'conflict',
        'The decisions on this record do not differ: there is no conflict to resolve.',
      );
    const deciders = (await currentDecisions(trx, stage.id, [payload.recordId])).map((d) => d.reviewerId);
    let participantIds: string[];
    if (payload.method === 'consensus') {
      if (!context.role || !roleAtLeast(context.role, 'lead'))
        throw new WeftError('forbidden', 'A consensus is recorded by the lead.', { projectId: project.id });
      participantIds = [
        ...new Set(
          payload.participantIds.length > 0 ? payload.participantIds : [...deciders, context.actor.id],
        ),
      ];
      for (const id of participantIds)
        if (!(await findMembership(trx, project.id, id)))
          throw new WeftError('validation', `participantIds: ${id} is not a member of this project.`);
    } else {
      if (deciders.includes(context.actor.id))
        throw new WeftError(
          'forbidden',
          'You made one of the differing decisions: a third reviewer resolves this conflict, or the lead records a consensus.',
          { projectId: project.id },
        );
      participantIds = [context.actor.id];
    }
    await checkReasons(trx, stage, payload.decision, payload.reasonIds);
    const resolutionId = randomUUID();
    await insertResolution(trx, {
      id: resolutionId,
      projectId: project.id,
      stageId: stage.id,
      recordId: payload.recordId,
      method: payload.method,
      decision: payload.decision,
      reasonIds: payload.reasonIds,
      participantIds,
      resolvedBy: context.actor.id,
      note: payload.note,
      at,
    });
    return {
      result: { resolutionId },
      event: {
        projectId: project.id,
        eventType: 'screening.resolved',
        payload: {
          stageId: stage.id,
          stageName: stage.name,
          recordId: payload.recordId,
          resolutionId,
          method: payload.method,
          participantIds,
          decision: payload.decision,
          reasonIds: payload.reasonIds,
          note: payload.note,
        },
      },
    };
  },
});

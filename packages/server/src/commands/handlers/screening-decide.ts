import { WeftError } from '@weft/core';
import {
  type Database,
  findCurrentDecision,
  insertDecisions,
  listReasons,
  retractDecision,
  type StoredStage,
  stageRecordState,
} from '@weft/storage';
import type { Transaction } from 'kysely';
import { loadStage, requireNotClosed } from '../../screening/stage-context.js';
import { defineHandler } from '../command-handler.js';
import { projectOf, requireProjectAction } from '../require.js';

/** Stages with assigned reviewers are screened by them only; an empty list is a shared queue. */
export function requireAssigned(stage: StoredStage, userId: string): void {
  if (stage.reviewerIds.length > 0 && !stage.reviewerIds.includes(userId))
    throw new WeftError(
      'forbidden',
      `You are not one of the reviewers assigned to the stage “${stage.name}”.`,
      {
        projectId: stage.projectId,
      },
    );
}

/** Reasons must be the stage's own, go with an exclusion (or a maybe), and be given where required. */
export async function checkReasons(
  trx: Transaction<Database>,
  stage: StoredStage,
  decision: string,
  reasonIds: readonly string[],
): Promise<void> {
  if (decision === 'include' && reasonIds.length > 0)
    throw new WeftError('validation', 'reasonIds: exclusion reasons cannot go with an include.');
  if (decision === 'exclude' && stage.reasonRequired && reasonIds.length === 0)
    throw new WeftError(
      'validation',
      `reasonIds: at the stage “${stage.name}” an exclusion needs at least one reason.`,
    );
  if (reasonIds.length === 0) return;
  const known = new Set((await listReasons(trx, [stage.id])).map((r) => r.id));
  const unknown = reasonIds.find((id) => !known.has(id));
  if (unknown)
    throw new WeftError('validation', `reasonIds: ${unknown} is not an exclusion reason of this stage.`);
}

export async function requireEligible(
  trx: Transaction<Database>,
  chain: readonly StoredStage[],
  recordId: string,
) {
  const state = await stageRecordState(trx, chain, recordId);
  if (!state)
    throw new WeftError(
      'not-found',
      'This record is not screened at this stage (it does not exist, was merged into a duplicate, was removed before screening, or did not pass the stage before).',
    );
  return state;
}

export const screeningDecide = defineHandler({
  type: 'screening.decide',
  scope: 'project',
  authorize: (context) => requireProjectAction(context, 'screening.decide'),
  async apply(trx, context, payload, at) {
    const project = projectOf(context);
    const { stage, chain } = await loadStage(trx, project.id, payload.stageId, true);
    requireNotClosed(stage);
    requireAssigned(stage, context.actor.id);
    await requireEligible(trx, chain, payload.recordId);
    await checkReasons(trx, stage, payload.decision, payload.reasonIds);
    const previous = await findCurrentDecision(trx, stage.id, payload.recordId, context.actor.id);
    const [decisionId] = await insertDecisions(trx, [
      {
        projectId: project.id,
        stageId: stage.id,
        recordId: payload.recordId,
        reviewerId: context.actor.id,
        decision: payload.decision,
        reasonIds: payload.reasonIds,
        note: payload.note,
        source: 'weft',
        at,
        commandId: context.commandId ?? null,
      },
    ]);
    return {
      result: { decisionId: decisionId as string },
      event: {
        projectId: project.id,
        eventType: 'screening.decided',
        // The verdict, reasons and note are hidden from other reviewers when the feed is presented.
        payload: {
          stageId: stage.id,
          stageName: stage.name,
          recordId: payload.recordId,
          decisionId,
          changed: previous !== undefined,
          decision: payload.decision,
          reasonIds: payload.reasonIds,
          note: payload.note,
        },
      },
    };
  },
});

export const screeningRetract = defineHandler({
  type: 'screening.retract',
  scope: 'project',
  authorize: (context) => requireProjectAction(context, 'screening.retract'),
  async apply(trx, context, payload, at) {
    const project = projectOf(context);
    const { stage } = await loadStage(trx, project.id, payload.stageId, true);
    requireNotClosed(stage);
    const decisionId = await retractDecision(trx, stage.id, payload.recordId, context.actor.id, at);
    if (!decisionId)
      throw new WeftError('conflict', 'You have no decision on this record at this stage to take back.');
    return {
      result: { decisionId },
      event: {
        projectId: project.id,
        eventType: 'screening.retracted',
        payload: { stageId: stage.id, stageName: stage.name, recordId: payload.recordId, decisionId },
      },
    };
  },
});

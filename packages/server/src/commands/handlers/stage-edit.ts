import { WeftError } from '@weft/core';
import { refreshStageOutcomes, replaceCriteria, replaceReasons, updateStage } from '@weft/storage';
import { loadStage } from '../../screening/stage-context.js';
import { defineHandler } from '../command-handler.js';
import { projectOf, requireProjectAction, staleVersion } from '../require.js';
import { checkReviewers, checkSampleSettings, drawStageSample } from './stage-create.js';

export const stageUpdate = defineHandler({
  type: 'stage.update',
  scope: 'project',
  authorize: (context) => requireProjectAction(context, 'stage.update'),
  async apply(trx, context, payload, at) {
    const project = projectOf(context);
    const { stage } = await loadStage(trx, project.id, payload.stageId, true);
    if (stage.version !== payload.expectedVersion) throw staleVersion('stage', stage);
    checkSampleSettings(payload.mode, payload.samplePercent);
    await checkReviewers(trx, project.id, payload.reviewerIds);
    const percentChanged = payload.samplePercent !== stage.samplePercent;
    // The sample is drawn once; redrawing it under decisions already made would change who
    // screens what after the fact, so a new percentage is refused once screening has begun.
    if (payload.mode === 'sample' && stage.sampleDrawnAt && percentChanged) {
      const decided = await trx
        .selectFrom('screening_decisions')
        .select('id')
        .where('stage_id', '=', stage.id)
        .limit(1)
        .executeTakeFirst();
      if (decided)
        throw new WeftError(
          'conflict',
          'The dual-screening sample was drawn and screening has begun: its percentage can no longer change.',
        );
    }
    let version = await updateStage(trx, stage.id, {
      name: payload.name,
      mode: payload.mode,
      samplePercent: payload.samplePercent,
      reviewerIds: payload.reviewerIds,
      reasonRequired: payload.reasonRequired,
    });
    let sample: { eligible: number; drawn: number } | null = null;
    if (payload.mode === 'sample' && (!stage.sampleDrawnAt || percentChanged)) {
      sample = await drawStageSample(
        trx,
        { ...stage, mode: 'sample', samplePercent: payload.samplePercent },
        at,
      );
      version += 1;
    } else if (payload.mode !== stage.mode || percentChanged) {
      // Who needs two decisions changed: so may final decisions here and eligibility after.
      await refreshStageOutcomes(trx, project.id, { fromStageId: stage.id });
    }
    return {
      result: { version },
      event: {
        projectId: project.id,
        eventType: 'stage.updated',
        payload: {
          stageId: stage.id,
          name: payload.name,
          mode: payload.mode,
          samplePercent: payload.samplePercent,
          sampleSeed: stage.sampleSeed,
          reviewerIds: payload.reviewerIds,
          reasonRequired: payload.reasonRequired,
          sample,
          version,
        },
      },
    };
  },
});

export const stageSetCriteria = defineHandler({
  type: 'stage.set-criteria',
  scope: 'project',
  authorize: (context) => requireProjectAction(context, 'stage.set-criteria'),
  async apply(trx, context, payload) {
    const project = projectOf(context);
    const { stage } = await loadStage(trx, project.id, payload.stageId, true);
    if (stage.version !== payload.expectedVersion) throw staleVersion('stage', stage);
    await replaceCriteria(trx, project.id, stage.id, payload.criteria);
    const version = await updateStage(trx, stage.id, {
      includeKeywords: payload.includeKeywords,
      excludeKeywords: payload.excludeKeywords,
    });
    return {
      result: { version },
      event: {
        projectId: project.id,
        eventType: 'stage.criteria-set',
        payload: {
          stageId: stage.id,
          name: stage.name,
          criteria: payload.criteria,
          includeKeywords: payload.includeKeywords,
          excludeKeywords: payload.excludeKeywords,
        },
      },
    };
  },
});

export const stageSetReasons = defineHandler({
  type: 'stage.set-reasons',
  scope: 'project',
  authorize: (context) => requireProjectAction(context, 'stage.set-reasons'),
  async apply(trx, context, payload) {
    const project = projectOf(context);
    const { stage } = await loadStage(trx, project.id, payload.stageId, true);
    if (stage.version !== payload.expectedVersion) throw staleVersion('stage', stage);
    const labels = payload.reasons.map((r) => r.label.toLowerCase());
    const repeated = labels.find((label, i) => labels.indexOf(label) !== i);
    if (repeated !== undefined) throw new WeftError('validation', `reasons: “${repeated}” is listed twice.`);
    const reasonIds = await replaceReasons(trx, project.id, stage.id, payload.reasons);
    const version = await updateStage(trx, stage.id, {});
    return {
      result: { version, reasonIds },
      event: {
        projectId: project.id,
        eventType: 'stage.reasons-set',
        payload: {
          stageId: stage.id,
          name: stage.name,
          reasons: payload.reasons.map((r, i) => ({ id: reasonIds[i], label: r.label })),
        },
      },
    };
  },
});

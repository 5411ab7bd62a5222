import { randomUUID } from 'node:crypto';
import { WeftError } from '@weft/core';
import { insertStop, listStops, stageCounts, updateStage } from '@weft/storage';
import { loadStage, requireNotClosed } from '../../screening/stage-context.js';
import { stoppingEvidence } from '../../screening/stopping-evidence.js';
import { defineHandler } from '../command-handler.js';
import { projectOf, requireProjectAction, staleVersion } from '../require.js';
import { drawSeed } from './stage-create.js';

export const stageStartStoppingSample = defineHandler({
  type: 'stage.start-stopping-sample',
  scope: 'project',
  authorize: (context) => requireProjectAction(context, 'stage.start-stopping-sample'),
  async apply(trx, context, payload, at) {
    const project = projectOf(context);
    const { stage, chain } = await loadStage(trx, project.id, payload.stageId, true);
    requireNotClosed(stage);
    if (stage.stoppingSampleStartedAt)
      throw new WeftError('conflict', 'The stopping sample of this stage has already started.');
    const seed = payload.seed ?? drawSeed();
    const counts = await stageCounts(trx, chain);
    await updateStage(trx, stage.id, { stoppingSampleSeed: seed, stoppingSampleStartedAt: at });
    return {
      result: { seed },
      event: {
        projectId: project.id,
        eventType: 'stage.stopping-sample-started',
        payload: { stageId: stage.id, name: stage.name, seed, remaining: counts.remaining },
      },
    };
  },
});

/** The lead's decision to stop screening; the evidence is computed now and kept with it. */
export const stageStop = defineHandler({
  type: 'stage.stop',
  scope: 'project',
  authorize: (context) => requireProjectAction(context, 'stage.stop'),
  async apply(trx, context, payload, at) {
    const project = projectOf(context);
    const { stage, chain } = await loadStage(trx, project.id, payload.stageId, true);
    requireNotClosed(stage);
    const evidence = await stoppingEvidence(trx, chain);
    await insertStop(trx, {
      id: randomUUID(),
      projectId: project.id,
      stageId: stage.id,
      at,
      by: context.actor.id,
      note: payload.note,
      evidence,
    });
    await updateStage(trx, stage.id, { status: 'stopped' });
    return {
      result: { evidence },
      event: {
        projectId: project.id,
        eventType: 'stage.stopped',
        payload: { stageId: stage.id, name: stage.name, note: payload.note, evidence },
      },
    };
  },
});

export const stageUnblind = defineHandler({
  type: 'stage.unblind',
  scope: 'project',
  authorize: (context) => requireProjectAction(context, 'stage.unblind'),
  async apply(trx, context, payload) {
    const project = projectOf(context);
    const { stage } = await loadStage(trx, project.id, payload.stageId, true);
    if (!stage.blinded) throw new WeftError('conflict', 'This stage is already unblinded.');
    const version = await updateStage(trx, stage.id, { blinded: false });
    return {
      result: { version },
      event: {
        projectId: project.id,
        eventType: 'stage.unblinded',
        payload: { stageId: stage.id, name: stage.name },
      },
    };
  },
});

/**
 * Closing is refused while conflicts are unresolved, and while records still wait for a
 * decision unless the lead recorded a decision to stop (stage.stop) with its evidence.
 */
export const stageClose = defineHandler({
  type: 'stage.close',
  scope: 'project',
  authorize: (context) => requireProjectAction(context, 'stage.close'),
  async apply(trx, context, payload) {
    const project = projectOf(context);
    const { stage, chain } = await loadStage(trx, project.id, payload.stageId, true);
    if (stage.version !== payload.expectedVersion) throw staleVersion('stage', stage);
    if (stage.status === 'closed') throw new WeftError('conflict', 'This stage is already closed.');
    const counts = await stageCounts(trx, chain);
    if (counts.conflicts > 0)
      throw new WeftError(
        'conflict',
        `The stage “${stage.name}” cannot be closed: ${counts.conflicts} conflict${counts.conflicts === 1 ? ' is' : 's are'} unresolved.`,
        { conflicts: counts.conflicts },
      );
    const stops = await listStops(trx, stage.id);
    if (counts.remaining > 0 && stops.length === 0)
      throw new WeftError(
        'conflict',
        `The stage “${stage.name}” cannot be closed: ${counts.remaining} record${counts.remaining === 1 ? '' : 's'} still wait for a decision. Screen them, or record a decision to stop with its evidence first.`,
        { remaining: counts.remaining },
      );
    const version = await updateStage(trx, stage.id, { status: 'closed' });
    return {
      result: { version },
      event: {
        projectId: project.id,
        eventType: 'stage.closed',
        payload: {
          stageId: stage.id,
          name: stage.name,
          decided: counts.decided,
          included: counts.included,
          excluded: counts.excluded,
          maybe: counts.maybe,
          undecided: counts.remaining,
        },
      },
    };
  },
});

/** Back to screening; a recorded stop still stands (the stage returns to `stopped`). */
export const stageReopen = defineHandler({
  type: 'stage.reopen',
  scope: 'project',
  authorize: (context) => requireProjectAction(context, 'stage.reopen'),
  async apply(trx, context, payload) {
    const project = projectOf(context);
    const { stage } = await loadStage(trx, project.id, payload.stageId, true);
    if (stage.version !== payload.expectedVersion) throw staleVersion('stage', stage);
    if (stage.status !== 'closed') throw new WeftError('conflict', 'This stage is not closed.');
    const stopped = (await listStops(trx, stage.id)).length > 0;
    const version = await updateStage(trx, stage.id, { status: stopped ? 'stopped' : 'open' });
    return {
      result: { version },
      event: {
        projectId: project.id,
        eventType: 'stage.reopened',
        payload: { stageId: stage.id, name: stage.name },
      },
    };
  },
});

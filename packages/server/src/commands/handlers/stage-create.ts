import { randomInt, randomUUID } from 'node:crypto';
import { roleAtLeast, WeftError } from '@weft/core';
import {
  type Database,
  eligibleRecordIds,
  findMembership,
  insertStage,
  listStages,
  type NewStage,
  refreshStageOutcomes,
  replaceReasons,
  type StoredStage,
  stageChain,
  storeSample,
  updateStage,
} from '@weft/storage';
import type { Transaction } from 'kysely';
import { defineHandler } from '../command-handler.js';
import { projectOf, requireProjectAction } from '../require.js';

/** Full-text exclusion reasons every new project starts with (the lead edits them). "Not
 * retrievable" is deliberately absent: PRISMA 2020 counts reports not retrieved separately. */
export const DEFAULT_FULL_TEXT_REASONS = [
  'Wrong population or setting',
  'Wrong intervention or collaboration type',
  'Wrong outcomes',
  'Wrong study design',
  'Wrong publication type',
];

export function drawSeed(): number {
  return randomInt(0, 2 ** 31 - 1);
}

/** Reviewers assigned to a stage must be members who may screen. */
export async function checkReviewers(trx: Transaction<Database>, projectId: string, ids: readonly string[]) {
  for (const id of new Set(ids)) {
    const role = await findMembership(trx, projectId, id);
    if (!role || !roleAtLeast(role, 'reviewer'))
      throw new WeftError('validation', `reviewerIds: ${id} is not a reviewer (or lead) of this project.`);
  }
}

export function checkSampleSettings(mode: string, samplePercent: number | null): void {
  if (mode === 'sample' && samplePercent === null)
    throw new WeftError(
      'validation',
      'samplePercent: a sample stage needs the percentage screened twice (1–100).',
    );
}

/**
 * Draws the stage's dual-screening sample over the records eligible now and stores it (see
 * storage's screening/sample.ts for the rule that covers records eligible later). Who needs two
 * decisions changes, so the stage's outcomes (and the stages after it) are rewritten.
 */
export async function drawStageSample(trx: Transaction<Database>, stage: StoredStage, at: Date) {
  const chain = await stageChain(trx, stage);
  const eligible = await eligibleRecordIds(trx, chain);
  const drawn = await storeSample(trx, stage.id, eligible, stage.samplePercent ?? 0, stage.sampleSeed);
  await updateStage(trx, stage.id, { sampleDrawnAt: at });
  await refreshStageOutcomes(trx, stage.projectId, { fromStageId: stage.id });
  return { eligible: eligible.length, drawn };
}

async function createStage(trx: Transaction<Database>, stage: Omit<NewStage, 'position'>) {
  const existing = await listStages(trx, stage.projectId);
  if (existing.some((s) => s.key === stage.key))
    throw new WeftError('conflict', `The project already has a stage “${stage.key}”: choose another key.`);
  const position = Math.max(0, ...existing.map((s) => s.position)) + 1;
  const created = await insertStage(trx, { ...stage, position });
  await refreshStageOutcomes(trx, stage.projectId, { fromStageId: created.id });
  return created;
}

export const stageCreate = defineHandler({
  type: 'stage.create',
  scope: 'project',
  authorize: (context) => requireProjectAction(context, 'stage.create'),
  async apply(trx, context, payload, at) {
    const project = projectOf(context);
    checkSampleSettings(payload.mode, payload.samplePercent);
    await checkReviewers(trx, project.id, payload.reviewerIds);
    const sampleSeed = payload.sampleSeed ?? drawSeed();
    const stage = await createStage(trx, {
      id: randomUUID(),
      projectId: project.id,
      key: payload.key,
      name: payload.name,
      mode: payload.mode,
      samplePercent: payload.samplePercent,
      sampleSeed,
      reviewerIds: payload.reviewerIds,
      reasonRequired: payload.reasonRequired,
      at,
    });
    const sample = stage.mode === 'sample' ? await drawStageSample(trx, stage, at) : null;
    return {
      result: { stageId: stage.id, sampleSeed },
      event: {
        projectId: project.id,
        eventType: 'stage.created',
        payload: {
          stageId: stage.id,
          key: stage.key,
          name: stage.name,
          mode: stage.mode,
          samplePercent: stage.samplePercent,
          sampleSeed,
          reviewerIds: stage.reviewerIds,
          reasonRequired: stage.reasonRequired,
          sample,
        },
      },
    };
  },
});

/** The default stages: title/abstract (reasons optional), then full text (reasons required). */
export const screeningSetUp = defineHandler({
  type: 'screening.set-up',
  scope: 'project',
  authorize: (context) => requireProjectAction(context, 'screening.set-up'),
  async apply(trx, context, _payload, at) {
    const project = projectOf(context);
    if ((await listStages(trx, project.id)).length > 0)
      throw new WeftError('conflict', 'This project already has screening stages.');
    const titleAbstract = await createStage(trx, {
      id: randomUUID(),
      projectId: project.id,
      key: 'title-abstract',
      name: 'Title and abstract',
      mode: 'single',
      samplePercent: null,
      sampleSeed: drawSeed(),
      reviewerIds: [],
      reasonRequired: false,
      at,
    });
    const fullText = await createStage(trx, {
      id: randomUUID(),
      projectId: project.id,
      key: 'full-text',
      name: 'Full text',
      mode: 'single',
      samplePercent: null,
      sampleSeed: drawSeed(),
      reviewerIds: [],
      reasonRequired: true,
      at,
    });
    await replaceReasons(
      trx,
      project.id,
      fullText.id,
      DEFAULT_FULL_TEXT_REASONS.map((label) => ({ label })),
    );
    const stages = [titleAbstract, fullText];
    return {
      result: { stageIds: stages.map((s) => s.id) },
      event: {
        projectId: project.id,
        eventType: 'screening.stages-created',
        payload: {
          stages: stages.map((s) => ({ stageId: s.id, key: s.key, name: s.name, mode: s.mode })),
        },
      },
    };
  },
});

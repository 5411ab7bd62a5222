import type { Role } from '@weft/core';
import type { StageProgressView, StageView } from '@weft/protocol';
import {
  type Database,
  excludedByReason,
  listCriteria,
  listReasons,
  myDecisionCount,
  type StageCounts,
  type StoredStage,
  stageCounts,
} from '@weft/storage';
import type { Kysely } from 'kysely';
import { mayDo } from '../policies/project-policy.js';
import { presentStage } from '../presenters/screening-presenter.js';

/** The person asking: every screening response is shaped for them (blinding). */
export interface Asker {
  userId: string;
  role: Role;
  /** Leads see every reviewer's decision and the history at any time. */
  seesAll: boolean;
}

export function askerOf(user: { id: string }, role: Role): Asker {
  return { userId: user.id, role, seesAll: mayDo(role, 'screening.read-all-decisions') };
}

/**
 * Whether the asker may see other reviewers' decisions on a record: a lead always; anyone once
 * the stage is unblinded or once the record has every decision it needs.
 */
export function mayReveal(
  stage: StoredStage,
  state: { n: number; needed: number } | undefined,
  asker: Asker,
) {
  return asker.seesAll || !stage.blinded || (state !== undefined && state.n >= state.needed);
}

/** Counts derived from single decisions (evidence, the model's labels) are hidden from this asker. */
export function blindedFor(stage: StoredStage, asker: Asker): boolean {
  return stage.blinded && !asker.seesAll;
}

export function mayScreen(stage: StoredStage, asker: Asker): boolean {
  return (
    mayDo(asker.role, 'screening.decide') &&
    (stage.reviewerIds.length === 0 || stage.reviewerIds.includes(asker.userId))
  );
}

export function toProgress(
  counts: StageCounts & { myQueue: number },
  myDecisions: number,
): StageProgressView {
  return {
    eligible: counts.eligible,
    decided: counts.decided,
    included: counts.included,
    excluded: counts.excluded,
    maybe: counts.maybe,
    remaining: counts.remaining,
    myQueue: counts.myQueue,
    myDecisions,
    conflicts: counts.conflicts,
    dualScreened: counts.dualScreened,
  };
}

export async function stageProgress(
  db: Kysely<Database>,
  chain: readonly StoredStage[],
  asker: Asker,
): Promise<StageProgressView> {
  const stage = chain[chain.length - 1] as StoredStage;
  const counts = await stageCounts(db, chain, mayScreen(stage, asker) ? asker.userId : undefined);
  return toProgress(counts, await myDecisionCount(db, stage.id, asker.userId));
}

export async function stageView(
  db: Kysely<Database>,
  chain: readonly StoredStage[],
  asker: Asker,
): Promise<StageView> {
  const stage = chain[chain.length - 1] as StoredStage;
  const [criteria, reasons, byReason, progress] = await Promise.all([
    listCriteria(db, [stage.id]),
    listReasons(db, [stage.id]),
    excludedByReason(db, chain),
    stageProgress(db, chain, asker),
  ]);
  return presentStage(stage, criteria, reasons, byReason, progress);
}

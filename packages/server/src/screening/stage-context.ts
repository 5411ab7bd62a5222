import { WeftError } from '@weft/core';
import { type Database, findStage, type StoredStage, stageChain } from '@weft/storage';
import type { Kysely, Transaction } from 'kysely';

type Db = Kysely<Database> | Transaction<Database>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The stage and the stages before it (eligibility chains through them), or not-found. */
export async function loadStage(
  db: Db,
  projectId: string,
  stageId: string,
  forUpdate = false,
): Promise<{ stage: StoredStage; chain: StoredStage[] }> {
  const stage = UUID.test(stageId) ? await findStage(db, projectId, stageId, forUpdate) : undefined;
  if (!stage) throw new WeftError('not-found', 'This screening stage does not exist in the project.');
  return { stage, chain: await stageChain(db, stage) };
}

/** Decisions and resolutions are refused once the lead has closed the stage. */
export function requireNotClosed(stage: StoredStage): void {
  if (stage.status === 'closed')
    throw new WeftError(
      'conflict',
      `The stage “${stage.name}” is closed: the lead must reopen it before decisions change.`,
    );
}

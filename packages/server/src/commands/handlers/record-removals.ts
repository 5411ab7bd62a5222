import { WeftError } from '@weft/core';
import {
  type Database,
  deleteRemovals,
  findRecords,
  findRemovals,
  insertRemovals,
  recordsWithScreeningDecisions,
  refreshStageOutcomes,
} from '@weft/storage';
import type { Transaction } from 'kysely';
import { defineHandler } from '../command-handler.js';
import { projectOf, requireProjectAction } from '../require.js';

/*
 * Records removed before screening for another reason than duplication, and restored: PRISMA
 * 2020's "records marked as ineligible by automation tools" and "records removed for other
 * reasons". A removed record leaves every stage's pool (its outcomes are rewritten here, ADR
 * 0005); one anyone screened cannot be removed, since PRISMA counts it where it was excluded.
 */

/** A few ids in a message; the rest as a count. */
function named(ids: readonly string[]): string {
  const shown = ids.slice(0, 3).join(', ');
  return ids.length > 3 ? `${shown} and ${ids.length - 3} more` : shown;
}

/** The records, locked, in the order given (each once); refuses any the project does not have. */
async function lockedRecords(trx: Transaction<Database>, projectId: string, recordIds: readonly string[]) {
  const ids = [...new Set(recordIds)];
  await trx
    .selectFrom('records')
    .select('id')
    .where('project_id', '=', projectId)
    .where('id', 'in', ids)
    .forUpdate()
    .execute();
  const found = new Map((await findRecords(trx, projectId, ids)).map((r) => [r.id, r]));
  const missing = ids.filter((id) => !found.has(id));
  if (missing.length > 0)
    throw new WeftError(
      'not-found',
      `${missing.length === 1 ? 'Record' : 'Records'} ${named(missing)} ${missing.length === 1 ? 'does' : 'do'} not exist in this project.`,
      { recordIds: missing },
    );
  return { ids, found };
}

export const recordsRemoveBeforeScreening = defineHandler({
  type: 'records.remove-before-screening',
  scope: 'project',
  authorize: (context) => requireProjectAction(context, 'records.remove-before-screening'),
  async apply(trx, context, payload, at) {
    const project = projectOf(context);
    const { ids, found } = await lockedRecords(trx, project.id, payload.recordIds);
    const folded = ids.filter((id) => !found.get(id)?.isPrimary);
    if (folded.length > 0)
      throw new WeftError(
        'conflict',
        `${named(folded)} ${folded.length === 1 ? 'was' : 'were'} merged into another record as a duplicate: remove the record that remains instead.`,
        { recordIds: folded },
      );
    const removed = [...(await findRemovals(trx, project.id, ids)).keys()];
    if (removed.length > 0)
      throw new WeftError(
        'conflict',
        `${named(removed)} ${removed.length === 1 ? 'is' : 'are'} already removed before screening.`,
        { recordIds: removed },
      );
    const screened = await recordsWithScreeningDecisions(trx, project.id, ids);
    if (screened.length > 0)
      throw new WeftError(
        'conflict',
        `${named(screened)} ${screened.length === 1 ? 'was' : 'were'} screened: exclude ${screened.length === 1 ? 'it' : 'them'} at ${screened.length === 1 ? 'its' : 'their'} stage instead.`,
        { recordIds: screened },
      );
    await insertRemovals(trx, project.id, ids, {
      kind: payload.kind,
      reason: payload.reason,
      actorId: context.actor.id,
      at,
    });
    await refreshStageOutcomes(trx, project.id, { recordIds: ids });
    return {
      result: { recordIds: ids, kind: payload.kind },
      event: {
        projectId: project.id,
        eventType: 'records.removed-before-screening',
        payload: { recordIds: ids, kind: payload.kind, reason: payload.reason },
      },
    };
  },
});

export const recordsRestoreForScreening = defineHandler({
  type: 'records.restore-for-screening',
  scope: 'project',
  authorize: (context) => requireProjectAction(context, 'records.restore-for-screening'),
  async apply(trx, context, payload) {
    const project = projectOf(context);
    const { ids } = await lockedRecords(trx, project.id, payload.recordIds);
    const removals = await findRemovals(trx, project.id, ids);
    const notRemoved = ids.filter((id) => !removals.has(id));
    if (notRemoved.length > 0)
      throw new WeftError(
        'conflict',
        `${named(notRemoved)} ${notRemoved.length === 1 ? 'is' : 'are'} not removed before screening: nothing to restore.`,
        { recordIds: notRemoved },
      );
    await deleteRemovals(trx, project.id, ids);
    await refreshStageOutcomes(trx, project.id, { recordIds: ids });
    return {
      result: { recordIds: ids },
      event: {
        projectId: project.id,
        eventType: 'records.restored-for-screening',
        // What was undone, so the log reads without the removal event beside it.
        payload: {
          recordIds: ids,
          removals: ids.map((id) => ({
            recordId: id,
            kind: removals.get(id)?.kind,
            reason: removals.get(id)?.reason,
          })),
        },
      },
    };
  },
});

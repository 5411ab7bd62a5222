import { WeftError } from '@weft/core';
import {
  type Database,
  deleteRemovals,
  findRemovals,
  insertRemovals,
  recordsWithScreeningDecisions,
  refreshStageOutcomes,
} from '@weft/storage';
import type { Transaction } from 'kysely';
import { defineHandler } from '../command-handler.js';
import { projectOf, requireProjectAction } from '../require.js';
import { lockRecords, namedIds } from './lock-records.js';

/*
 * Records removed before screening for another reason than duplication, and restored: PRISMA
 * 2020's "records marked as ineligible by automation tools" and "records removed for other
 * reasons". A removed record leaves every stage's pool (its outcomes are rewritten here, ADR
 * 0005); one anyone screened cannot be removed, since PRISMA counts it where it was excluded.
 */

/** The records, locked, each once in the order given, by id. */
async function lockedRecords(trx: Transaction<Database>, projectId: string, recordIds: readonly string[]) {
  const found = await lockRecords(trx, projectId, recordIds);
  return { ids: [...new Set(recordIds)], found: new Map(found.map((r) => [r.id, r])) };
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
        `${namedIds(folded)} ${folded.length === 1 ? 'was' : 'were'} merged into another record as a duplicate: remove the record that remains instead.`,
        { recordIds: folded },
      );
    const removed = [...(await findRemovals(trx, project.id, ids)).keys()];
    if (removed.length > 0)
      throw new WeftError(
        'conflict',
        `${namedIds(removed)} ${removed.length === 1 ? 'is' : 'are'} already removed before screening.`,
        { recordIds: removed },
      );
    const screened = await recordsWithScreeningDecisions(trx, project.id, ids);
    if (screened.length > 0)
      throw new WeftError(
        'conflict',
        `${namedIds(screened)} ${screened.length === 1 ? 'was' : 'were'} screened: exclude ${screened.length === 1 ? 'it' : 'them'} at ${screened.length === 1 ? 'its' : 'their'} stage instead.`,
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
        `${namedIds(notRemoved)} ${notRemoved.length === 1 ? 'is' : 'are'} not removed before screening: nothing to restore.`,
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

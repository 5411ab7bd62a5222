import { randomUUID } from 'node:crypto';
import { WeftError } from '@weft/core';
import {
  answerPair,
  createGroups,
  dissolveGroups,
  findActiveGroup,
  reopenDistinctPair,
  setPairsAmong,
  syncScreeningEligibility,
} from '@weft/storage';
import { mergeWorkingCopy } from '../../identification/merge-working-copy.js';
import { defineHandler } from '../command-handler.js';
import { projectOf, requireProjectAction } from '../require.js';
import { lockRecords } from './lock-records.js';

/*
 * People's answers to duplicate questions. Reviewers may give them (like screening decisions,
 * they are reversible and every one is in the event log with its author); bulk operations
 * (importing, running the engine) are for leads.
 */

export const dedupMerge = defineHandler({
  type: 'dedup.merge',
  scope: 'project',
  authorize: (context) => requireProjectAction(context, 'dedup.merge'),
  async apply(trx, context, payload, at) {
    const project = projectOf(context);
    const chosen = await lockRecords(trx, project.id, payload.recordIds);
    // Merging a record that is already in a group merges its whole group.
    const groupIds = [...new Set(chosen.map((r) => r.groupId).filter((id): id is string => id !== null))];
    const groupMembers: string[] = [];
    for (const groupId of groupIds)
      groupMembers.push(...((await findActiveGroup(trx, project.id, groupId))?.memberIds ?? []));
    const memberIds = [...new Set([...chosen.map((r) => r.id), ...groupMembers])];
    const members = await lockRecords(trx, project.id, memberIds);
    if (groupIds.length === 1 && chosen.every((r) => r.groupId === groupIds[0])) {
      throw new WeftError('conflict', 'These records are already merged.');
    }
    // The person looked at these records: their answer replaces any earlier one about them.
    for (let i = 0; i < payload.recordIds.length; i++) {
      for (let j = i + 1; j < payload.recordIds.length; j++) {
        await answerPair(
          trx,
          project.id,
          payload.recordIds[i] as string,
          payload.recordIds[j] as string,
          'duplicate',
          context.actor.id,
          at,
        );
      }
    }
    const conflicting = await trx
      .selectFrom('duplicate_candidates')
      .select(['record_a', 'record_b'])
      .where('project_id', '=', project.id)
      .where('status', '=', 'not-duplicate')
      .where('record_a', 'in', memberIds)
      .where('record_b', 'in', memberIds)
      .executeTakeFirst();
    if (conflicting) {
      throw new WeftError(
        'conflict',
        'This merge would join two records someone answered "not a duplicate" for; merge those two explicitly first.',
        { recordIds: [conflicting.record_a, conflicting.record_b] },
      );
    }
    await setPairsAmong(trx, project.id, memberIds, ['pending'], 'duplicate', context.actor.id, at);
    const order = new Map(payload.recordIds.map((id, i) => [id, i]));
    const ordered = [...members].sort((a, b) => (order.get(a.id) ?? 1e9) - (order.get(b.id) ?? 1e9));
    const { primaryId, merged } = mergeWorkingCopy(ordered.map((r) => ({ id: r.id, record: r.record })));
    const groupId = randomUUID();
    const absorbed = await createGroups(trx, [
      {
        id: groupId,
        projectId: project.id,
        method: 'manual',
        primaryRecordId: primaryId,
        memberIds: ordered.map((r) => r.id),
        merged,
        actorId: context.actor.id,
        at,
      },
    ]);
    await syncScreeningEligibility(trx, project.id);
    return {
      result: { groupId, primaryRecordId: primaryId },
      event: {
        projectId: project.id,
        eventType: 'duplicates.merged',
        payload: {
          groupId,
          recordIds: ordered.map((r) => r.id),
          primaryRecordId: primaryId,
          absorbedGroupIds: absorbed,
        },
      },
    };
  },
});

export const dedupUnmerge = defineHandler({
  type: 'dedup.unmerge',
  scope: 'project',
  authorize: (context) => requireProjectAction(context, 'dedup.unmerge'),
  async apply(trx, context, payload, at) {
    const project = projectOf(context);
    const group = await findActiveGroup(trx, project.id, payload.groupId);
    if (!group) throw new WeftError('not-found', 'This duplicate group does not exist in the project.');
    if (group.dissolved)
      throw new WeftError('conflict', 'This group has already been unmerged or merged into a larger one.');
    await lockRecords(trx, project.id, group.memberIds);
    await dissolveGroups(trx, [group.id], 'unmerged', context.actor.id, at);
    await syncScreeningEligibility(trx, project.id);
    // Undoing a merge reopens the question rather than answering it the other way.
    await setPairsAmong(trx, project.id, group.memberIds, ['duplicate'], 'pending', context.actor.id, at);
    return {
      result: { recordIds: group.memberIds },
      event: {
        projectId: project.id,
        eventType: 'duplicates.unmerged',
        payload: { groupId: group.id, recordIds: group.memberIds, method: group.method },
      },
    };
  },
});

export const dedupMarkNotDuplicate = defineHandler({
  type: 'dedup.mark-not-duplicate',
  scope: 'project',
  authorize: (context) => requireProjectAction(context, 'dedup.mark-not-duplicate'),
  async apply(trx, context, payload, at) {
    const project = projectOf(context);
    const [a, b] = payload.recordIds;
    if (a === b) throw new WeftError('validation', 'A record cannot be a duplicate of itself.');
    const records = await lockRecords(trx, project.id, [a, b]);
    const [ra, rb] = records;
    if (ra?.groupId && ra.groupId === rb?.groupId) {
      throw new WeftError('conflict', 'These records are merged: unmerge the group first.', {
        groupId: ra.groupId,
      });
    }
    await answerPair(trx, project.id, a, b, 'not-duplicate', context.actor.id, at);
    return {
      result: { recordIds: [a, b] as [string, string] },
      event: {
        projectId: project.id,
        eventType: 'duplicates.marked-distinct',
        payload: { recordIds: [a, b] },
      },
    };
  },
});

export const dedupUnmarkNotDuplicate = defineHandler({
  type: 'dedup.unmark-not-duplicate',
  scope: 'project',
  authorize: (context) => requireProjectAction(context, 'dedup.unmark-not-duplicate'),
  async apply(trx, context, payload) {
    const project = projectOf(context);
    const [a, b] = payload.recordIds;
    await lockRecords(trx, project.id, [a, b]);
    // The question is reopened, not answered the other way: the pair waits in the queue again.
    if (!(await reopenDistinctPair(trx, project.id, a, b))) {
      throw new WeftError('conflict', 'These two records have no “not a duplicate” answer to take back.', {
        recordIds: [a, b],
      });
    }
    return {
      result: { recordIds: [a, b] as [string, string] },
      event: {
        projectId: project.id,
        eventType: 'duplicates.distinct-answer-withdrawn',
        payload: { recordIds: [a, b] },
      },
    };
  },
});

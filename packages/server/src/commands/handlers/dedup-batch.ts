import { randomUUID } from 'node:crypto';
import { ConstrainedUnionFind, WeftError } from '@weft/core';
import {
  answerBatchPairs,
  createGroups,
  dissolveGroups,
  distinctPairsAmong,
  findBatchGroups,
  findRecords,
  listActiveGroups,
  type NewGroup,
  queuedPairsAbove,
  reopenBatchPairs,
  restoreAbsorbedGroups,
  syncScreeningEligibility,
} from '@weft/storage';
import { mergeWorkingCopy } from '../../identification/merge-working-copy.js';
import { defineHandler } from '../command-handler.js';
import { projectOf, requireProjectAction } from '../require.js';
import { lockRecords } from './lock-records.js';

/*
 * "Accept every pair scoring X or more": many merges in one transaction and one event, undone as
 * one batch. A lead's action (ADR 0003): it changes what the whole team screens.
 */

export const dedupMergeAboveScore = defineHandler({
  type: 'dedup.merge-above-score',
  scope: 'project',
  authorize: (context) => requireProjectAction(context, 'dedup.merge-above-score'),
  async apply(trx, context, payload, at) {
    const project = projectOf(context);
    // Serialises with dedup.run and other bulk merges of the project.
    await trx.selectFrom('projects').select('id').where('id', '=', project.id).forUpdate().execute();
    const pairs = await queuedPairsAbove(trx, project.id, payload.minScore);
    if (pairs.length !== payload.expectedCount) {
      // The person confirmed a number: merging a different set would not be what they agreed to.
      throw new WeftError(
        'conflict',
        `The queue changed: ${pairs.length} pairs now score ${Math.round(payload.minScore * 100)}% or more, not ${payload.expectedCount}. Check the number and confirm again.`,
        { currentCount: pairs.length },
      );
    }

    // Nodes: the pairs' records and every member of the groups they are in (a merge takes a
    // whole group along, as a single merge does).
    const active = await listActiveGroups(trx, project.id);
    const groupOf = new Map<string, (typeof active)[number]>();
    for (const group of active) for (const id of group.memberIds) groupOf.set(id, group);
    const ids = new Set<string>();
    for (const pair of pairs) {
      for (const recordId of [pair.recordA, pair.recordB]) {
        ids.add(recordId);
        for (const member of groupOf.get(recordId)?.memberIds ?? []) ids.add(member);
      }
    }
    const nodeIds = [...ids].sort();
    await lockRecords(trx, project.id, nodeIds);
    const index = new Map(nodeIds.map((id, i) => [id, i]));
    const node = (id: string) => index.get(id) as number;

    const uf = new ConstrainedUnionFind(nodeIds.length);
    for (const [a, b] of await distinctPairsAmong(trx, project.id, nodeIds))
      uf.addCannotLink(node(a), node(b));
    for (const group of active) {
      const [head, ...rest] = group.memberIds;
      if (head === undefined || !index.has(head)) continue;
      for (const member of rest) uf.union(node(head), node(member));
    }
    // Highest scores first: when a "not a duplicate" answer forbids joining, the weaker link loses.
    const accepted: string[] = [];
    const touched = new Set<number>();
    for (const pair of pairs) {
      if (uf.union(node(pair.recordA), node(pair.recordB))) {
        accepted.push(pair.id);
        touched.add(uf.find(node(pair.recordA)));
      }
    }

    const batchId = randomUUID();
    const touchedRoots = new Set([...touched].map((root) => uf.find(root)));
    const components = uf.groups().filter((members) => touchedRoots.has(uf.find(members[0] as number)));
    const records = new Map(
      (await findRecords(trx, project.id, nodeIds)).map((record) => [record.id, record.record]),
    );
    const newGroups: NewGroup[] = components.map((members) => {
      const memberIds = members.map((i) => nodeIds[i] as string);
      const { primaryId, merged } = mergeWorkingCopy(
        memberIds.map((id) => ({
          id,
          record: records.get(id) as NonNullable<ReturnType<typeof records.get>>,
        })),
      );
      return {
        id: randomUUID(),
        projectId: project.id,
        method: 'manual',
        primaryRecordId: primaryId,
        memberIds,
        merged,
        actorId: context.actor.id,
        at,
        batchId,
      };
    });
    await createGroups(trx, newGroups);
    await syncScreeningEligibility(trx, project.id);
    await answerBatchPairs(trx, project.id, batchId, accepted, context.actor.id, at);

    const recordsBefore = new Set(
      newGroups.flatMap((group) => group.memberIds.filter((id) => groupOf.has(id))),
    ).size;
    const absorbedGroups = new Set(
      newGroups.flatMap((group) =>
        group.memberIds.map((id) => groupOf.get(id)).filter((g) => g !== undefined),
      ),
    );
    const removedBefore = recordsBefore - absorbedGroups.size;
    const removedAfter = newGroups.reduce((sum, group) => sum + group.memberIds.length - 1, 0);
    const result = {
      batchId,
      pairsMerged: accepted.length,
      groupsCreated: newGroups.length,
      recordsMerged: removedAfter - removedBefore,
      pairsSkipped: pairs.length - accepted.length,
    };
    return {
      result,
      event: {
        projectId: project.id,
        eventType: 'duplicates.bulk-merged',
        payload: { ...result, minScore: payload.minScore },
      },
    };
  },
});

export const dedupUndoMergeBatch = defineHandler({
  type: 'dedup.undo-merge-batch',
  scope: 'project',
  authorize: (context) => requireProjectAction(context, 'dedup.undo-merge-batch'),
  async apply(trx, context, payload, at) {
    const project = projectOf(context);
    await trx.selectFrom('projects').select('id').where('id', '=', project.id).forUpdate().execute();
    const groups = await findBatchGroups(trx, project.id, payload.batchId);
    if (groups.created.length === 0)
      throw new WeftError('not-found', 'This bulk merge does not exist in the project.');
    const changed = groups.created.filter((group) => group.dissolved);
    if (changed.length > 0) {
      // Undoing half a batch would leave groups nobody asked for: refuse, and say why.
      throw new WeftError(
        'conflict',
        'This bulk merge has already been undone, or some of its groups were changed since (unmerged or merged into larger ones). Unmerge the remaining groups one by one.',
        { groupIds: changed.map((group) => group.id) },
      );
    }
    await lockRecords(
      trx,
      project.id,
      groups.created.flatMap((group) => group.memberIds),
    );
    await dissolveGroups(
      trx,
      groups.created.map((group) => group.id),
      'unmerged',
      context.actor.id,
      at,
    );
    const pairsReturned = await reopenBatchPairs(trx, project.id, payload.batchId);
    const restored = await restoreAbsorbedGroups(trx, project.id, payload.batchId);
    await syncScreeningEligibility(trx, project.id);
    const result = {
      batchId: payload.batchId,
      groupsDissolved: groups.created.length,
      pairsReturned,
    };
    return {
      result,
      event: {
        projectId: project.id,
        eventType: 'duplicates.bulk-merge-undone',
        payload: { ...result, groupsRestored: restored.length },
      },
    };
  },
});

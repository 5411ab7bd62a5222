import { randomUUID } from 'node:crypto';
import { findDuplicates } from '@weft/core';
import {
  type CandidatePair,
  type CandidateStatus,
  createGroups,
  insertCandidates,
  knownPairs,
  listActiveGroups,
  loadProjectRecords,
  type NewGroup,
  pairKey,
  syncScreeningEligibility,
} from '@weft/storage';
import { mergeWorkingCopy } from '../../identification/merge-working-copy.js';
import { defineHandler } from '../command-handler.js';
import { projectOf, requireProjectAction } from '../require.js';

/**
 * Runs the duplicate engine over every record of the project. Certain duplicates are merged
 * (groups extend existing groups); possible ones join the review queue. What people answered
 * is respected: "not a duplicate" pairs never share a group, pairs still waiting in the queue
 * are not merged behind the reviewer's back, and existing groups stay together.
 */
export const dedupRun = defineHandler({
  type: 'dedup.run',
  scope: 'project',
  authorize: (context) => requireProjectAction(context, 'dedup.run'),
  async apply(trx, context, _payload, at) {
    const project = projectOf(context);
    // Serialises runs of one project: two at once would both create groups for the same records.
    await trx.selectFrom('projects').select('id').where('id', '=', project.id).forUpdate().execute();
    const records = await loadProjectRecords(trx, project.id);
    const known = await knownPairs(trx, project.id);
    const active = await listActiveGroups(trx, project.id);
    const groupOf = new Map<string, (typeof active)[number]>();
    for (const group of active) for (const id of group.memberIds) groupOf.set(id, group);

    const keepApart: Array<[string, string]> = [];
    let remembered = 0;
    for (const pair of known.values()) {
      const sameGroup =
        groupOf.get(pair.recordA) !== undefined && groupOf.get(pair.recordA) === groupOf.get(pair.recordB);
      if (pair.status === 'not-duplicate') remembered += 1;
      if (pair.status === 'not-duplicate' || (pair.status === 'pending' && !sameGroup)) {
        keepApart.push([pair.recordA, pair.recordB]);
      }
    }
    const keepTogether: Array<[string, string]> = active.flatMap((group) => {
      const [head, ...rest] = group.memberIds;
      return head ? rest.map((id) => [head, id] as [string, string]) : [];
    });
    const result = findDuplicates(
      records.map(({ id, record }) => ({ id, record })),
      { notDuplicates: keepApart, confirmedDuplicates: keepTogether },
    );

    const recordById = new Map(records.map((r) => [r.id, r.record]));
    const newGroups: NewGroup[] = [];
    let removedBefore = 0;
    let removedAfter = 0;
    for (const { ids } of result.groups) {
      const previous = new Set(ids.map((id) => groupOf.get(id)));
      const only = previous.size === 1 ? [...previous][0] : undefined;
      // Unchanged (or, defensively, a subset of one existing group): nothing to do.
      if (only && ids.every((id) => only.memberIds.includes(id))) continue;
      const absorbed = [...previous].filter((g) => g !== undefined);
      removedBefore += absorbed.reduce((sum, g) => sum + g.memberIds.length - 1, 0);
      removedAfter += ids.length - 1;
      const { primaryId, merged } = mergeWorkingCopy(
        ids.map((id) => ({
          id,
          record: recordById.get(id) ?? {
            type: 'bibliographic-record',
            authors: [],
            keywords: [],
            urls: [],
            extra: {},
          },
        })),
      );
      newGroups.push({
        id: randomUUID(),
        projectId: project.id,
        // A group a person made stays theirs when the engine extends it.
        method: absorbed.some((g) => g.method === 'manual') ? 'manual' : 'auto',
        primaryRecordId: primaryId,
        memberIds: ids,
        merged,
        actorId: context.actor.id,
        at,
      });
    }
    await createGroups(trx, newGroups);
    await syncScreeningEligibility(trx, project.id);

    const fresh: Array<CandidatePair & { status: CandidateStatus }> = [];
    for (const pair of result.pairs) {
      if (pair.decidedBy !== 'engine' || pair.decision === 'distinct') continue;
      if (known.has(pairKey(pair.a, pair.b))) continue;
      fresh.push({
        recordA: pair.a,
        recordB: pair.b,
        decision: pair.decision,
        score: pair.score,
        evidence: { evidence: pair.evidence, reasons: pair.reasons },
        // Certain pairs are answered by the engine (answered_by stays null): "merged automatically".
        status: pair.decision === 'certain' ? 'duplicate' : 'pending',
      });
    }
    await insertCandidates(trx, project.id, fresh, at);

    const summary = {
      recordsCompared: records.length,
      groupsCreated: newGroups.length,
      recordsMergedAutomatically: removedAfter - removedBefore,
      pairsQueued: fresh.filter((pair) => pair.status === 'pending').length,
      pairsRemembered: remembered,
    };
    return {
      result: summary,
      event: { projectId: project.id, eventType: 'duplicates.detected', payload: summary },
    };
  },
});

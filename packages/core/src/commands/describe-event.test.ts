import { describe, expect, it } from 'vitest';
import type { ProjectEvent } from './command.js';
import { describeEvent } from './describe-event.js';

function event(eventType: string, payload: Record<string, unknown>): ProjectEvent {
  return {
    type: 'event',
    projectId: 'p',
    seq: 1,
    commandId: 'c',
    actorId: 'a',
    actorName: 'Ana',
    eventType,
    payload,
    at: '2026-11-23T10:00:00.000Z',
  };
}

describe('describeEvent', () => {
  it.each([
    ['project.created', { name: 'Housing' }, 'Ana created the project “Housing”'],
    ['project.renamed', { from: 'A', name: 'B' }, 'Ana renamed the project from “A” to “B”'],
    ['member.added', { displayName: 'Ben', role: 'reviewer' }, 'Ana added Ben as reviewer'],
    [
      'member.role-changed',
      { displayName: 'Ben', role: 'lead', from: 'reviewer' },
      'Ana made Ben lead (was reviewer)',
    ],
    [
      'records.imported',
      { recordCount: 1, fileName: 'a.ris', searchName: 'MEDLINE' },
      'Ana imported 1 record from a.ris into “MEDLINE”',
    ],
    [
      'duplicates.detected',
      { recordsMergedAutomatically: 8, pairsQueued: 0 },
      'Ana ran deduplication: 8 duplicates merged automatically, 0 pairs to review',
    ],
    ['duplicates.merged', { recordIds: ['x', 'y'] }, 'Ana merged 2 records as duplicates'],
    [
      'duplicates.bulk-merged',
      { minScore: 0.85, pairsMerged: 12, groupsCreated: 1 },
      'Ana accepted 12 pairs scoring 85% or more as duplicates (1 group)',
    ],
    [
      'duplicates.bulk-merge-undone',
      { pairsReturned: 1 },
      'Ana undid a bulk merge: 1 pair back in the queue',
    ],
    [
      'duplicates.distinct-answer-withdrawn',
      { recordIds: ['x', 'y'] },
      'Ana took back a “not a duplicate” answer: the pair is back in the queue',
    ],
    [
      'records.removed-before-screening',
      { recordIds: ['x', 'y'], kind: 'automation', reason: 'RCT classifier: not an RCT' },
      'Ana removed 2 records before screening as marked ineligible by an automation tool: “RCT classifier: not an RCT”',
    ],
    [
      'records.removed-before-screening',
      { recordIds: ['x'], kind: 'other', reason: 'Retracted' },
      'Ana removed 1 record before screening for another reason: “Retracted”',
    ],
    [
      'records.restored-for-screening',
      { recordIds: ['x'] },
      'Ana restored 1 record removed before screening: back in the screening pool',
    ],
    ['something.new-happened', {}, 'Ana: something new happened'],
  ])('%s reads as a sentence', (type, payload, sentence) => {
    expect(describeEvent(event(type, payload))).toBe(sentence);
  });
});

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

describe('coding event sentences', () => {
  it.each([
    ['document.added', { name: 'Interview 3' }, 'Ana added the document “Interview 3”'],
    [
      'document.edited',
      { name: 'Interview 3', version: 2, reanchored: { kept: 4, orphan: 2 } },
      'Ana edited “Interview 3” (version 2) (2 codings to review)',
    ],
    [
      'document.edited',
      { name: 'Interview 3', version: 2, reanchored: { orphan: 0 } },
      'Ana edited “Interview 3” (version 2)',
    ],
    ['code.created', { code: { name: 'Motivation' } }, 'Ana created the code “Motivation”'],
    ['code.renamed', { from: 'Money', name: 'Funding' }, 'Ana renamed the code “Money” to “Funding”'],
    ['code.merged', { sources: [{}, {}] }, 'Ana merged 2 codes into another'],
    [
      'code.split',
      { code: { name: 'Council support' }, codingIds: ['x'] },
      'Ana split 1 coding off into the new code “Council support”',
    ],
    ['code.deleted', { codeIds: ['a', 'b', 'c'] }, 'Ana deleted 3 codes'],
    [
      'codebook.imported',
      { fileName: 'codebook.csv', created: 12, skipped: 3 },
      'Ana imported 12 codes from “codebook.csv”',
    ],
    ['coding.added', {}, 'Ana coded a passage'],
    [
      'case.coded',
      { caseName: 'Ben', codingIds: ['a', 'b'], skipped: 1 },
      'Ana coded 2 documents of the case “Ben” in full',
    ],
  ])('%s', (type, payload, sentence) => {
    expect(describeEvent(event(type, payload))).toBe(sentence);
  });
});

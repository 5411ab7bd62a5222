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

describe('screening event sentences', () => {
  it.each([
    ['screening.stages-created', { stages: [{}, {}] }, 'Ana set up screening: 2 stages'],
    [
      'screening.decisions-imported',
      {
        recorded: 40,
        reviewerName: 'Ben',
        fileName: 'asreview.csv',
        stageName: 'Title and abstract',
        unmatched: 1,
      },
      'Ana imported 40 decisions by Ben from asreview.csv into “Title and abstract” (1 row unmatched)',
    ],
    [
      'model.trained',
      { version: 3, includes: 5, excludes: 20 },
      'The prioritisation model was retrained (version 3); the queue order follows it',
    ],
    [
      'stage.created',
      { name: 'Title and abstract', mode: 'sample', samplePercent: 10 },
      'Ana created the screening stage “Title and abstract” (single screening, 10 % dual-screened)',
    ],
    [
      'stage.criteria-set',
      { name: 'Full text', criteria: [{}] },
      'Ana set the criteria of “Full text”: 1 criterion',
    ],
    [
      'stage.reasons-set',
      { name: 'Full text', reasons: [{}, {}] },
      'Ana set the exclusion reasons of “Full text”: 2 reasons',
    ],
    ['stage.unblinded', { name: 'Full text' }, 'Ana unblinded the stage “Full text”'],
    ['stage.closed', { name: 'Full text' }, 'Ana closed the stage “Full text”'],
    ['screening.retracted', { stageName: 'Full text' }, 'Ana took back a screening decision at Full text'],
  ])('%s', (type, payload, sentence) => {
    expect(describeEvent(event(type, payload))).toBe(sentence);
  });

  // The feed is shown to reviewers of blinded stages: no sentence may carry the verdict.
  it.each(['include', 'exclude', 'maybe'])('never names the verdict (%s)', (decision) => {
    const sentences = [
      describeEvent(
        event('screening.decided', { stageName: 'Title and abstract', decision, note: 'secret' }),
      ),
      describeEvent(
        event('screening.decided', {
          stageName: 'Title and abstract',
          decision,
          changed: true,
          note: 'secret',
        }),
      ),
      describeEvent(event('screening.resolved', { stageName: 'Full text', decision, method: 'consensus' })),
      describeEvent(
        event('screening.resolved', { stageName: 'Full text', decision, method: 'third-reviewer' }),
      ),
    ];
    expect(sentences).toEqual([
      'Ana screened a record at Title and abstract',
      'Ana changed a screening decision at Title and abstract',
      'Ana recorded a consensus on a conflict at Full text',
      'Ana resolved a conflict as third reviewer at Full text',
    ]);
    for (const sentence of sentences) {
      expect(sentence).not.toMatch(/includ|exclud|maybe|secret/i);
    }
  });
});

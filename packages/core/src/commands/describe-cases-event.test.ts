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

describe('case and attribute event sentences', () => {
  it.each([
    ['case.created', { classification: 'participant', name: 'Ben' }, 'Ana added the participant case “Ben”'],
    ['case.edited', { name: 'Benjamin', from: 'Ben' }, 'Ana renamed the case “Ben” to “Benjamin”'],
    ['case.edited', { name: 'Ben', from: 'Ben' }, 'Ana edited the case “Ben”'],
    ['case.deleted', { name: 'Ben' }, 'Ana deleted the case “Ben”'],
    [
      'case.studies-synced',
      { created: 2, updated: 1 },
      'Ana updated the study cases from the included studies (2 new cases, 1 updated case)',
    ],
    [
      'attribute.defined',
      { valueType: 'number', name: 'Age', classification: 'participant' },
      'Ana added the number attribute “Age” to participant',
    ],
    [
      'attribute.set',
      { attributeName: 'Age', targetName: 'Ben', value: '41' },
      'Ana set “Age” of “Ben” to “41”',
    ],
    ['attribute.set', { attributeName: 'Age', targetName: 'Ben', value: null }, 'Ana cleared “Age” of “Ben”'],
    [
      'classification.imported',
      { fileName: 'people.csv', classification: 'participant', created: 1, values: 12 },
      'Ana imported people.csv into participant (1 new case, 12 values)',
    ],
    ['document.assigned', { name: 'Interview 3' }, 'Ana changed where the document “Interview 3” belongs'],
  ])('%s', (type, payload, sentence) => {
    expect(describeEvent(event(type, payload))).toBe(sentence);
  });
});

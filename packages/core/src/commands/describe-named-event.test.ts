import { describe, expect, it } from 'vitest';
import type { ProjectEvent } from './command.js';
import { describeEvent } from './describe-event.js';
import { type EventNames, shortTitle } from './event-names.js';

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

const TITLES: Record<string, string> = {
  r1: 'Aspirin for the secondary prevention of stroke in adults over 75: a randomised controlled trial',
  r2: 'Nurse-led clinics for heart failure',
  r3: 'Nurse-led clinics for heart failure: three-year follow-up',
};
const names: EventNames = { recordTitle: (id) => TITLES[id] };

describe('describeEvent with record titles', () => {
  it.each([
    [
      'report.retrieval-set',
      { recordId: 'r2', retrieval: 'retrieved' },
      'Ana marked “Nurse-led clinics for heart failure” as retrieved',
    ],
    [
      'report.retrieval-set',
      { recordId: 'r2', retrieval: 'not-retrieved' },
      'Ana marked “Nurse-led clinics for heart failure” as not retrieved',
    ],
    [
      'report.study-linked',
      { studyId: 'r2', recordIds: ['r2', 'r3'] },
      'Ana linked 2 reports as one study, named after “Nurse-led clinics for heart failure”',
    ],
    [
      'report.study-unlinked',
      { recordId: 'r3', previousStudyId: 'r2' },
      'Ana took “Nurse-led clinics for heart failure: three-year follow-up” out of its study (“Nurse-led clinics for heart failure”)',
    ],
    [
      'duplicates.merged',
      { recordIds: ['r3', 'r2'], primaryRecordId: 'r2' },
      'Ana merged 2 records as duplicates (“Nurse-led clinics for heart failure” and 1 more)',
    ],
    [
      'duplicates.marked-distinct',
      { recordIds: ['r2', 'r3'] },
      'Ana marked “Nurse-led clinics for heart failure” and “Nurse-led clinics for heart failure: three-year follow-up” as not duplicates',
    ],
  ])('%s names the record', (type, payload, sentence) => {
    expect(describeEvent(event(type, payload), names)).toBe(sentence);
  });

  it('cuts long titles at a word, and reads as before without titles', () => {
    expect(shortTitle(TITLES.r1 as string)).toBe(
      '“Aspirin for the secondary prevention of stroke in adults…”',
    );
    expect(
      describeEvent(event('report.retrieval-set', { recordId: 'gone', retrieval: 'retrieved' }), names),
    ).toBe('Ana marked a report as retrieved');
    expect(describeEvent(event('duplicates.merged', { recordIds: ['x', 'y'] }))).toBe(
      'Ana merged 2 records as duplicates',
    );
  });

  it('never names the record of a screening decision (the feed is read on blinded stages)', () => {
    expect(describeEvent(event('screening.decided', { recordId: 'r1', stageName: 'Titles' }), names)).toBe(
      'Ana screened a record at Titles',
    );
  });
});

import { describe, expect, it } from 'vitest';
import type { ProjectEvent } from './command.js';
import { describeEvent } from './describe-event.js';

const event = (eventType: string, payload: Record<string, unknown>): ProjectEvent => ({
  type: 'event',
  projectId: 'p',
  seq: 1,
  commandId: 'c',
  actorId: 'a',
  actorName: 'Ana',
  eventType,
  payload,
  at: '2026-11-23T10:00:00.000Z',
});

describe('activity sentences for full texts', () => {
  it.each([
    ['report.file-attached', { fileName: 'smith-2019.pdf' }, 'Ana attached the full text smith-2019.pdf'],
    [
      'report.files-attached',
      { attached: [{ fileName: 'a.pdf' }, { fileName: 'b.pdf' }], unmatched: ['c.pdf'] },
      'Ana attached 2 full texts from a bulk upload',
    ],
    ['report.files-attached', { attached: [] }, 'Ana attached 0 full texts from a bulk upload'],
    ['report.file-detached', { fileName: 'smith-2019.pdf' }, 'Ana detached the full text smith-2019.pdf'],
  ])('%s', (type, payload, sentence) => {
    expect(describeEvent(event(type, payload))).toBe(sentence);
  });
});

import { describe, expect, it } from 'vitest';
import type { ProjectEvent } from './command.js';
import { describeEvent } from './describe-event.js';

describe('REFI-QDA activity sentences', () => {
  it('says what an import brought in', () => {
    const event = {
      projectId: 'p',
      seq: 1,
      commandId: 'c',
      actorId: 'u',
      actorName: 'Ida',
      eventType: 'project.qdpx-imported',
      payload: {
        fileName: 'study.qdpx',
        origin: 'NVivo 14',
        imported: { codes: 152, documents: 1, codings: 303 },
      },
      at: '2026-11-23T18:00:00.000Z',
    } as unknown as ProjectEvent;
    expect(describeEvent(event)).toBe(
      'Ida imported the project from study.qdpx (NVivo 14): 152 codes, 1 document, 303 codings',
    );
  });
});

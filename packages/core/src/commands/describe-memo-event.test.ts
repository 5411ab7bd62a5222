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

describe('memo event sentences', () => {
  it.each([
    [
      'memo.created',
      { title: 'Funding', targetKind: 'project' },
      'Ana wrote the memo “Funding” on the project',
    ],
    ['memo.created', { title: 'Odd', targetKind: 'coding' }, 'Ana wrote the memo “Odd” on a coded passage'],
    ['memo.edited', { title: 'Funding' }, 'Ana edited the memo “Funding”'],
    ['memo.deleted', { title: 'Funding' }, 'Ana deleted the memo “Funding”'],
    ['memo.restored', { title: 'Funding' }, 'Ana restored the memo “Funding”'],
    ['memo.linked', { title: 'Funding', kind: 'memo' }, 'Ana linked the memo “Funding” to another memo'],
    ['memo.linked', { title: 'Funding', kind: 'coding' }, 'Ana linked the memo “Funding” to a coded passage'],
    ['memo.unlinked', { title: 'Funding' }, 'Ana removed a link from the memo “Funding”'],
    ['annotation.added', {}, 'Ana annotated a coded passage'],
    ['annotation.edited', {}, 'Ana edited an annotation'],
    ['annotation.removed', {}, 'Ana removed an annotation'],
  ])('%s → %s', (type, payload, sentence) => {
    expect(describeEvent(event(type, payload))).toBe(sentence);
  });
});

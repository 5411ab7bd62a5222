import type { CodingView } from '@weft/protocol';
import { describe, expect, it } from 'vitest';
import { applyCodingEvent } from './live-codings';

const coding = (id: string, start: number, end: number, documentId = 'doc') => ({
  type: 'coding',
  id,
  codeId: 'code-a',
  documentId,
  versionId: 'v1',
  anchor: {
    position: { type: 'text-position', start, end },
    quote: { type: 'text-quote', exact: 'x'.repeat(end - start), prefix: '', suffix: '' },
  },
  coderId: 'ana',
  createdAt: '2026-11-23T10:00:00.000Z',
});

describe('applyCodingEvent', () => {
  it('adds, recodes, resizes and removes codings of the open document', () => {
    const codings = new Map<string, CodingView>();
    expect(
      applyCodingEvent(
        codings,
        { eventType: 'coding.added', payload: { coding: coding('c1', 0, 4) } },
        'doc',
      ),
    ).toEqual({ kind: 'applied' });
    expect(codings.get('c1')).toMatchObject({ start: 0, end: 4, codeId: 'code-a', coderId: 'ana' });
    applyCodingEvent(
      codings,
      { eventType: 'coding.recoded', payload: { codingId: 'c1', from: 'code-a', to: 'code-b' } },
      'doc',
    );
    expect(codings.get('c1')?.codeId).toBe('code-b');
    applyCodingEvent(
      codings,
      {
        eventType: 'coding.resized',
        payload: { codingId: 'c1', from: coding('c1', 0, 4).anchor, to: coding('c1', 2, 9).anchor },
      },
      'doc',
    );
    expect(codings.get('c1')).toMatchObject({ start: 2, end: 9, exact: 'xxxxxxx' });
    applyCodingEvent(
      codings,
      { eventType: 'coding.removed', payload: { coding: coding('c1', 2, 9), undoStep: 'undo' } },
      'doc',
    );
    expect(codings.size).toBe(0);
  });

  it('ignores codings of other documents', () => {
    const codings = new Map<string, CodingView>();
    expect(
      applyCodingEvent(
        codings,
        { eventType: 'coding.added', payload: { coding: coding('c2', 0, 4, 'other') } },
        'doc',
      ),
    ).toEqual({ kind: 'none' });
    expect(codings.size).toBe(0);
  });

  it('converges when a suffix of the log is replayed after a load', () => {
    const log = [
      { eventType: 'coding.added', payload: { coding: coding('c1', 0, 4) } },
      { eventType: 'coding.added', payload: { coding: coding('c2', 5, 8) } },
      { eventType: 'coding.removed', payload: { coding: coding('c1', 0, 4) } },
      { eventType: 'coding.added', payload: { coding: coding('c1', 0, 4) } },
    ];
    const live = new Map<string, CodingView>();
    for (const e of log) applyCodingEvent(live, e, 'doc');
    const replayed = new Map(live);
    for (const e of log.slice(1)) applyCodingEvent(replayed, e, 'doc');
    expect([...replayed.keys()].sort()).toEqual([...live.keys()].sort());
  });

  it('asks for a refetch after bulk codebook changes and a reload after an edit of this document', () => {
    const codings = new Map<string, CodingView>();
    expect(applyCodingEvent(codings, { eventType: 'code.merged', payload: {} }, 'doc')).toEqual({
      kind: 'refetch-codings',
    });
    expect(
      applyCodingEvent(codings, { eventType: 'document.edited', payload: { documentId: 'doc' } }, 'doc'),
    ).toEqual({ kind: 'reload-document' });
    expect(
      applyCodingEvent(codings, { eventType: 'document.edited', payload: { documentId: 'x' } }, 'doc'),
    ).toEqual({ kind: 'none' });
    expect(applyCodingEvent(codings, { eventType: 'code.renamed', payload: {} }, 'doc')).toEqual({
      kind: 'none',
    });
  });
});

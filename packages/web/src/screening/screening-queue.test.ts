import type { ScreeningRecordView } from '@weft/protocol';
import { describe, expect, it } from 'vitest';
import { INITIAL_QUEUE, needsMore, prefetchCount, type QueueState, queueReducer } from './screening-queue';

function record(id: string): ScreeningRecordView {
  return {
    recordId: id,
    title: `Title ${id}`,
    abstract: '',
    authors: [],
    year: null,
    container: '',
    keywords: [],
    doi: null,
    pmid: null,
    url: null,
    score: null,
    dual: false,
  };
}
const ids = (state: QueueState) => state.queue.map((r) => r.recordId);
const received = (state: QueueState, ...list: string[]) =>
  queueReducer(state, { type: 'received', records: list.map(record) });

describe('queueReducer', () => {
  it('fills the queue from the server and knows it has loaded', () => {
    expect(needsMore(INITIAL_QUEUE)).toBe(true);
    const state = received(INITIAL_QUEUE, 'a', 'b', 'c', 'd');
    expect(ids(state)).toEqual(['a', 'b', 'c', 'd']);
    expect(state.loaded).toBe(true);
    expect(needsMore(state)).toBe(false);
  });

  it('shows the next record at once on a decision, and hides the decided one from stale answers', () => {
    let state = received(INITIAL_QUEUE, 'a', 'b', 'c');
    state = queueReducer(state, { type: 'decided', recordId: 'a', decision: 'include', reasonIds: [] });
    expect(ids(state)).toEqual(['b', 'c']);
    expect(state.made).toHaveLength(1);
    expect(state.made[0]?.status).toBe('sending');
    // An answer that left the server before it saw the decision still lists 'a'.
    state = received(state, 'a', 'b', 'c', 'd');
    expect(ids(state)).toEqual(['b', 'c', 'd']);
    state = queueReducer(state, { type: 'saved', recordId: 'a' });
    expect(state.made[0]?.status).toBe('saved');
  });

  it('keeps the record on screen when the server reorders the rest', () => {
    let state = received(INITIAL_QUEUE, 'a', 'b', 'c');
    state = received(state, 'c', 'b', 'a', 'e');
    expect(ids(state)).toEqual(['a', 'c', 'b', 'e']);
  });

  it('undo brings the last decided record back to the front and makes it visible again', () => {
    let state = received(INITIAL_QUEUE, 'a', 'b', 'c');
    state = queueReducer(state, { type: 'decided', recordId: 'a', decision: 'include', reasonIds: [] });
    state = queueReducer(state, {
      type: 'decided',
      recordId: 'b',
      decision: 'exclude',
      reasonIds: ['r1'],
      note: 'wrong population',
    });
    expect(state.made[1]?.note).toBe('wrong population');
    state = queueReducer(state, { type: 'undone' });
    expect(ids(state)).toEqual(['b', 'c']);
    expect(state.made.map((m) => m.record.recordId)).toEqual(['a']);
    expect(state.hidden).toEqual(['a']);
    state = queueReducer(state, { type: 'undone' });
    expect(ids(state)).toEqual(['a', 'b', 'c']);
    expect(queueReducer(received(INITIAL_QUEUE), { type: 'undone' }).queue).toEqual([]);
  });

  it('puts a record back when its decision failed', () => {
    let state = received(INITIAL_QUEUE, 'a', 'b');
    state = queueReducer(state, { type: 'decided', recordId: 'a', decision: 'maybe', reasonIds: [] });
    state = queueReducer(state, { type: 'failed', recordId: 'a' });
    expect(ids(state)).toEqual(['a', 'b']);
    expect(state.made).toEqual([]);
    expect(state.hidden).toEqual([]);
  });

  it('ignores a decision on a record that is not in the queue', () => {
    const state = received(INITIAL_QUEUE, 'a');
    expect(queueReducer(state, { type: 'decided', recordId: 'zz', decision: 'include', reasonIds: [] })).toBe(
      state,
    );
  });

  it('asks for enough records to cover decisions in flight', () => {
    let state = received(INITIAL_QUEUE, 'a', 'b', 'c', 'd');
    expect(prefetchCount(state)).toBe(6);
    state = queueReducer(state, { type: 'decided', recordId: 'a', decision: 'include', reasonIds: [] });
    state = queueReducer(state, { type: 'decided', recordId: 'b', decision: 'include', reasonIds: [] });
    expect(needsMore(state)).toBe(true);
    expect(prefetchCount(state)).toBe(8);
  });
});

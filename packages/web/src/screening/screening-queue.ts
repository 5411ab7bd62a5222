import type { ScreeningDecision, ScreeningRecordView } from '@weft/protocol';

/**
 * The reviewer's local queue on the screening screen. Decisions are optimistic: the record leaves
 * the screen at once and the next (prefetched) one takes its place while the command travels.
 * Records decided here are never shown again from a response that left the server before it
 * learned of the decision; an undo brings the record back to the front.
 */
export interface MadeDecision {
  record: ScreeningRecordView;
  decision: ScreeningDecision;
  reasonIds: string[];
  note: string;
  status: 'sending' | 'saved';
}

export interface QueueState {
  /** queue[0] is the record on screen; the rest is prefetched. */
  queue: ScreeningRecordView[];
  /** This session's decisions, oldest first: the undo stack. */
  made: MadeDecision[];
  /** Records decided (or being decided) here, hidden from server answers. */
  hidden: string[];
  /** The server has answered at least once (an empty queue then means "nothing left"). */
  loaded: boolean;
}

export type QueueAction =
  | { type: 'received'; records: ScreeningRecordView[] }
  | { type: 'decided'; recordId: string; decision: ScreeningDecision; reasonIds: string[]; note?: string }
  | { type: 'saved'; recordId: string }
  | { type: 'failed'; recordId: string }
  | { type: 'undone' };

export const INITIAL_QUEUE: QueueState = { queue: [], made: [], hidden: [], loaded: false };

/** Fewer records than this ahead of the current one: fetch more. */
export const PREFETCH_LOW_WATER = 3;

export function queueReducer(state: QueueState, action: QueueAction): QueueState {
  switch (action.type) {
    case 'received': {
      // The record on screen stays put (no swapping under the reviewer's eyes); the rest follows
      // the server's order, which may have changed with a new model.
      const current = state.queue[0];
      const hidden = new Set(state.hidden);
      const seen = new Set(current ? [current.recordId] : []);
      const rest: ScreeningRecordView[] = [];
      for (const record of action.records) {
        if (hidden.has(record.recordId) || seen.has(record.recordId)) continue;
        seen.add(record.recordId);
        rest.push(record);
      }
      // Records prefetched earlier but not in this (shorter) answer are dropped: the server knows best.
      return { ...state, queue: current ? [current, ...rest] : rest, loaded: true };
    }
    case 'decided': {
      const record = state.queue.find((r) => r.recordId === action.recordId);
      if (!record) return state;
      return {
        ...state,
        queue: state.queue.filter((r) => r.recordId !== action.recordId),
        made: [
          ...state.made,
          {
            record,
            decision: action.decision,
            reasonIds: action.reasonIds,
            note: action.note ?? '',
            status: 'sending',
          },
        ],
        hidden: [...state.hidden, action.recordId],
      };
    }
    case 'saved':
      return {
        ...state,
        made: state.made.map((m) =>
          m.record.recordId === action.recordId && m.status === 'sending' ? { ...m, status: 'saved' } : m,
        ),
      };
    case 'failed': {
      const index = findLastIndex(state.made, (m) => m.record.recordId === action.recordId);
      if (index < 0) return state;
      return restore(state, index);
    }
    case 'undone': {
      if (state.made.length === 0) return state;
      return restore(state, state.made.length - 1);
    }
  }
}

/** Takes decision `index` off the stack and puts its record back on screen. */
function restore(state: QueueState, index: number): QueueState {
  const made = state.made[index];
  if (!made) return state;
  const id = made.record.recordId;
  return {
    ...state,
    queue: [made.record, ...state.queue.filter((r) => r.recordId !== id)],
    made: state.made.filter((_, i) => i !== index),
    hidden: state.hidden.filter((h) => h !== id),
  };
}

function findLastIndex<T>(items: T[], test: (item: T) => boolean): number {
  for (let i = items.length - 1; i >= 0; i--) if (test(items[i] as T)) return i;
  return -1;
}

/** How many records to ask for so the queue is full again after answers still in flight. */
export function prefetchCount(state: QueueState, target = 5): number {
  const sending = state.made.filter((m) => m.status === 'sending').length;
  return Math.min(20, target + sending + (state.queue.length > 0 ? 1 : 0));
}

export function needsMore(state: QueueState): boolean {
  return !state.loaded || state.queue.length < PREFETCH_LOW_WATER;
}

import { notifications } from '@mantine/notifications';
import type { ModelStatusView, ScreeningDecision, StageProgressView, StageView } from '@weft/protocol';
import { useCallback, useEffect, useReducer, useRef, useState } from 'react';
import { sendCommand } from '../api/commands';
import { errorMessage } from '../api/problem';
import { screeningApi } from '../api/screening';
import { INITIAL_QUEUE, needsMore, prefetchCount, type QueueState, queueReducer } from './screening-queue';
import { useScreeningEvents } from './use-screening-events';

export interface ScreeningQueue {
  state: QueueState;
  progress: StageProgressView | undefined;
  model: ModelStatusView | undefined;
  order: 'ranked' | 'random' | undefined;
  error: unknown;
  /** The server has nothing beyond what is loaded. */
  exhausted: boolean;
  decide: (decision: ScreeningDecision, reasonIds: string[], note?: string) => void;
  /** Takes back the last decision; returns it so the screen can restore its reasons and note. */
  undo: () => { decision: ScreeningDecision; reasonIds: string[]; note: string } | null;
  refresh: () => void;
}

/**
 * The reviewer's queue for one stage: prefetched from `next`, decided optimistically, commands
 * sent one after another (so an undo always follows the decision it takes back), and refetched
 * after each answer and on screening events (progress, model status, other reviewers' work).
 */
export function useScreeningQueue(projectId: string, stage: StageView): ScreeningQueue {
  const [state, dispatch] = useReducer(queueReducer, INITIAL_QUEUE);
  const [meta, setMeta] = useState<{
    progress: StageProgressView;
    model: ModelStatusView;
    order: 'ranked' | 'random';
  }>();
  const [error, setError] = useState<unknown>(undefined);
  const stateRef = useRef(state);
  stateRef.current = state;
  const chain = useRef<Promise<void>>(Promise.resolve());
  const fetching = useRef(false);
  const again = useRef(false);
  // The last answer had fewer records than asked: the queue is nearly done, stop topping it up.
  const exhausted = useRef(false);
  const [nothingMore, setNothingMore] = useState(false);
  const stageId = stage.id;

  const fetchNext = useCallback(async () => {
    if (fetching.current) {
      again.current = true;
      return;
    }
    fetching.current = true;
    try {
      do {
        again.current = false;
        const count = prefetchCount(stateRef.current);
        const response = await screeningApi.next(projectId, stageId, count);
        exhausted.current = response.records.length < count;
        setNothingMore(exhausted.current);
        dispatch({ type: 'received', records: response.records });
        setMeta({ progress: response.progress, model: response.model, order: response.order });
        setError(undefined);
      } while (again.current);
    } catch (err) {
      setError(err);
    } finally {
      fetching.current = false;
    }
  }, [projectId, stageId]);

  const enqueue = useCallback((task: () => Promise<void>) => {
    chain.current = chain.current.then(task, task);
  }, []);

  useEffect(() => {
    if (needsMore(state) && !exhausted.current && error === undefined) void fetchNext();
  }, [state, error, fetchNext]);

  useScreeningEvents(() => void fetchNext());

  const decide = useCallback(
    (decision: ScreeningDecision, reasonIds: string[], note = '') => {
      const current = stateRef.current.queue[0];
      if (!current) return;
      const recordId = current.recordId;
      dispatch({ type: 'decided', recordId, decision, reasonIds, note });
      enqueue(async () => {
        try {
          await sendCommand('screening.decide', { stageId, recordId, decision, reasonIds, note }, projectId);
          dispatch({ type: 'saved', recordId });
        } catch (err) {
          dispatch({ type: 'failed', recordId });
          notifications.show({ color: 'red', title: 'Decision not saved', message: errorMessage(err) });
        }
        void fetchNext();
      });
    },
    [enqueue, fetchNext, projectId, stageId],
  );

  const undo = useCallback(() => {
    const last = stateRef.current.made[stateRef.current.made.length - 1];
    if (!last) {
      notifications.show({ color: 'gray', message: 'Nothing to undo.', autoClose: 1500 });
      return null;
    }
    const recordId = last.record.recordId;
    dispatch({ type: 'undone' });
    enqueue(async () => {
      try {
        await sendCommand('screening.retract', { stageId, recordId }, projectId);
      } catch (err) {
        notifications.show({ color: 'red', title: 'Not undone', message: errorMessage(err) });
      }
      void fetchNext();
    });
    return { decision: last.decision, reasonIds: last.reasonIds, note: last.note };
  }, [enqueue, fetchNext, projectId, stageId]);

  const refresh = useCallback(() => {
    setError(undefined);
    void fetchNext();
  }, [fetchNext]);

  // Decisions still travelling count already: the figures move with the keys, not with the network.
  const server = meta?.progress ?? stage.progress;
  const sending = state.made.filter((m) => m.status === 'sending').length;
  const progress = {
    ...server,
    myDecisions: server.myDecisions + sending,
    myQueue: Math.max(0, server.myQueue - sending),
  };
  return {
    state,
    progress,
    exhausted: nothingMore,
    model: meta?.model,
    order: meta?.order,
    error,
    decide,
    undo,
    refresh,
  };
}

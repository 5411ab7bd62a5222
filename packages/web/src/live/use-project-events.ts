import { useEffect, useRef } from 'react';
import { useProject } from '../project/project-context';

export interface ProjectEventsOptions {
  /** Which event types matter to the caller. */
  relevant: (eventType: string) => boolean;
  /** Gather a burst (a reviewer screening fast) into one call this long after the last event. */
  delayMs?: number;
  /**
   * Skip the events replayed when the feed connects (history the first load already shows). Off,
   * they cause one extra refresh, which is safer where a missed change would mislead.
   */
  skipReplay?: boolean;
}

/** Calls `onChange` when the project's log gains a relevant event, from anyone. */
export function useProjectEvents(
  onChange: () => void,
  { relevant, delayMs = 0, skipReplay = false }: ProjectEventsOptions,
): void {
  const { live } = useProject();
  const handled = useRef(0);
  const callback = useRef(onChange);
  callback.current = onChange;
  const isRelevant = useRef(relevant);
  isRelevant.current = relevant;
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => {
    const fresh = live.events.filter((e) => e.seq > handled.current);
    if (fresh.length === 0) return;
    const first = handled.current === 0;
    handled.current = live.lastSeq;
    if ((first && skipReplay) || !fresh.some((e) => isRelevant.current(e.eventType))) return;
    if (delayMs <= 0) {
      callback.current();
      return;
    }
    clearTimeout(timer.current);
    timer.current = setTimeout(() => callback.current(), delayMs);
  }, [live.events, live.lastSeq, delayMs, skipReplay]);
  useEffect(() => () => clearTimeout(timer.current), []);
}

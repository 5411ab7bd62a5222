import { useEffect, useRef } from 'react';
import { useProject } from '../project/project-context';

/** Event types that can change a PRISMA number or the review log's lines: nearly every one. */
const IGNORED = /^(project\.described|project\.renamed)$/;

/**
 * Calls `onChange` when the project's log gains an event that may change the diagram (an import,
 * a dedup answer, a decision, a retrieval, the settings), from anyone. Bursts (a reviewer
 * screening fast) are gathered into one refetch a moment later.
 */
export function useReportingEvents(onChange: () => void, delayMs = 400): void {
  const { live } = useProject();
  const handled = useRef(0);
  const callback = useRef(onChange);
  callback.current = onChange;
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => {
    const fresh = live.events.filter((e) => e.seq > handled.current);
    if (fresh.length === 0) return;
    const first = handled.current === 0;
    handled.current = live.lastSeq;
    // The events replayed when the feed connects are what the first load already showed.
    if (first || !fresh.some((e) => !IGNORED.test(e.eventType))) return;
    clearTimeout(timer.current);
    timer.current = setTimeout(() => callback.current(), delayMs);
  }, [live.events, live.lastSeq, delayMs]);
  useEffect(() => () => clearTimeout(timer.current), []);
}

import { useEffect, useRef } from 'react';
import { useProject } from '../project/project-context';

const RELEVANT = /^(records\.|search\.|duplicates\.|demo\.)/;

/**
 * Calls `onChange` when the project's log gains an identification event (an import, a search,
 * a dedup run or answer), from anyone. Events replayed when the feed connects may trigger one
 * extra refresh; that is cheaper than missing one.
 */
export function useIdentificationEvents(onChange: () => void): void {
  const { live } = useProject();
  const handled = useRef(0);
  const callback = useRef(onChange);
  callback.current = onChange;
  useEffect(() => {
    const fresh = live.events.filter((e) => e.seq > handled.current);
    if (fresh.length === 0) return;
    handled.current = live.lastSeq;
    if (fresh.some((e) => RELEVANT.test(e.eventType))) callback.current();
  }, [live.events, live.lastSeq]);
}

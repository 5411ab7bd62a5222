import { useEffect, useRef } from 'react';
import { useProject } from '../project/project-context';

/** Screening events: stages, decisions, resolutions, stops and the model's retrains. */
const RELEVANT = /^(screening|stage|stages|decision|decisions|conflict|conflicts|model)\./;

/**
 * Calls `onChange` when the project's log gains a screening event from anyone (a decision, a
 * resolution, a new model, a settings change). The decisions' contents may be blinded in the
 * feed; the refetch asks the server, which shows each person what they may see.
 */
export function useScreeningEvents(onChange: () => void): void {
  const { live } = useProject();
  const handled = useRef(0);
  const callback = useRef(onChange);
  callback.current = onChange;
  useEffect(() => {
    const fresh = live.events.filter((e) => e.seq > handled.current);
    if (fresh.length === 0) return;
    const first = handled.current === 0;
    handled.current = live.lastSeq;
    // The replay when the feed connects is history the first load already shows.
    if (first) return;
    if (fresh.some((e) => RELEVANT.test(e.eventType))) callback.current();
  }, [live.events, live.lastSeq]);
}

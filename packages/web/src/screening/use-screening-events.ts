import { useProjectEvents } from '../live/use-project-events';

/**
 * Screening events (stages, decisions, resolutions, stops, the model's retrains) and those that
 * change what there is to screen: imports, duplicate merges, records removed before screening.
 */
const RELEVANT = /^(screening|stage|stages|decision|decisions|conflict|conflicts|model|records|duplicates)\./;

/**
 * Calls `onChange` when the project's log gains a screening event from anyone. The decisions'
 * contents may be blinded in the feed; the refetch asks the server, which shows each person what
 * they may see.
 */
export function useScreeningEvents(onChange: () => void): void {
  useProjectEvents(onChange, { relevant: (type) => RELEVANT.test(type), skipReplay: true });
}

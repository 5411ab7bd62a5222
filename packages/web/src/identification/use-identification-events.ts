import { useProjectEvents } from '../live/use-project-events';

const RELEVANT = /^(records\.|search\.|duplicates\.|demo\.)/;

/** Calls `onChange` when the project's log gains an identification event (an import, a search, a dedup run or answer). */
export function useIdentificationEvents(onChange: () => void): void {
  useProjectEvents(onChange, { relevant: (type) => RELEVANT.test(type) });
}

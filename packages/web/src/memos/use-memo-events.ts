import { useProjectEvents } from '../live/use-project-events';
import { isMemoEvent } from './memo-words';

/** Refresh when memos, annotations or codings change (from anyone, in any tab). */
export function useMemoEvents(onChange: () => void): void {
  useProjectEvents(onChange, { relevant: isMemoEvent, delayMs: 150, skipReplay: true });
}

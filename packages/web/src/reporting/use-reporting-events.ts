import { useProjectEvents } from '../live/use-project-events';

/** Event types that can change a PRISMA number or the review log's lines: nearly every one. */
const IGNORED = /^(project\.described|project\.renamed)$/;

/** Calls `onChange` a moment after the log gains events that may change the diagram or the log, from anyone. */
export function useReportingEvents(onChange: () => void, delayMs = 400): void {
  useProjectEvents(onChange, { relevant: (type) => !IGNORED.test(type), delayMs, skipReplay: true });
}

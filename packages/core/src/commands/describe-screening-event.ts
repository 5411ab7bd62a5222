import type { ProjectEvent } from './command.js';

/** Activity-feed sentences for screening events; undefined for any other event. */
export function describeScreeningEvent(event: ProjectEvent): string | undefined {
  switch (event.eventType) {
    default:
      return undefined;
  }
}

import type { ProjectEvent } from '@weft/core';

/** Append events in seq order, dropping any at or below the last one held; keep at most `cap`. */
export function appendEvents(current: ProjectEvent[], incoming: ProjectEvent[], cap: number): ProjectEvent[] {
  let last = current.length ? (current[current.length - 1]?.seq ?? 0) : 0;
  const fresh: ProjectEvent[] = [];
  for (const event of [...incoming].sort((a, b) => a.seq - b.seq)) {
    if (event.seq <= last) continue;
    fresh.push(event);
    last = event.seq;
  }
  if (fresh.length === 0) return current;
  const next = current.concat(fresh);
  return next.length > cap ? next.slice(next.length - cap) : next;
}

export function liveEventsUrl(projectId: string, after: number): string {
  const scheme = window.location.protocol === 'https:' ? 'wss' : 'ws';
  return `${scheme}://${window.location.host}/api/projects/${encodeURIComponent(projectId)}/events?after=${after}`;
}

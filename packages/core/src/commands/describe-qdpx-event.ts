import type { ProjectEvent } from './command.js';
import { eventWords } from './event-words.js';

/** Activity-feed sentences for REFI-QDA interchange events; undefined for any other event. */
export function describeQdpxEvent(event: ProjectEvent): string | undefined {
  if (event.eventType !== 'project.qdpx-imported') return undefined;
  const { who, str, payload } = eventWords(event);
  const imported = (payload.imported ?? {}) as Record<string, unknown>;
  const n = (key: string, noun: string) => {
    const v = typeof imported[key] === 'number' ? (imported[key] as number) : 0;
    return `${v} ${noun}${v === 1 ? '' : 's'}`;
  };
  const from = str('origin') ? ` (${str('origin')})` : '';
  return `${who} imported the project from ${str('fileName')}${from}: ${n('codes', 'code')}, ${n('documents', 'document')}, ${n('codings', 'coding')}`;
}

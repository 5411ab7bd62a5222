import type { ProjectEvent } from './command.js';

/** The small helpers every event describer uses to read its payload into words. */
export function eventWords(event: ProjectEvent) {
  const who = event.actorName;
  const p = (event.payload ?? {}) as Record<string, unknown>;
  const str = (key: string) => (typeof p[key] === 'string' ? (p[key] as string) : '');
  // A number, or the length of a list, with the noun agreeing: "1 record", "24 records".
  const count = (key: string, noun: string) => {
    const value = p[key];
    const n = Array.isArray(value) ? value.length : typeof value === 'number' ? value : 0;
    return `${n} ${noun}${n === 1 ? '' : 's'}`;
  };
  return { who, payload: p, str, count };
}

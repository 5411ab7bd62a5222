/**
 * What a reader of the log knows beyond the event: the titles of the records it points at. The
 * event payloads carry ids only (a title can be edited; the log keeps the act), so whoever shows
 * the sentences looks the titles up; without them the sentences still read, just less specifically.
 */
export interface EventNames {
  recordTitle(recordId: string): string | undefined;
}

const SHORT_TITLE = 60;

/** A title cut at a word near 60 characters, quoted: “Aspirin for secondary prevention of…”. */
export function shortTitle(title: string): string {
  const clean = title
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[.。]$/, '');
  if (clean.length <= SHORT_TITLE) return `“${clean}”`;
  const cut = clean.slice(0, SHORT_TITLE);
  const space = cut.lastIndexOf(' ');
  return `“${(space > SHORT_TITLE / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:–-]+$/, '')}…”`;
}

/** The quoted short title of one record, or undefined when it is not known. */
export function titleOf(names: EventNames | undefined, recordId: unknown): string | undefined {
  if (!names || typeof recordId !== 'string') return undefined;
  const title = names.recordTitle(recordId);
  return title ? shortTitle(title) : undefined;
}

/** Record ids of a payload list (ignoring anything else). */
export function idsOf(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

/** A page range split into first and last page, with the last page written out in full. */
export interface PageRange {
  first: string;
  last?: string;
}

/**
 * Parses "1234-45", "1234–1245", "pp. 12-9", "e1234", "S12-S14", "123" into a range whose last page
 * is complete ("1234-45" → 1234–1245), because sources disagree on abbreviating the end page.
 */
export function normalizePages(raw: string | undefined): PageRange | undefined {
  if (!raw) return undefined;
  const text = raw
    .toLowerCase()
    .replace(/^\s*(?:pp?\.?|pages?)\s*/, '')
    .replace(/[‐‑‒–—―]/g, '-')
    .replace(/\s+/g, '')
    .replace(/-+/g, '-');
  if (!text || text === '-') return undefined;
  const [firstRaw = '', lastRaw] = text.split(/-|,/);
  const first = stripLeadingZeros(firstRaw);
  if (!first) return undefined;
  if (!lastRaw) return { first };
  let last = stripLeadingZeros(lastRaw);
  const firstMatch = /^([a-z]*)(\d+)$/.exec(first);
  const lastMatch = /^([a-z]*)(\d+)$/.exec(last);
  if (firstMatch?.[2] && lastMatch?.[2] && (lastMatch[1] === '' || lastMatch[1] === firstMatch[1])) {
    const prefix = firstMatch[1] ?? '';
    const firstDigits = firstMatch[2];
    const lastDigits = lastMatch[2];
    if (lastDigits.length < firstDigits.length) {
      last = prefix + firstDigits.slice(0, firstDigits.length - lastDigits.length) + lastDigits;
    } else {
      last = prefix + lastDigits;
    }
  }
  return last === first ? { first } : { first, last };
}

function stripLeadingZeros(page: string): string {
  return page.replace(/^([a-z]*)0+(\d)/, '$1$2');
}

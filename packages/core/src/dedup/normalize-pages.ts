/** A page range split into first and last page, with the last page written out in full. */
export interface PageRange {
  first: string;
  last?: string;
}

/**
 * Articles printed in pieces list several ranges ("233-8, 230-5, 246-51", "901-7; quiz 907")
 * in any order; the piece that starts first stands for the article.
 */
export function normalizePages(raw: string | undefined): PageRange | undefined {
  if (!raw) return undefined;
  const pieces = raw.split(/[,;+]/).map(normalizeRange);
  let best: PageRange | undefined;
  for (const piece of pieces) {
    if (!piece) continue;
    if (!best) best = piece;
    else if (pageNumber(piece.first) < pageNumber(best.first)) best = piece;
  }
  return best;
}

function pageNumber(page: string): number {
  const digits = /\d+/.exec(page);
  return digits ? Number(digits[0]) : Number.POSITIVE_INFINITY;
}

/**
 * Parses "1234-45", "1234–1245", "pp. 12-9", "e1234", "S12-S14", "123" into a range whose last page
 * is complete ("1234-45" → 1234–1245), because sources disagree on abbreviating the end page.
 */
function normalizeRange(raw: string): PageRange | undefined {
  // "215 p" / "xii, 340 pp." is how many pages a book or thesis has, not where an article starts.
  if (/^\s*\d+\s*pp?\.?\s*$/i.test(raw)) return undefined;
  const text = raw
    .toLowerCase()
    .replace(/\[[^\]]*\]/g, '')
    // Quotation marks left over from a CSV export that quoted the field twice.
    .replace(/["'“”‘’]/g, '')
    .replace(/^\s*(?:pp?\.?\s|pages?\s)\s*/, '')
    .replace(/^\s*(?:author reply|reply|discussion|quiz)\s*/, '')
    .replace(/[‐‑‒–—―]/g, '-')
    .replace(/\s+/g, '')
    .replace(/-+/g, '-');
  if (!text || text === '-') return undefined;
  const [firstRaw = '', lastRaw] = text.split('-');
  const first = stripLeadingZeros(firstRaw);
  // Roman-numeral front matter ("vi") and words are not the article's page.
  if (!/\d/.test(first)) return undefined;
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

/**
 * DOI normalisation. Core's dedup helper is being written separately; this one only
 * needs to recognise a DOI inside the places exports hide it (DO, UR, M3, N1, LID "[doi]").
 */
const DOI_PATTERN = /10\.\d{4,9}\/[^\s"<>]+/i;

/**
 * Returns the bare DOI ("10.1000/xyz", lower-cased, without resolver prefix or trailing
 * punctuation), or undefined when the text holds none. DOIs are case-insensitive (DOI
 * Handbook 2.4), so lower-casing makes equal DOIs compare equal.
 */
export function normaliseDoi(text: string | undefined): string | undefined {
  if (!text) return undefined;
  let decoded = text.trim();
  if (/%2F/i.test(decoded)) {
    try {
      decoded = decodeURIComponent(decoded);
    } catch {
      // keep the raw text: a stray % is not worth failing over
    }
  }
  const match = DOI_PATTERN.exec(decoded);
  if (!match) return undefined;
  return match[0]
    .replace(/\[doi\]$/i, '')
    .replace(/[.,;:)\]}]+$/, '')
    .toLowerCase();
}

/** True when the whole value is a DOI (optionally with a resolver or "doi:" prefix). */
export function isDoiValue(text: string): boolean {
  return /^\s*(?:doi:\s*|https?:\/\/(?:dx\.)?doi\.org\/)?10\.\d{4,9}\/\S+\s*$/i.test(text);
}

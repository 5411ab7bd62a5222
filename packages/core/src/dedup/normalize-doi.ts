/**
 * The bare, lower-cased DOI ("10.xxxx/…") from any of the forms sources write:
 * https://doi.org/…, http://dx.doi.org/…, doi:…, "DOI 10.…", URL-encoded, with trailing punctuation.
 * DOIs are case-insensitive by definition (DOI Handbook 2.4), so lower case is safe.
 */
export function normalizeDoi(raw: string | undefined): string | undefined {
  if (!raw) return undefined;
  let doi = raw.trim();
  try {
    if (/%[0-9a-f]{2}/i.test(doi)) doi = decodeURIComponent(doi);
  } catch {
    // A stray "%" that is not an escape: keep the text as it is.
  }
  const found = /10\.\d{4,9}\/\S+/.exec(doi);
  if (!found) return undefined;
  return found[0]
    .toLowerCase()
    .replace(/[.,;:)\]}>'"]+$/, '')
    .replace(/\/$/, '');
}

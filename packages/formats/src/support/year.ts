/** Extracts a publication year from RIS/MEDLINE/BibTeX date strings ("2019///", "2019 Mar 2", "2019-03"). */
export function parseYear(raw: string | undefined): number | undefined {
  if (!raw) return undefined;
  const match = /(?:^|[^\d])(1[5-9]\d\d|20\d\d|21\d\d)(?!\d)/.exec(raw);
  return match?.[1] ? Number(match[1]) : undefined;
}

/** True when the raw date says nothing beyond the year (so keeping only the year loses nothing). */
export function isBareYear(raw: string): boolean {
  return /^\s*\d{4}[/\s]*$/.test(raw);
}

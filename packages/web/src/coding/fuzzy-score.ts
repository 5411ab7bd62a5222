/**
 * A small fuzzy matcher for the code palette: every query character must appear in order in
 * the name (case-insensitive). Higher scores for a match at the start of the name, at word
 * starts and in consecutive runs, so "rel cul" ranks "Relationships and cultures" first.
 */
export function fuzzyScore(query: string, target: string): number | null {
  const q = query.trim().toLocaleLowerCase('en').replace(/\s+/g, ' ');
  if (q === '') return 0;
  const t = target.toLocaleLowerCase('en');
  if (t === q) return 1000;
  const substring = t.indexOf(q);
  if (substring === 0) return 900 - t.length;
  if (substring > 0 && /[\s\-_/]/.test(t[substring - 1] ?? '')) return 800 - t.length;
  if (substring > 0) return 600 - substring - t.length;
  let score = 0;
  let ti = 0;
  let run = 0;
  for (const ch of q) {
    if (ch === ' ') {
      run = 0;
      continue;
    }
    const at = t.indexOf(ch, ti);
    if (at < 0) return null;
    const wordStart = at === 0 || /[\s\-_/]/.test(t[at - 1] ?? '');
    run = at === ti ? run + 1 : 1;
    score += 1 + (wordStart ? 8 : 0) + (run > 1 ? 3 * run : 0) - Math.min(at - ti, 10) * 0.5;
    ti = at + 1;
  }
  return Math.max(1, 300 + score - t.length * 0.5);
}

/** Items matching the query, best first (ties keep their order). */
export function fuzzyFilter<T>(query: string, items: readonly T[], text: (item: T) => string): T[] {
  return items
    .map((item, i) => ({ item, i, score: fuzzyScore(query, text(item)) }))
    .filter((r): r is { item: T; i: number; score: number } => r.score !== null)
    .sort((a, b) => b.score - a.score || a.i - b.i)
    .map((r) => r.item);
}

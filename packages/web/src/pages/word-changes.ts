import { diffTexts } from '@weft/core';

export type WordChange = { key: string; text: string; kind: 'same' | 'removed' | 'added' };

interface Gap {
  oldStart: number;
  oldEnd: number;
  newStart: number;
  newEnd: number;
}

const isWordChar = (c: string | undefined) => c !== undefined && /[\p{L}\p{N}]/u.test(c);

/**
 * What the edit changed, widened to whole words: "normal" → "natural" reads as one word replaced,
 * not as "n[orm→atur]al". The stretches either side are equal in both texts, so both move together.
 */
function changedWords(coded: string, placed: string): Gap[] {
  const gaps: Gap[] = [];
  let oldAt = 0;
  let newAt = 0;
  const end = { oldStart: coded.length, newStart: placed.length, length: 0 };
  for (const run of [...diffTexts(coded, placed).runs, end]) {
    if (run.oldStart > oldAt || run.newStart > newAt)
      gaps.push({ oldStart: oldAt, oldEnd: run.oldStart, newStart: newAt, newEnd: run.newStart });
    oldAt = run.oldStart + run.length;
    newAt = run.newStart + run.length;
  }
  const widened: Gap[] = [];
  for (const gap of gaps) {
    const g = { ...gap };
    // Only a change that reaches into a word widens: words inserted between others stay as they are.
    const removes = g.oldEnd > g.oldStart;
    const adds = g.newEnd > g.newStart;
    const touchesStart =
      (removes && isWordChar(coded[g.oldStart])) || (adds && isWordChar(placed[g.newStart]));
    const touchesEnd =
      (removes && isWordChar(coded[g.oldEnd - 1])) || (adds && isWordChar(placed[g.newEnd - 1]));
    while (touchesStart && g.oldStart > 0 && g.newStart > 0 && isWordChar(coded[g.oldStart - 1])) {
      g.oldStart--;
      g.newStart--;
    }
    while (touchesEnd && g.oldEnd < coded.length && g.newEnd < placed.length && isWordChar(coded[g.oldEnd])) {
      g.oldEnd++;
      g.newEnd++;
    }
    // Two changes in one word become one.
    const last = widened.at(-1);
    if (last && g.oldStart <= last.oldEnd) {
      last.oldEnd = Math.max(last.oldEnd, g.oldEnd);
      last.newEnd = Math.max(last.newEnd, g.newEnd);
    } else widened.push(g);
  }
  return widened;
}

/** The coded words turned into the placed ones: shared stretches, and the words removed and added. */
export function wordChanges(coded: string, placed: string): WordChange[] {
  const parts: WordChange[] = [];
  let at = 0;
  for (const gap of changedWords(coded, placed)) {
    if (gap.oldStart > at) parts.push({ key: `s${at}`, text: coded.slice(at, gap.oldStart), kind: 'same' });
    if (gap.oldEnd > gap.oldStart)
      parts.push({ key: `r${gap.oldStart}`, text: coded.slice(gap.oldStart, gap.oldEnd), kind: 'removed' });
    if (gap.newEnd > gap.newStart)
      parts.push({ key: `a${gap.newStart}`, text: placed.slice(gap.newStart, gap.newEnd), kind: 'added' });
    at = gap.oldEnd;
  }
  if (at < coded.length) parts.push({ key: `s${at}`, text: coded.slice(at), kind: 'same' });
  return parts;
}

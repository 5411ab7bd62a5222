import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { makeAnchor } from './anchor.js';
import { carryUnconfirmed, reanchor } from './reanchor.js';

/**
 * Saved baselines (Hypothesis's style): an interview transcript before and after one kind of edit,
 * the codings made on the old text, and where a reader says each coding belongs in the new one.
 * Codings and expectations name their text (and which occurrence of it), never offsets, so each
 * expectation can be checked by reading the file.
 */
interface Located {
  id: string;
  text: string;
  occurrence?: number;
  /** How the coding's last re-anchoring placed it (a fuzzy placement not yet confirmed). */
  previous?: { status: 'kept' | 'moved' | 'fuzzy'; score: number };
}
interface Expected {
  id: string;
  status: 'kept' | 'moved' | 'fuzzy' | 'orphan';
  text?: string;
  occurrence?: number;
}
interface Baseline {
  description: string;
  old: string[];
  new: string[];
  oldLineEnding?: string;
  newLineEnding?: string;
  codings: Located[];
  expected: Expected[];
}

const dir = new URL('./baselines/', import.meta.url);
const baselines = readdirSync(dir)
  .filter((name) => name.endsWith('.json'))
  .sort()
  .map((name) => ({ name, ...(JSON.parse(readFileSync(new URL(name, dir), 'utf8')) as Baseline) }));

function locate(text: string, phrase: string, occurrence = 0): number {
  let at = -1;
  for (let n = 0; n <= occurrence; n++) {
    at = text.indexOf(phrase, at + 1);
    if (at < 0) throw new Error(`baseline: occurrence ${occurrence} of “${phrase}” is not in the text`);
  }
  return at;
}

describe('reanchor against saved baselines', () => {
  it('has the baselines the issue asks for', () => {
    expect(baselines.map((b) => b.name)).toEqual([
      'anonymisation-partial.json',
      'anonymisation.json',
      'deletions.json',
      'fuzzy-unconfirmed.json',
      'insert-before.json',
      'insert-inside.json',
      'paragraph-reorder.json',
      'repeated-phrases.json',
      'typo-fixes.json',
      'whitespace-line-endings.json',
    ]);
  });

  describe.each(baselines)('$name', (baseline) => {
    const oldText = baseline.old.join(baseline.oldLineEnding ?? '\n');
    const newText = baseline.new.join(baseline.newLineEnding ?? '\n');
    const anchors = baseline.codings.map((c) => {
      const start = locate(oldText, c.text, c.occurrence);
      return makeAnchor(oldText, start, start + c.text.length);
    });
    const results = reanchor(oldText, newText, anchors).map((placed, i) => {
      const previous = baseline.codings[i]?.previous;
      return previous ? carryUnconfirmed(previous, placed) : placed;
    });

    it.each(baseline.expected.map((expected, i) => ({ ...expected, i })))('$id is $status', (expected) => {
      const result = results[expected.i];
      expect(result?.status).toBe(expected.status);
      if (expected.text === undefined || !result) return;
      const start = locate(newText, expected.text, expected.occurrence);
      expect({ start: result.start, end: result.end, text: newText.slice(result.start, result.end) }).toEqual(
        {
          start,
          end: start + expected.text.length,
          text: expected.text,
        },
      );
      if (expected.status === 'fuzzy') expect(result.score).toBeGreaterThan(0.6);
      else expect(result.score).toBe(1);
    });

    it('an orphan is still returned, with a score below a fuzzy match', () => {
      expect(results).toHaveLength(anchors.length);
      for (const result of results.filter((r) => r.status === 'orphan')) {
        expect(result.score).toBeLessThan(0.6);
        expect(result.start).toBeLessThanOrEqual(result.end);
      }
    });
  });
});

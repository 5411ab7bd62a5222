import { describe, expect, it } from 'vitest';
import { isWeftError } from '../errors.js';
import { checkSpanBoundaries, makeAnchor, QUOTE_CONTEXT_LENGTH, splitsSurrogatePair } from './anchor.js';
import { approximateSearch } from './approximate-search.js';
import { mapOffset } from './map-offset.js';
import { normalizeText, rawEndOf, toNormalizedOffset } from './normalized-text.js';
import { reanchor } from './reanchor.js';
import { diffTexts } from './text-diff.js';

describe('makeAnchor', () => {
  const text = `${'a'.repeat(40)}QUOTE${'b'.repeat(40)}`;

  it('keeps 32 characters of context either side', () => {
    const anchor = makeAnchor(text, 40, 45);
    expect(anchor.position).toEqual({ type: 'text-position', start: 40, end: 45 });
    expect(anchor.quote).toEqual({
      type: 'text-quote',
      exact: 'QUOTE',
      prefix: 'a'.repeat(QUOTE_CONTEXT_LENGTH),
      suffix: 'b'.repeat(QUOTE_CONTEXT_LENGTH),
    });
  });

  it('shortens the context at the ends of the text', () => {
    expect(makeAnchor('Yes. No.', 0, 4).quote).toMatchObject({ prefix: '', suffix: ' No.' });
  });

  it.each([
    [5, 5],
    [-1, 3],
    [3, 200],
    [4, 2],
    [1.5, 3],
  ])('refuses the range %d–%d', (start, end) => {
    try {
      makeAnchor(text, start, end);
      expect.unreachable();
    } catch (error) {
      expect(isWeftError(error) && error.code).toBe('validation');
    }
  });
});

describe('normalizeText', () => {
  it('folds whitespace runs and maps offsets both ways', () => {
    const folded = normalizeText('One\r\n\r\ntwo  three\t');
    expect(folded.text).toBe('One two three ');
    expect(toNormalizedOffset(folded, 7)).toBe(4); // "t" of two
    expect(folded.rawStart[4]).toBe(7);
    expect(rawEndOf(folded, 3)).toBe(3);
    expect(rawEndOf(folded, 4)).toBe(7); // after the whole CRLF run
  });
});

describe('diffTexts', () => {
  it('keeps the rest of a word aligned around a typo fix', () => {
    const diff = diffTexts('I was terified of it', 'I was terrified of it');
    expect(diff.runs).toEqual([
      { oldStart: 0, newStart: 0, length: 9 },
      { oldStart: 9, newStart: 10, length: 11 },
    ]);
  });

  it('keeps both neighbours of a moved paragraph aligned', () => {
    const oldText = 'alpha one. beta two. gamma three. delta four.';
    const newText = 'alpha one. gamma three. beta two. delta four.';
    const diff = diffTexts(oldText, newText);
    const delta = mapOffset(diff, oldText.indexOf('delta'), 'start');
    expect(delta).toMatchObject({ offset: newText.indexOf('delta'), survived: true });
  });

  it('maps a start inside replaced text to the start of the replacement', () => {
    const oldText = 'Maria said so.';
    const newText = '[P1] said so.';
    const diff = diffTexts(oldText, newText);
    expect(mapOffset(diff, 0, 'start')).toMatchObject({ offset: 0, survived: false });
    expect(mapOffset(diff, 5, 'end')).toMatchObject({ offset: 4, survived: false });
  });
});

describe('approximateSearch', () => {
  it('finds the closest substring and its edits', () => {
    const text = 'the patient was terrified of the stairs';
    expect(approximateSearch(text, 'terified of', 0, text.length, 2, 0)).toEqual({
      start: 16,
      end: 28,
      errors: 1,
    });
  });

  it('finds nothing past the allowed edits', () => {
    expect(approximateSearch('completely different words', 'stairs at home', 0, 26, 3, 0)).toBeUndefined();
  });
});

describe('reanchor', () => {
  it('keeps everything when nothing changed', () => {
    const text = 'A short answer. Another answer.';
    const results = reanchor(text, text, [makeAnchor(text, 2, 7), makeAnchor(text, 16, 23)]);
    expect(results).toEqual([
      { status: 'kept', start: 2, end: 7, score: 1 },
      { status: 'kept', start: 16, end: 23, score: 1 },
    ]);
  });

  it('finds a phrase rewritten near its old place only when it stays close to the quote', () => {
    const oldText = 'Before. The district nurse came on the Wednesday. After.';
    const anchor = makeAnchor(oldText, 8, 49);
    const [close] = reanchor(oldText, 'Before. The district nurse only came on the Wednesday. After.', [
      anchor,
    ]);
    expect(close?.status).toBe('fuzzy');
    const [far] = reanchor(oldText, 'Before. Nobody visited at all. After.', [anchor]);
    expect(far?.status).toBe('orphan');
  });

  // A typo fixed or made inside a coded phrase: the fuzzy placement covers the whole edited
  // phrase, first letter to last, wherever in it the change falls.
  it.each([
    ['Money was allways short', 'a letter added mid-phrase'],
    ['Money was always shoort', 'a letter added inside the last word'],
    ['Money was always shor', 'the last letter removed'],
    ['Mooney was always short', 'a letter added to the first word'],
    ['Money was alwys short', 'a letter removed mid-phrase'],
    ['Money wass always short', 'a letter doubled'],
  ])('places %j, %s, on the whole phrase', (edited) => {
    const oldText =
      'Interviewer: How did it start?\nAna: Money was always short, so we relied on volunteers.\n';
    const start = oldText.indexOf('Money was always short');
    const newText = oldText.replace('Money was always short', edited);
    const [placed] = reanchor(oldText, newText, [makeAnchor(oldText, start, start + 22)]);
    expect(placed?.status).toBe('fuzzy');
    expect(newText.slice(placed?.start, placed?.end)).toBe(edited);
  });

  it('an orphan when the text is emptied', () => {
    const oldText = 'Something said.';
    expect(reanchor(oldText, '', [makeAnchor(oldText, 0, 9)])).toEqual([
      { status: 'orphan', start: 0, end: 0, score: 0 },
    ]);
  });
});

describe('anchors next to characters outside the BMP', () => {
  // "😀" is U+1F600, two UTF-16 units (0xD83D 0xDE00).
  const emoji = '😀';

  function isWellFormed(s: string): boolean {
    return !/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(s);
  }

  it('widens a suffix that would end inside a pair', () => {
    // The suffix window of 32 units ends between the halves of the emoji.
    const text = `QUOTE${'x'.repeat(31)}${emoji} tail`;
    const anchor = makeAnchor(text, 0, 5);
    expect(anchor.quote.suffix).toBe(`${'x'.repeat(31)}${emoji}`);
    expect(isWellFormed(anchor.quote.suffix)).toBe(true);
    expect(JSON.parse(JSON.stringify(anchor.quote))).toEqual(anchor.quote);
  });

  it('widens a prefix that would start inside a pair', () => {
    const text = `head ${emoji}${'x'.repeat(31)}QUOTE`;
    const start = text.indexOf('QUOTE');
    const anchor = makeAnchor(text, start, start + 5);
    expect(anchor.quote.prefix).toBe(`${emoji}${'x'.repeat(31)}`);
    expect(isWellFormed(anchor.quote.prefix)).toBe(true);
  });

  it('keeps 32 units when the cut falls between whole characters', () => {
    const text = `${emoji}${'x'.repeat(32)}QUOTE`;
    expect(makeAnchor(text, 34, 39).quote.prefix).toBe('x'.repeat(32));
  });

  it('finds offsets inside a pair', () => {
    const text = `a${emoji}b`;
    expect([0, 1, 2, 3, 4].map((i) => splitsSurrogatePair(text, i))).toEqual([
      false,
      false,
      true,
      false,
      false,
    ]);
  });

  it('refuses a span starting or ending inside a pair, naming the offset', () => {
    const text = `a${emoji}b`;
    expect(() => checkSpanBoundaries(text, 2, 4)).toThrow(/start \(offset 2\)/);
    expect(() => checkSpanBoundaries(text, 0, 2)).toThrow(/end \(offset 2\)/);
    expect(() => checkSpanBoundaries(text, 1, 3)).not.toThrow();
  });
});

import { describe, expect, it } from 'vitest';
import { compileKeywords, countKeywordHits, highlightKeywords, keywordPattern } from './highlight-keywords';

const marked = (text: string, include: string[], exclude: string[] = []) =>
  highlightKeywords(text, compileKeywords(include, exclude))
    .filter((s) => s.kind)
    .map((s) => `${s.kind}:${s.text}`);

describe('highlightKeywords', () => {
  it('expands a trailing wildcard to any word ending', () => {
    expect(marked('Collaborative care and collaboration in primary care', ['collaborat*'])).toEqual([
      'include:Collaborative',
      'include:collaboration',
    ]);
  });

  it('expands a leading and an inner wildcard', () => {
    expect(marked('Psychotherapy versus physiotherapy', ['*therapy'])).toEqual([
      'include:Psychotherapy',
      'include:physiotherapy',
    ]);
    expect(marked('randomised and randomized trials', ['randomi*ed'])).toEqual([
      'include:randomised',
      'include:randomized',
    ]);
  });

  it('respects word boundaries', () => {
    expect(marked('An industrial setting, not a trial', ['trial'])).toEqual(['include:trial']);
    expect(marked('rats and ratings', ['rat'])).toEqual([]);
  });

  it('is case- and accent-insensitive and keeps the original text', () => {
    expect(marked('Éducation thérapeutique du patient', ['education'])).toEqual(['include:Éducation']);
  });

  it('matches phrases across spaces and hyphens', () => {
    expect(marked('A cross-sectional survey; cross  sectional data', ['cross sectional'], [])).toEqual([
      'include:cross-sectional',
      'include:cross  sectional',
    ]);
  });

  it('marks exclude keywords and lets include win on the same span', () => {
    expect(marked('A rat model of depression', ['depress*'], ['rat', 'model'])).toEqual([
      'exclude:rat',
      'exclude:model',
      'include:depression',
    ]);
    expect(marked('protocol', ['protocol'], ['protocol'])).toEqual(['include:protocol']);
  });

  it('prefers the longer of two overlapping matches', () => {
    expect(marked('systematic review of reviews', ['review*'], ['systematic review'])).toEqual([
      'exclude:systematic review',
      'include:reviews',
    ]);
  });

  it('returns the whole text as one plain segment without keywords, and nothing for empty text', () => {
    expect(highlightKeywords('plain text', [])).toEqual([{ text: 'plain text', kind: null, keyword: null }]);
    expect(highlightKeywords('', compileKeywords(['x'], []))).toEqual([]);
  });

  it('reassembles to the original text', () => {
    const text = 'Collaborative care (CC) for depression: a randomised trial in 12 practices.';
    const segments = highlightKeywords(text, compileKeywords(['collaborat*', 'depress*'], ['trial']));
    expect(segments.map((s) => s.text).join('')).toBe(text);
  });

  it('ignores empty and wildcard-only keywords and escapes regular expression characters', () => {
    expect(keywordPattern('  ')).toBeNull();
    expect(keywordPattern('**')).toBeNull();
    expect(marked('C++ (programming) and C', ['c++'])).toEqual(['include:C++']);
  });

  it('counts hits per kind', () => {
    const keywords = compileKeywords(['depress*'], ['rat*']);
    expect(countKeywordHits(['Depression in rats', 'depressive rats, rats'], keywords)).toEqual({
      include: 2,
      exclude: 3,
    });
  });
});

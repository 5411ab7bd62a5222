import { describe, expect, it } from 'vitest';
import { fuzzyFilter, fuzzyScore } from './fuzzy-score';

const names = [
  'Motivation and purpose',
  'Relationships and cultures',
  'Resources and capabilities',
  'Governance and leadership',
  'External factors',
];

describe('fuzzyScore', () => {
  it('needs every query character in order', () => {
    expect(fuzzyScore('xyz', 'External factors')).toBeNull();
    expect(fuzzyScore('ext', 'External factors')).not.toBeNull();
  });

  it('ranks exact, then prefix, then word start, then scattered matches', () => {
    const exact = fuzzyScore('external factors', 'External factors') ?? 0;
    const prefix = fuzzyScore('exter', 'External factors') ?? 0;
    const word = fuzzyScore('fact', 'External factors') ?? 0;
    const scattered = fuzzyScore('exfa', 'External factors') ?? 0;
    expect(exact).toBeGreaterThan(prefix);
    expect(prefix).toBeGreaterThan(word);
    expect(word).toBeGreaterThan(scattered);
  });
});

describe('fuzzyFilter', () => {
  it('finds codes by initials of their words', () => {
    expect(fuzzyFilter('rel cul', names, (n) => n)[0]).toBe('Relationships and cultures');
    expect(fuzzyFilter('res cap', names, (n) => n)[0]).toBe('Resources and capabilities');
    expect(fuzzyFilter('gov', names, (n) => n)).toEqual(['Governance and leadership']);
  });

  it('keeps the original order for an empty query', () => {
    expect(fuzzyFilter('', names, (n) => n)).toEqual(names);
  });
});

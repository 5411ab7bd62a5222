import { describe, expect, it } from 'vitest';
import { normalizeDoi } from './normalize-doi.js';

describe('normalizeDoi', () => {
  it.each([
    '10.1161/STROKEAHA.110.123456',
    'doi:10.1161/strokeaha.110.123456',
    'DOI 10.1161/STROKEAHA.110.123456',
    'https://doi.org/10.1161/STROKEAHA.110.123456',
    'http://dx.doi.org/10.1161/STROKEAHA.110.123456',
    'https://doi.org/10.1161%2FSTROKEAHA.110.123456',
    '10.1161/STROKEAHA.110.123456.',
  ])('reads %s', (raw) => {
    expect(normalizeDoi(raw)).toBe('10.1161/strokeaha.110.123456');
  });

  it('returns undefined for text that holds no DOI', () => {
    expect(normalizeDoi('n/a')).toBeUndefined();
    expect(normalizeDoi('')).toBeUndefined();
  });
});

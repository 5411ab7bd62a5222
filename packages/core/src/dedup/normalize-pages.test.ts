import { describe, expect, it } from 'vitest';
import { normalizePages } from './normalize-pages.js';

describe('normalizePages', () => {
  it.each([
    ['1234-45', { first: '1234', last: '1245' }],
    ['1234-1245', { first: '1234', last: '1245' }],
    ['1234–5', { first: '1234', last: '1235' }],
    ['pp. 12-19', { first: '12', last: '19' }],
    ['S12-14', { first: 's12', last: 's14' }],
    ['S12-S14', { first: 's12', last: 's14' }],
    ['e1234', { first: 'e1234' }],
    ['945-945', { first: '945' }],
    ['0123-0125', { first: '123', last: '125' }],
    ['233-8, 230-5, 246-51', { first: '230', last: '235' }],
    ['233-238+230-235+246-251', { first: '230', last: '235' }],
    ['901-7; quiz 907', { first: '901', last: '907' }],
    ['63-71, vi', { first: '63', last: '71' }],
    ['P63 [tp 104]', { first: 'p63' }],
    // A CSV field quoted twice keeps its quotation marks.
    ['"110-19, 120-4, 131-2"', { first: '110', last: '119' }],
    ['c11-c19', { first: 'c11', last: 'c19' }],
  ])('%s', (raw, expected) => {
    expect(normalizePages(raw)).toEqual(expected);
  });

  it('returns undefined for empty or page-less text', () => {
    expect(normalizePages('')).toBeUndefined();
    expect(normalizePages('-')).toBeUndefined();
    expect(normalizePages('vi')).toBeUndefined();
  });

  it('does not read the length of a book or thesis as its first page', () => {
    expect(normalizePages('188 p')).toBeUndefined();
    expect(normalizePages('340 pp.')).toBeUndefined();
    expect(normalizePages('pp. 188')).toEqual({ first: '188' });
  });
});

import { describe, expect, it } from 'vitest';
import { isDoiValue, normaliseDoi } from './doi.js';
import { formatPersonName, parsePersonName } from './person-name.js';
import { normalisePages } from './text.js';
import { isBareYear, parseYear } from './year.js';

describe('normaliseDoi', () => {
  it.each([
    ['10.1186/s12889-021-10630-1', '10.1186/s12889-021-10630-1'],
    ['https://doi.org/10.1177/1357633X19845678', '10.1177/1357633x19845678'],
    ['http://dx.doi.org/10.5334/ijic.4567', '10.5334/ijic.4567'],
    ['doi: 10.1111/jan.14321.', '10.1111/jan.14321'],
    ['DOI:10.1016/S0140-6736(19)30000-1', '10.1016/s0140-6736(19)30000-1'],
    ['10.1186/s12889-021-10630-1 [doi]', '10.1186/s12889-021-10630-1'],
    ['https://x.org/?doi=10.1186%2fs12913-021-06456-7&y=1', '10.1186/s12913-021-06456-7&y=1'],
    ['Accession Number: 143210987', undefined],
    ['', undefined],
  ])('%s → %s', (input, expected) => {
    expect(normaliseDoi(input)).toBe(expected);
  });

  it.each([
    ['10.1000/xyz', true],
    ['https://doi.org/10.1000/xyz', true],
    ['see 10.1000/xyz for details', false],
  ])('isDoiValue(%s) = %s', (input, expected) => {
    expect(isDoiValue(input)).toBe(expected);
  });
});

describe('parsePersonName / formatPersonName', () => {
  it.each([
    ['Smith, John A', { family: 'Smith', given: 'John A' }],
    ['van der Berg, Jan', { family: 'van der Berg', given: 'Jan' }],
    ['Smith JA', { family: 'Smith', given: 'JA' }],
    ['Patel R.', { family: 'Patel', given: 'R.' }],
    ['Dupont J.-P.', { family: 'Dupont', given: 'J.-P.' }],
    [
      'World Health Organization',
      { family: 'World Health Organization', literal: 'World Health Organization' },
    ],
    ['Aristotle', { family: 'Aristotle' }],
    ['van der Berg,', { family: 'van der Berg' }],
    ['  Smith ,  J.  ', { family: 'Smith', given: 'J.' }],
  ])('%s', (input, expected) => {
    const name = parsePersonName(input);
    expect(name).toEqual(expected);
    if (name) expect(parsePersonName(formatPersonName(name))).toEqual(name);
  });

  it('returns undefined for blank names', () => {
    expect(parsePersonName('   ')).toBeUndefined();
  });
});

describe('dates and pages', () => {
  it.each([
    ['2019///', 2019, true],
    ['2019/03/02/', 2019, false],
    ['2021 Apr 26', 2021, false],
    ['1999 Jan-Feb', 1999, false],
    ['2023-03-01', 2023, false],
    ['c. 1850', 1850, false],
    ['circa', undefined, false],
  ])('%s → %s', (input, year, bare) => {
    expect(parseYear(input)).toBe(year);
    expect(isBareYear(input)).toBe(bare);
  });

  it.each([
    ['100--110', '100-110'],
    ['100–110', '100-110'],
    ['100 - 110', '100-110'],
    ['e1234', 'e1234'],
  ])('pages %s → %s', (input, expected) => {
    expect(normalisePages(input)).toBe(expected);
  });
});

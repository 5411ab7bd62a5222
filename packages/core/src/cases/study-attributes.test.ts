import { describe, expect, it } from 'vitest';
import { emptyRecord } from '../records/bibliographic-record.js';
import { deriveStudyAttributes, disambiguateNames, studyCaseName } from './study-attributes.js';

// Alderwick et al. 2021, BMC Public Health 21:753 (the review DESIGN.md takes as its example).
const alderwick = {
  ...emptyRecord(),
  title: 'The impacts of collaboration between local health care and non-health care organizations',
  authors: [
    { family: 'Alderwick', given: 'Hugh' },
    { family: 'Hutchings', given: 'Andrew' },
  ],
  year: 2021,
  container: 'BMC Public Health',
  doi: '10.1186/s12889-021-10630-1',
  language: 'eng',
  extra: { CY: ['England'] },
};

describe('study case attributes from record metadata', () => {
  it('derives year, first author, journal, DOI, country and language', () => {
    expect(deriveStudyAttributes(alderwick)).toEqual({
      Year: '2021',
      'First author': 'Alderwick',
      Journal: 'BMC Public Health',
      DOI: '10.1186/s12889-021-10630-1',
      Country: 'England',
      Language: 'eng',
    });
  });

  it('leaves out what the record does not say, and lets extracted fields win', () => {
    const bare = { ...emptyRecord(), title: 'Untitled', containerAbbreviation: 'BMJ' };
    expect(deriveStudyAttributes(bare)).toEqual({ Journal: 'BMJ' });
    expect(deriveStudyAttributes(alderwick, { Country: 'United Kingdom', 'Sample size': 36 })).toMatchObject({
      Country: 'United Kingdom',
      'Sample size': '36',
    });
  });

  it('names a study case as cited, and tells same-named studies apart', () => {
    expect(studyCaseName(alderwick)).toBe('Alderwick 2021');
    expect(studyCaseName({ ...emptyRecord(), authors: [{ family: '', literal: 'WHO' }] })).toBe('WHO');
    expect(disambiguateNames(['Smith 2020', 'Jones 2019', 'Smith 2020'])).toEqual([
      'Smith 2020a',
      'Jones 2019',
      'Smith 2020b',
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import { cleanTitle } from './clean-title.js';
import { markersConflict, titleMarkers } from './title-markers.js';

const markers = (title: string) => titleMarkers(cleanTitle(title));

describe('titleMarkers', () => {
  it('normalises part numbers written as roman numerals, digits and words', () => {
    expect(markers('Stroke care. Part II: rehabilitation').parts).toEqual(['2']);
    expect(markers('Stroke care, part 2: rehabilitation').parts).toEqual(['2']);
    expect(markers('Stroke care: second part').parts).toEqual(['2']);
  });

  it('reads trial phases', () => {
    expect(markers('A phase III trial of alteplase').numbers).toEqual(['3']);
  });

  it('does not read the pronoun "I" as a numeral', () => {
    expect(markers('What I learned from stroke patients').numbers).toEqual([]);
  });

  it('flags protocols', () => {
    expect(
      markers('Early mobilisation after stroke (AVERT): study protocol for a randomised trial').protocol,
    ).toBe(true);
    expect(markers('Early mobilisation after stroke (AVERT): a randomised trial').protocol).toBe(false);
  });
});

describe('markersConflict', () => {
  it.each([
    ['Stroke care. Part I', 'Stroke care. Part II', 'parts'],
    ['A phase II trial of X', 'A phase III trial of X', 'numbers'],
    ['Outcomes at 12 months after stroke', 'Outcomes at 24 months after stroke', 'numbers'],
    ['AVERT: protocol of a trial', 'AVERT: results of a trial', 'protocol'],
    ['Outcomes at 12 months after stroke', 'Outcomes at twelve months after stroke', 'numbers'],
  ])('%s / %s → %s', (a, b, conflict) => {
    expect(markersConflict(markers(a), markers(b))).toBe(conflict);
  });

  it('finds no conflict between spelling variants', () => {
    expect(markersConflict(markers('Phase II trial of X'), markers('Phase 2 trial of X'))).toBeUndefined();
  });

  it('reads a number glued to letters as the same number written apart', () => {
    expect(
      markersConflict(
        markers('Blocking integrin alpha(v)beta(5) in a phase 1 study'),
        markers('Blocking integrin alphavbeta5 in a phase 1 study'),
      ),
    ).toBeUndefined();
    expect(markersConflict(markers('Serum IL6 after stroke'), markers('Serum IL-8 after stroke'))).toBe(
      'numbers',
    );
  });

  it('keeps ordinals as words', () => {
    expect(markers('The 1st stroke unit in the region').numbers).toEqual([]);
  });
});

import type { MatchableRecord } from '@weft/storage';
import { describe, expect, it } from 'vitest';
import { buildMatchIndex, matchReportFile } from './report-files-match.js';

const RECORDS: MatchableRecord[] = [
  {
    id: '11111111-1111-4111-8111-111111111111',
    title: 'Effects of aspirin on stroke recurrence in older adults: a randomised trial',
    year: 2019,
    doi: '10.1161/strokeaha.119.000001',
    firstAuthor: 'Smith, John',
  },
  {
    id: '22222222-2222-4222-8222-222222222222',
    title: 'Physical activity and depression among adolescents in rural settings',
    year: 2020,
    doi: null,
    firstAuthor: 'Garcia, Ana',
  },
  {
    id: '33333333-3333-4333-8333-333333333333',
    title: 'Nurse-led clinics for heart failure: a cost analysis',
    year: 2018,
    doi: 'https://doi.org/10.1136/BMJOPEN-2018-012345',
    firstAuthor: 'Brown, Peter',
  },
  // Same first author and year as the next: a file name "Lee 2021" cannot choose.
  {
    id: '44444444-4444-4444-8444-444444444444',
    title: 'Integrated care for older people living at home',
    year: 2021,
    doi: null,
    firstAuthor: 'Lee, Kim',
  },
  {
    id: '55555555-5555-4555-8555-555555555555',
    title: 'Integrated care for older people living at home: a realist review of the evidence',
    year: 2021,
    doi: null,
    firstAuthor: 'Lee, K.',
  },
  {
    id: '66666666-6666-4666-8666-666666666666',
    title: 'Editorial',
    year: 2021,
    doi: null,
    firstAuthor: 'van der Berg, Jan',
  },
];

const index = buildMatchIndex(RECORDS);
const match = (fileName: string, firstPagesText: string, metadataTitle?: string) =>
  matchReportFile(index, { fileName, firstPagesText, metadataTitle });

describe('matching a full text to its record', () => {
  it('by a DOI printed on the first pages, in any of the forms publishers print it', () => {
    expect(
      match('scan.pdf', 'Stroke. 2019;50:1001–1010\nDOI: 10.1161/STROKEAHA.119.000001.\nAbstract'),
    ).toEqual({
      kind: 'matched',
      recordId: RECORDS[0]?.id,
      by: 'doi',
    });
    expect(
      match('x.pdf', 'To cite: Brown P. BMJ Open 2018. https://doi.org/10.1136/bmjopen-2018-012345'),
    ).toEqual({
      kind: 'matched',
      recordId: RECORDS[2]?.id,
      by: 'doi',
    });
  });

  it('by the title on the title page, across line breaks and hyphenation', () => {
    const page =
      'ORIGINAL ARTICLE\nPhysical activity and depres-\nsion among adolescents in\nrural settings\nA. Garcia';
    expect(match('download (3).pdf', page)).toEqual({
      kind: 'matched',
      recordId: RECORDS[1]?.id,
      by: 'title',
    });
  });

  it('by the metadata title when the page text does not carry it', () => {
    expect(match('a.pdf', '', 'Nurse-led clinics for heart failure: a cost analysis')).toMatchObject({
      kind: 'matched',
      by: 'title',
      recordId: RECORDS[2]?.id,
    });
  });

  it('prefers the longer title when a shorter one is found inside it', () => {
    const page = 'Integrated care for older people living at home: a realist review of the evidence\nK. Lee';
    expect(match('a.pdf', page)).toEqual({ kind: 'matched', recordId: RECORDS[4]?.id, by: 'title' });
  });

  it("by the file name: the record's id, or first author and year", () => {
    expect(match(`${RECORDS[3]?.id}.pdf`, 'no clues here')).toEqual({
      kind: 'matched',
      recordId: RECORDS[3]?.id,
      by: 'file-name',
    });
    expect(match('Garcia_2020_physical.pdf', 'no clues')).toMatchObject({
      recordId: RECORDS[1]?.id,
      by: 'file-name',
    });
    expect(match('Smith et al. - 2019 - Effects.pdf', 'no clues')).toMatchObject({
      recordId: RECORDS[0]?.id,
    });
    expect(match('vanderBerg2021.pdf', 'no clues')).toMatchObject({ recordId: RECORDS[5]?.id });
    expect(match('Van der Berg 2021.pdf', 'no clues')).toMatchObject({ recordId: RECORDS[5]?.id });
    // "Goldsmith" is not "Smith"; the year must be right too.
    expect(match('goldsmith2019.pdf', 'no clues')).toEqual({ kind: 'unmatched' });
    expect(match('Smith_2018.pdf', 'no clues')).toEqual({ kind: 'unmatched' });
  });

  it('is ambiguous when a rule finds several records, and a later rule may settle it', () => {
    expect(match('Lee_2021.pdf', 'no clues')).toEqual({
      kind: 'ambiguous',
      by: 'file-name',
      recordIds: [RECORDS[3]?.id, RECORDS[4]?.id],
    });
    // Two DOIs on the first page, two records: the title settles it.
    const page =
      'Nurse-led clinics for heart failure: a cost analysis\ndoi:10.1136/bmjopen-2018-012345\nSee also 10.1161/strokeaha.119.000001';
    expect(match('a.pdf', page)).toEqual({ kind: 'matched', recordId: RECORDS[2]?.id, by: 'title' });
    const unsettled = 'Cited: 10.1136/bmjopen-2018-012345 and 10.1161/strokeaha.119.000001';
    expect(match('a.pdf', unsettled)).toMatchObject({ kind: 'ambiguous', by: 'doi' });
  });

  it('never matches on a title too short to say anything, nor on nothing', () => {
    expect(match('a.pdf', 'Editorial\nSome words about the issue.')).toEqual({ kind: 'unmatched' });
    expect(match('a.pdf', '')).toEqual({ kind: 'unmatched' });
  });
});

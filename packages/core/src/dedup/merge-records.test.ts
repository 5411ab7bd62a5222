import { describe, expect, it } from 'vitest';
import { emptyRecord } from '../records/bibliographic-record.js';
import { mergeRecords } from './merge-records.js';

describe('mergeRecords', () => {
  const medline = {
    id: 'medline-1',
    record: {
      ...emptyRecord(),
      title: '[Early rehabilitation after stroke]',
      authors: [{ family: 'Müller', given: 'H' }],
      year: 2004,
      container: 'Dtsch Med Wochenschr',
      pages: '1234',
      pmid: '15012345',
      abstract: 'Short abstract.',
      keywords: ['Stroke', 'Rehabilitation'],
    },
  };
  const embase = {
    id: 'embase-7',
    record: {
      ...emptyRecord(),
      title: 'Early rehabilitation after stroke',
      authors: [
        { family: 'Müller', given: 'Hans' },
        { family: 'Schäfer', given: 'Anna' },
      ],
      year: 2004,
      container: 'Deutsche Medizinische Wochenschrift',
      volume: '129',
      pages: '1234-1245',
      doi: 'https://doi.org/10.1055/S-2004-12345',
      abstract: 'A longer abstract that describes the study in full, with methods and results.',
      keywords: ['stroke', 'early mobilisation'],
      extra: { N1: ['imported from Embase'] },
    },
  };

  it('picks the most complete value of each field', () => {
    const merged = mergeRecords([medline, embase]);
    expect(merged.record).toMatchObject({
      title: 'Early rehabilitation after stroke',
      authors: embase.record.authors,
      container: 'Deutsche Medizinische Wochenschrift',
      volume: '129',
      pages: '1234-1245',
      doi: '10.1055/s-2004-12345',
      pmid: '15012345',
      abstract: embase.record.abstract,
      year: 2004,
      keywords: ['Stroke', 'Rehabilitation', 'early mobilisation'],
      extra: { N1: ['imported from Embase'] },
    });
  });

  it('keeps the member ids and where each field came from, so the merge can be undone', () => {
    const merged = mergeRecords([medline, embase]);
    expect(merged.memberIds).toEqual(['medline-1', 'embase-7']);
    expect(merged.fieldSources).toMatchObject({ pmid: 'medline-1', doi: 'embase-7', abstract: 'embase-7' });
  });

  it('does not modify the members', () => {
    const before = JSON.stringify([medline, embase]);
    const merged = mergeRecords([medline, embase]);
    merged.record.authors.push({ family: 'Extra' });
    expect(JSON.stringify([medline, embase])).toBe(before);
  });

  it('rejects an empty group', () => {
    expect(() => mergeRecords([])).toThrow(RangeError);
  });
});

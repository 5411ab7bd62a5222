import { describe, expect, it } from 'vitest';
import { type BibliographicRecord, emptyRecord } from '../records/bibliographic-record.js';
import { normalizePages } from './normalize-pages.js';
import { printedMeetingAbstract, venueKind } from './venue-kind.js';

const kind = (fields: Partial<BibliographicRecord>) => venueKind({ ...emptyRecord(), ...fields }, undefined);

describe('venueKind', () => {
  it('reads a supplement or a conference container as a meeting', () => {
    expect(kind({ container: 'Neurology', volume: '80', pages: 'S12' })).toBe('meeting');
    expect(kind({ container: 'Stroke. Conference: European Stroke Conference 2019' })).toBe('meeting');
  });

  it('reads the index of theses as theses, not as a meeting abstract book', () => {
    expect(
      kind({
        container: 'Dissertation Abstracts International Section A: Humanities and Social Sciences',
        volume: '71',
        issue: '4-A',
        publicationType: 'journal-article',
      }),
    ).toBe('thesis');
  });

  it('reads a degree written where a journal record has its volume as a thesis', () => {
    expect(kind({ volume: 'Ph.D.', publicationType: 'journal-article' })).toBe('thesis');
    expect(kind({ volume: 'M.Sc.' })).toBe('thesis');
    expect(kind({ volume: '12', publicationType: 'journal-article' })).toBe('journal');
  });
});

describe('printedMeetingAbstract', () => {
  const meeting = { venue: 'meeting' as const, pages: undefined };
  it('pairs a meeting abstract with a one-page journal item, never with a page range', () => {
    expect(printedMeetingAbstract(meeting, { venue: 'journal', pages: normalizePages('311') })).toBe(true);
    expect(printedMeetingAbstract({ venue: 'journal', pages: normalizePages('311-311') }, meeting)).toBe(
      true,
    );
    expect(printedMeetingAbstract(meeting, { venue: 'journal', pages: normalizePages('311-318') })).toBe(
      false,
    );
    expect(printedMeetingAbstract(meeting, { venue: 'journal', pages: undefined })).toBe(false);
    expect(printedMeetingAbstract(meeting, { venue: 'preprint', pages: normalizePages('311') })).toBe(false);
  });
});

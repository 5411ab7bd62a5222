import { describe, expect, it } from 'vitest';
import { type BibliographicRecord, emptyRecord, type PersonName } from '../records/bibliographic-record.js';
import { compareRecords } from './compare-records.js';
import { prepareRecord } from './prepare-record.js';

const names = (...list: Array<[string, string]>): PersonName[] =>
  list.map(([family, given]) => ({ family, given }));

/** A journal article as MEDLINE would give it. */
const article: BibliographicRecord = {
  ...emptyRecord(),
  title:
    'Efficacy and safety of very early mobilisation within 24 h of stroke onset (AVERT): a randomised controlled trial',
  authors: names(
    ['Bernhardt', 'Julie'],
    ['Langhorne', 'Peter'],
    ['Lindley', 'Richard I'],
    ['Thrift', 'Amanda G'],
  ),
  year: 2015,
  container: 'Lancet',
  volume: '386',
  issue: '9988',
  pages: '46-55',
  doi: '10.1016/S0140-6736(15)60690-0',
  pmid: '25892679',
  publicationType: 'journal-article',
};

const compare = (a: BibliographicRecord, b: BibliographicRecord) =>
  compareRecords(prepareRecord('a', 0, a), prepareRecord('b', 1, b));

describe('compareRecords: duplicates', () => {
  it('is certain for the same article from two databases', () => {
    const embase: BibliographicRecord = {
      ...emptyRecord(),
      title:
        'Efficacy and safety of very early mobilisation within 24 h of stroke onset (AVERT): A randomised controlled trial.',
      authors: names(['BERNHARDT', 'J.'], ['LANGHORNE', 'P.'], ['LINDLEY', 'R. I.'], ['THRIFT', 'A. G.']),
      year: 2015,
      container: 'The Lancet',
      volume: '386',
      pages: '46-55',
      doi: 'https://doi.org/10.1016/s0140-6736(15)60690-0',
    };
    const result = compare(article, embase);
    expect(result.decision).toBe('certain');
    expect(result.evidence.find((item) => item.field === 'doi')?.outcome).toBe('agree');
    expect(result.evidence.find((item) => item.field === 'pages')?.outcome).toBe('agree');
  });

  it('is certain without identifiers when title, authors, year, journal abbreviation and pages agree', () => {
    const wos: BibliographicRecord = {
      ...emptyRecord(),
      title:
        'Efficacy and safety of very early mobilisation within 24 h of stroke onset (AVERT) - a randomised controlled trial',
      authors: [{ family: 'Bernhardt J' }, { family: 'Langhorne P' }, { family: 'Lindley RI' }],
      year: 2015,
      container: 'Lancet',
      volume: '386',
      pages: '46-55',
    };
    const { doi: _doi, pmid: _pmid, ...noIds } = article;
    expect(compare(noIds, wos).decision).toBe('certain');
  });

  it('is certain for a translated title in brackets with a language tail', () => {
    const english: BibliographicRecord = {
      ...emptyRecord(),
      title: 'Rehabilitation after stroke in the elderly: a multicentre study',
      authors: names(['Müller', 'Hans'], ['Schäfer', 'Anna']),
      year: 2004,
      container: 'Deutsche Medizinische Wochenschrift',
      volume: '129',
      pages: '1234-45',
    };
    const medline: BibliographicRecord = {
      ...english,
      title: '[Rehabilitation after stroke in the elderly: a multicentre study]. [Article in German]',
      authors: names(['Muller', 'H'], ['Schafer', 'A']),
      container: 'Dtsch Med Wochenschr',
      pages: '1234-1245',
      language: 'ger',
    };
    expect(compare(english, medline).decision).toBe('certain');
  });
});

describe('compareRecords: the same work written differently', () => {
  const { doi: _doi, pmid: _pmid, ...base } = article;

  it('accepts the online-first year against the print year within the same volume and pages', () => {
    const result = compare(base, { ...base, year: 2016, container: 'The Lancet' });
    expect(result.decision).toBe('certain');
  });

  it('reads a page prefix as belonging to both ends of the range', () => {
    const result = compare({ ...base, pages: 'c46-c55' }, base);
    expect(result.evidence.find((item) => item.field === 'pages')?.outcome).toBe('agree');
    expect(result.decision).toBe('certain');
  });

  it('accepts a database translation worded differently when it is the same printed item', () => {
    const original: BibliographicRecord = {
      ...emptyRecord(),
      title: 'Home-based rehabilitation for elderly stroke survivors: a comparison of two programmes',
      authors: names(['Dupont', 'Marie'], ['Lefèvre', 'Paul'], ['Girard', 'Anne']),
      year: 1998,
      container: 'Revue Neurologique',
      volume: '154',
      pages: '612-19',
    };
    const translated: BibliographicRecord = {
      ...original,
      title: '[Comparing two home rehabilitation programmes in elderly survivors of stroke]',
      authors: names(['Dupont', 'M'], ['Lefevre', 'P'], ['Girard', 'A']),
      container: 'Rev Neurol (Paris)',
      pages: '612-619',
    };
    expect(compare(original, translated).decision).toBe('certain');
    // Elsewhere in the volume it is another article, however much the wording overlaps.
    expect(compare(original, { ...translated, pages: '640-647' }).decision).not.toBe('certain');
  });

  it('accepts an unmatchable name form inside the same printed item when the first author agrees', () => {
    // Given names exported as family names with the family initial after them: no key matches.
    const swapped: BibliographicRecord = {
      ...base,
      authors: names(['Bernhardt', 'J'], ['Peter', 'L'], ['Richard', 'L I'], ['Amanda', 'T G']),
    };
    const initialsOnly: BibliographicRecord = {
      ...base,
      authors: names(['Bernhardt', 'J'], ['Langhorne', 'P'], ['Lindley', 'R I'], ['Thrift', 'A G']),
    };
    const result = compare(initialsOnly, swapped);
    expect(result.evidence.find((item) => item.field === 'authors')?.outcome).toBe('similar');
    expect(result.decision).toBe('certain');
    const otherFirst: BibliographicRecord = { ...swapped, authors: names(['Smith', 'J'], ['Jones', 'P']) };
    expect(compare(initialsOnly, otherFirst).decision).not.toBe('certain');
    // Outside one printed item the same weak overlap is not enough.
    expect(compare(initialsOnly, { ...swapped, pages: undefined }).decision).not.toBe('certain');
  });

  it('merges two copies of one correction notice, one labelled and one citing the corrected article', () => {
    const labelled: BibliographicRecord = {
      ...base,
      title: `Erratum: ${base.title} (The Lancet (Jul`,
      pages: '30',
      issue: '9989',
    };
    const cited: BibliographicRecord = {
      ...base,
      title: `${base.title} (vol 386, pg 46, 2015)`,
      pages: '30',
      issue: '9989',
    };
    expect(compare(labelled, cited).decision).toBe('certain');
    expect(compare(base, labelled).decision).toBe('distinct');
  });

  const abstract: BibliographicRecord = {
    ...emptyRecord(),
    title: 'Early mobilisation within 24 hours of stroke and disability at three months',
    authors: names(['Bernhardt', 'J'], ['Langhorne', 'P'], ['Lindley', 'R I']),
    year: 2014,
    container: 'International Journal of Stroke. Conference: European Stroke Conference',
    publicationType: 'conference-abstract',
  };

  it('reads a one-page item of the journal a meeting abstract names as that abstract', () => {
    const printed: BibliographicRecord = {
      ...abstract,
      container: 'International Journal of Stroke',
      volume: '9',
      pages: '112',
      publicationType: 'journal-article',
    };
    expect(compare(abstract, printed).decision).toBe('certain');
    // A page range is a full article: a different report of the study.
    expect(compare(abstract, { ...printed, pages: '112-120' }).decision).not.toBe('certain');
    // Another journal's one-page item may be a letter reporting the study.
    expect(compare(abstract, { ...printed, container: 'Stroke' }).decision).not.toBe('certain');
  });

  it('merges one abstract printed in two meetings, but not abstracts with other authors', () => {
    const first: BibliographicRecord = { ...abstract, volume: '9', issue: 'Suppl 2', pages: '45' };
    const encore: BibliographicRecord = {
      ...abstract,
      container: 'Cerebrovascular Diseases',
      volume: '37',
      issue: 'Suppl 1',
      pages: '233',
    };
    expect(compare(first, encore).decision).toBe('certain');
    const otherTeam = { ...encore, authors: names(['Bernhardt', 'J'], ['Smith', 'A'], ['Jones', 'B']) };
    expect(compare(first, otherTeam).decision).not.toBe('certain');
  });
});

describe('compareRecords: never certain', () => {
  it('keeps a conference abstract apart from the journal article', () => {
    const abstract: BibliographicRecord = {
      ...article,
      doi: undefined,
      pmid: undefined,
      year: 2015,
      container: 'International Journal of Stroke. Conference: European Stroke Organisation Conference 2015',
      volume: '10',
      pages: 'S12',
      publicationType: 'conference-abstract',
    };
    const result = compare(article, abstract);
    expect(result.decision).not.toBe('certain');
    expect(result.reasons.join(' ')).toMatch(/journal vs meeting/);
  });

  it('keeps a supplement abstract with the same title apart even without a publication type', () => {
    const supplement: BibliographicRecord = {
      ...article,
      doi: undefined,
      pmid: undefined,
      issue: 'Suppl 1',
      pages: 'S46',
    };
    const { publicationType: _type, ...untyped } = article;
    expect(compare(untyped, supplement).decision).not.toBe('certain');
  });

  it('keeps a preprint apart from the published version', () => {
    const preprint: BibliographicRecord = {
      ...article,
      year: 2015,
      container: 'medRxiv',
      volume: undefined,
      pages: undefined,
      pmid: undefined,
      doi: '10.1101/2015.01.02.123456',
      publicationType: undefined,
    };
    const result = compare(article, preprint);
    expect(result.decision).toBe('possible');
    expect(result.cannotLink).toBe(true);
  });

  it('keeps a trial protocol apart from its results', () => {
    const protocol: BibliographicRecord = {
      ...emptyRecord(),
      title:
        'Efficacy and safety of very early mobilisation within 24 h of stroke onset (AVERT): protocol for a randomised controlled trial',
      authors: article.authors,
      year: 2015,
      container: 'Lancet',
    };
    const { doi: _doi, pmid: _pmid, ...noIds } = article;
    expect(compare(noIds, protocol).decision).not.toBe('certain');
  });

  it('keeps different articles of one issue with similar titles apart', () => {
    const first: BibliographicRecord = {
      ...emptyRecord(),
      title: 'Early mobilisation after stroke: effect on walking recovery',
      authors: names(['Bernhardt', 'J']),
      year: 2015,
      container: 'Stroke',
      volume: '46',
      issue: '4',
      pages: '1010-1016',
    };
    const second: BibliographicRecord = {
      ...first,
      title: 'Early mobilisation after stroke: effect on falls recovery',
      pages: '1017-1022',
    };
    expect(compare(first, second).decision).not.toBe('certain');
  });

  it('separates the parts of a series and forbids linking them', () => {
    const part1: BibliographicRecord = {
      ...emptyRecord(),
      title: 'Guidelines for the early management of acute ischaemic stroke. Part I: prehospital care',
      authors: names(['Powers', 'W J'], ['Rabinstein', 'A A']),
      year: 2018,
      container: 'Stroke',
      volume: '49',
    };
    const part2 = {
      ...part1,
      title: 'Guidelines for the early management of acute ischaemic stroke. Part II: prehospital care',
    };
    const result = compare(part1, part2);
    expect(result.decision).toBe('distinct');
    expect(result.cannotLink).toBe(true);
  });

  it('keeps the same title in different years, volumes or pages from being certain', () => {
    const { doi: _doi, pmid: _pmid, ...base } = article;
    expect(compare(base, { ...base, year: 2017 }).decision).toBe('possible');
    // One year apart is tolerated only where the volume and pages show the same printed item.
    expect(compare(base, { ...base, year: 2016, volume: undefined }).decision).toBe('possible');
    expect(compare(base, { ...base, year: 2016, pages: '102-110' }).decision).toBe('possible');
    expect(compare(base, { ...base, volume: '387' }).decision).toBe('possible');
    // Other pages of the same volume: in another issue an unlabelled erratum or a republication, and
    // without issues nothing shows it is one item (one issue's item at two pages: same-issue-item.test.ts).
    expect(compare(base, { ...base, issue: '9990', pages: '102-110' }).decision).toBe('possible');
    expect(compare(base, { ...base, issue: undefined, pages: '102-110' }).decision).toBe('possible');
  });

  it('never merges an erratum with the article it corrects', () => {
    const erratum: BibliographicRecord = {
      ...article,
      title: `Erratum: ${article.title}`,
      pages: '30',
      doi: '10.1016/S0140-6736(15)61234-5',
      pmid: undefined,
    };
    const result = compare(article, erratum);
    expect(result.decision).toBe('distinct');
    expect(result.cannotLink).toBe(true);
    expect(result.reasons).toContain('article vs erratum');
  });

  it('never merges an erratum typed only by publication type, even with the same title', () => {
    const erratum: BibliographicRecord = {
      ...article,
      publicationType: 'erratum',
      pages: '2200',
      doi: undefined,
    };
    expect(compare(article, erratum).decision).toBe('distinct');
  });

  it('never merges a comment or reply with the article', () => {
    const reply: BibliographicRecord = {
      ...article,
      title: `${article.title} - Reply`,
      authors: names(['Smith', 'A']),
    };
    expect(compare(article, reply).decision).toBe('distinct');
    const comment: BibliographicRecord = { ...article, title: `Comment on: ${article.title}` };
    expect(compare(article, comment).decision).toBe('distinct');
  });

  it('does not merge a retracted article automatically', () => {
    const retracted: BibliographicRecord = { ...article, title: `RETRACTED: ${article.title}` };
    expect(compare(article, retracted).decision).toBe('possible');
  });

  it('does not merge generic short titles on author and year alone', () => {
    const editorial: BibliographicRecord = {
      ...emptyRecord(),
      title: 'Editorial',
      authors: names(['Davis', 'S M']),
      year: 2015,
      container: 'International Journal of Stroke',
      volume: '10',
      pages: '1',
    };
    expect(compare(editorial, { ...editorial, pages: '245' }).decision).not.toBe('certain');
    expect(compare(editorial, { ...editorial, volume: undefined, pages: undefined }).decision).not.toBe(
      'certain',
    );
  });

  it('reports different DOIs as a conflict', () => {
    const other: BibliographicRecord = { ...article, doi: '10.1016/S0140-6736(15)99999-9' };
    const result = compare(article, other);
    expect(result.decision).toBe('possible');
    expect(result.cannotLink).toBe(true);
  });
});

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FormatError } from '../format-error.js';
import { endnoteXmlPlugin } from './endnote-xml-plugin.js';
import { pubmedXmlPlugin } from './pubmed-xml-plugin.js';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/xml/${name}`, import.meta.url), 'utf8');

describe('PubMed XML', () => {
  it('reads articles with structured abstracts, inline markup, collective authors and MedlineDate', () => {
    const { records, warnings } = pubmedXmlPlugin.parse(fixture('pubmed.xml'), { fileName: 'pubmed.xml' });
    expect(warnings).toEqual([]);
    expect(records.map((r) => [r.line, r.index])).toEqual([
      [4, 1],
      [78, 2],
    ]);
    expect(records[0]?.record).toEqual({
      type: 'bibliographic-record',
      pmid: '33902498',
      sourceId: '33902498',
      title:
        'The impacts of collaboration between local health care and non-health care organizations & factors shaping how they work.',
      abstract:
        'BACKGROUND: Cross-sector collaboration is a cornerstone of policy. METHODS: We searched five databases (CO2 aside).',
      authors: [
        { family: 'Alderwick', given: 'Hugh' },
        { family: 'Mays', given: 'Nicholas' },
        { family: 'Integrated Care Collaborative', literal: 'Integrated Care Collaborative' },
      ],
      container: 'BMC public health',
      containerAbbreviation: 'BMC Public Health',
      volume: '21',
      issue: '1',
      year: 2021,
      pages: '753',
      issn: ['1471-2458'],
      language: 'eng',
      doi: '10.1186/s12889-021-10630-1',
      publicationType: 'journal-article',
      keywords: ['Collaboration', 'Integrated care', '*Cooperative Behavior', 'Humans'],
      urls: [],
      extra: {
        DP: ['2021 Apr 26'],
        PII: ['753'],
        PMC: ['PMC8077896'],
        PT: ['Journal Article', 'Systematic Review'],
      },
    });
    expect(records[1]?.record).toMatchObject({
      year: 1999,
      publicationType: 'editorial',
      pages: '100-1',
      extra: { DP: ['1999 Jan-Feb'], LA: ['fre'], PT: ['Editorial'] },
    });
    expect(records[0]?.sourceText.startsWith('<PubmedArticle>')).toBe(true);
    expect(records[0]?.sourceText.endsWith('</PubmedArticle>')).toBe(true);
  });

  it.each([
    {
      name: 'XML cut in half',
      text: fixture('pubmed-truncated.xml'),
      message:
        /^cut\.xml, line 38: the XML is cut off: the file ends with <PubmedArticleSet>, <PubmedArticle>/,
    },
    { name: 'empty file', text: '', message: /^cut\.xml: the file is empty/ },
    {
      name: 'well-formed XML that is not PubMed',
      text: '<?xml version="1.0"?><PubmedArticleSet></PubmedArticleSet>',
      message: /^cut\.xml, line 1: no <PubmedArticle> records found/,
    },
  ])('$name', ({ text, message }) => {
    const attempt = () => pubmedXmlPlugin.parse(text, { fileName: 'cut.xml' });
    expect(attempt).toThrow(FormatError);
    expect(attempt).toThrow(message);
  });

  it('reports the line where a truncated file breaks', () => {
    try {
      pubmedXmlPlugin.parse(fixture('pubmed-truncated.xml'), { fileName: 'cut.xml' });
      expect.unreachable();
    } catch (error) {
      expect((error as FormatError).line).toBe(38);
    }
  });
});

describe('EndNote XML', () => {
  it('unwraps <style> runs and maps element paths to fields', () => {
    const { records, warnings } = endnoteXmlPlugin.parse(fixture('endnote.xml'), { fileName: 'en.xml' });
    expect(warnings).toEqual([]);
    expect(records).toHaveLength(2);
    expect(records[0]?.record).toMatchObject({
      sourceId: '12',
      publicationType: 'journal-article',
      title: 'The impacts of collaboration between local health care & non-health care organizations',
      authors: [
        { family: 'Alderwick', given: 'H.' },
        { family: 'Hutchings', given: 'A.' },
        { family: 'Mays', given: 'N.' },
      ],
      container: 'BMC Public Health',
      containerAbbreviation: 'BMC Public Health',
      pages: '753',
      volume: '21',
      issue: '1',
      year: 2021,
      issn: ['1471-2458', '1471-2458'],
      pmid: '33902498',
      doi: '10.1186/s12889-021-10630-1',
      urls: ['https://www.ncbi.nlm.nih.gov/pubmed/33902498'],
      keywords: ['Collaboration', 'Integrated care'],
      language: 'eng',
      extra: {
        'auth-address': ['The Health Foundation, London, UK.'],
        'titles/alt-title': ['BMC Public Health'],
        edition: ['2021/04/28'],
        'dates/pub-dates/date': ['Apr 26'],
        'remote-database-provider': ['NLM'],
        'ref-type': ['Journal Article'],
        'periodical/full-title': ['BMC Public Health'],
      },
    });
    expect(records[1]?.record).toMatchObject({
      publicationType: 'book-chapter',
      container: 'Evidence-based Policy: A Realist Perspective',
      isbn: ['9781412910606'],
      extra: {
        'contributors/secondary-authors/author': ['Editor, Some'],
        'pub-location': ['London'],
        publisher: ['SAGE'],
        notes: ['Chapter 4'],
      },
    });
    expect(records[1]?.sourceText.startsWith('<record><rec-number>13')).toBe(true);
  });

  it.each([
    { text: '<xml><records><record><titles>', message: /^en\.xml, line 1: the XML is cut off/ },
    { text: '<xml><records></records></xml>', message: 'en.xml, line 1: no <record> elements found' },
    { text: 'TY  - JOUR', message: /^en\.xml, line 1: the XML is broken/ },
  ])('bad input: $message', ({ text, message }) => {
    expect(() => endnoteXmlPlugin.parse(text, { fileName: 'en.xml' })).toThrow(message);
  });
});

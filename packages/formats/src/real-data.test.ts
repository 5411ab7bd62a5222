import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseFile } from './registry.js';
import { guessColumnMapping } from './table/column-mapping.js';

/** Public labelled data sets kept outside the repository (see ../shared/data/README.md); read by path, never copied. */
const DATA = new URL('../../../../shared/data/', import.meta.url);
const available = existsSync(new URL('screening/ace.csv', DATA));
const load = (path: string) => readFileSync(new URL(path, DATA));

describe.skipIf(!available)('ASReview screening data sets (shared/data/screening)', () => {
  // Record and inclusion counts from shared/data/README.md.
  const cases = [
    { file: 'ace.csv', records: 2235, included: 41, label: 'label_included' },
    { file: 'nudging.csv', records: 1847, included: 100, label: 'included' },
    { file: 'virus.csv', records: 2304, included: 114, label: 'included' },
    { file: 'nagtegaal_2019.csv', records: 2019, included: 101, label: 'label_included' },
    { file: 'cohen_adhd.csv', records: 851, included: 20, label: 'label_included' },
  ];
  it.each(cases)('$file: every record, title and label', async ({ file, records, included, label }) => {
    const bytes = load(`screening/${file}`);
    const headers = bytes.toString('utf8').split('\n', 1)[0]?.replace(/"/g, '').split(',') ?? [];
    expect(guessColumnMapping(headers)[label]).toBe('label');
    const result = await parseFile(bytes, file);
    expect(result.format).toBe('csv');
    expect(result.records).toHaveLength(records);
    expect(result.records.filter((r) => r.record.extra[label]?.[0] === '1')).toHaveLength(included);
    const withTitle = result.records.filter((r) => r.record.title).length;
    expect(withTitle / records).toBeGreaterThan(0.95);
  });
});

describe.skipIf(!available)('bib-dedupe benchmark records (shared/data/dedup)', () => {
  const cases = [
    { set: 'stroke', records: 1292 },
    { set: 'haematology', records: 1415 },
    { set: 'respiratory', records: 1988 },
    { set: 'special_cases', records: 12 },
  ];
  it.each(cases)('$set: every record with its ID, authors split on "and"', async ({ set, records }) => {
    const result = await parseFile(load(`dedup/${set}/records_pre_merged.csv`), 'records_pre_merged.csv');
    expect(result.records).toHaveLength(records);
    expect(new Set(result.records.map((r) => r.record.sourceId)).size).toBe(records);
    const first = result.records[0]?.record;
    expect(first?.sourceId).toBe('id_0000001');
    expect(first?.authors.length).toBeGreaterThan(0);
    expect(first?.authors.every((name) => !name.family.includes(' and '))).toBe(true);
    // ENTRYTYPE (article, inproceedings…) maps to the publication type.
    expect(result.records.every((r) => r.record.publicationType !== undefined)).toBe(true);
  });
});

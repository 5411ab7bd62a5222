import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FormatError } from '../format-error.js';
import { parseDecisionFile } from './parse-decision-file.js';
import { type DecisionExportRow, formatDecisionFile } from './write-decision-file.js';

const fixture = (name: string) => new Uint8Array(readFileSync(join(import.meta.dirname, 'fixtures', name)));
const text = (value: string) => new TextEncoder().encode(value);

describe('parseDecisionFile', () => {
  it('reads an ASReview CSV: 1 include, 0 exclude, empty undecided, notes and identifiers', () => {
    const file = parseDecisionFile(fixture('asreview-export.csv'), 'asreview-export.csv');
    expect(file.format).toBe('asreview-csv');
    expect(file.rows.map((r) => r.decision)).toEqual(['include', 'exclude', null]);
    expect(file.rows[0]).toMatchObject({
      rowNumber: 1,
      line: 2,
      ids: { doi: '10.1000/cats.1', title: 'Cats in the household: a survey', year: 2019 },
      note: 'looks relevant',
    });
    // ASReview's integer record_id is not a Weft id: not offered for matching.
    expect(file.rows[0]?.ids.recordId).toBeUndefined();
    expect(file.rows[1]?.ids.doi).toBe('10.1000/dogs.2');
    expect(file.rows[2]?.ids.title).toBe('Fish, "tanks" and filters');
  });

  it('accepts label_included, and names the file and line of a bad label', () => {
    const ok = parseDecisionFile(text('title,label_included\nA,1\nB,0\n'), 'old.csv');
    expect(ok.rows.map((r) => r.decision)).toEqual(['include', 'exclude']);
    expect(() => parseDecisionFile(text('title,included\nA,1\nB,yes please\n'), 'bad.csv')).toThrow(
      "bad.csv, line 3: included must be 1, 0 or empty, found 'yes please'",
    );
  });

  it('refuses a CSV without a decision column, naming the file', () => {
    expect(() => parseDecisionFile(text('title,abstract\nA,B\n'), 'refs.csv')).toThrow(FormatError);
    expect(() => parseDecisionFile(text('title,abstract\nA,B\n'), 'refs.csv')).toThrow(
      /^refs\.csv, line 1: /,
    );
  });

  it('reads Rayyan notes: agreed verdicts, reasons, user notes; disagreement is not guessed', () => {
    const file = parseDecisionFile(fixture('rayyan-articles.csv'), 'articles.csv');
    expect(file.format).toBe('rayyan-csv');
    expect(file.rows.map((r) => r.decision)).toEqual(['include', 'exclude', null, null]);
    expect(file.rows[1]?.reasons).toEqual(['wrong population', 'wrong outcome']);
    expect(file.rows[1]?.note).toBe('Ana: not about cats');
    expect(file.rows[0]?.ids).toMatchObject({ doi: '10.1000/cats.1', year: 2019 });
    expect(file.warnings.map((w) => w.message)).toEqual([
      'row 3: the Rayyan reviewers disagree (Ana: include, Ben: maybe); imported as undecided',
    ]);
  });

  it('names the line of a Rayyan verdict it does not know', () => {
    const csv =
      'key,title,notes\n1,A,"RAYYAN-INCLUSION: {""Ana""=>""Included""}"\n2,B,"RAYYAN-INCLUSION: {""Ana""=>""Perhaps""}"\n';
    expect(() => parseDecisionFile(text(csv), 'articles.csv')).toThrow(
      "articles.csv, line 3: unknown Rayyan decision 'Perhaps' in notes (expected Included, Excluded, Maybe or Undecided)",
    );
  });

  it('reads a Covidence export, the decision from the list in its file name', () => {
    const file = parseDecisionFile(
      fixture('review_1234_excluded_csv_20240101.csv'),
      'review_1234_excluded_csv_20240101.csv',
    );
    expect(file.format).toBe('covidence-csv');
    expect(file.rows.map((r) => r.decision)).toEqual(['exclude', 'exclude']);
    expect(file.rows[0]?.ids).toMatchObject({ pmid: '31234567', doi: '10.1000/dogs.2', year: 2020 });
    expect(file.rows[1]?.ids.pmid).toBeUndefined();
    expect(file.rows[1]?.note).toBe('off topic');
  });

  it('refuses a Covidence export renamed so the list is unknown', () => {
    const bytes = fixture('review_1234_excluded_csv_20240101.csv');
    expect(() => parseDecisionFile(bytes, 'covidence.csv')).toThrow(
      /^covidence\.csv: cannot tell the decision/,
    );
  });

  it('reads ASReview labels in RIS (LB or N1)', () => {
    const file = parseDecisionFile(fixture('asreview-labels.ris'), 'labels.ris');
    expect(file.format).toBe('ris');
    expect(file.rows.map((r) => r.decision)).toEqual(['include', 'exclude', null]);
    expect(file.rows[1]?.ids).toMatchObject({ pmid: '31234567', year: 2020, title: 'Dogs and their owners' });
    expect(file.rows.map((r) => r.line)).toEqual([1, 8, 15]);
  });

  it('refuses a RIS file without any label, and names the line of a broken one', () => {
    expect(() => parseDecisionFile(text('TY  - JOUR\nTI  - A\nER  - \n'), 'plain.ris')).toThrow(
      /^plain\.ris: no decisions/,
    );
    expect(() => parseDecisionFile(text('TY  - JOUR\nLB  - 1\nER  - \nhello\n'), 'broken.ris')).toThrow(
      /^broken\.ris, line 4: /,
    );
  });
});

describe('formatDecisionFile', () => {
  const rows: DecisionExportRow[] = [
    {
      recordId: '0b5f8a4e-1c2d-4e5f-8a9b-0c1d2e3f4a5b',
      title: 'Cats, "indoors"',
      abstract: 'About cats.',
      authors: ['Smith, Jane', 'Doe, A'],
      year: 2019,
      journal: 'Pet Journal',
      doi: '10.1000/cats.1',
      decision: 'include',
      reasons: [],
      note: 'first line\nsecond line',
      reviewers: [{ name: 'Ana', decision: 'include' }],
    },
    {
      recordId: '1b5f8a4e-1c2d-4e5f-8a9b-0c1d2e3f4a5b',
      title: 'Dogs',
      authors: [],
      pmid: '123',
      decision: 'exclude',
      reasons: ['wrong population', 'wrong outcome'],
      note: '',
      reviewers: [{ name: 'Ana "A" B', decision: 'exclude' }],
    },
    {
      recordId: '2b5f8a4e-1c2d-4e5f-8a9b-0c1d2e3f4a5b',
      title: 'Fish',
      authors: [],
      decision: 'maybe',
      reasons: [],
      note: '',
      reviewers: [{ name: 'Ana', decision: 'maybe' }],
    },
    {
      recordId: '3b5f8a4e-1c2d-4e5f-8a9b-0c1d2e3f4a5b',
      title: 'Birds',
      authors: [],
      decision: null,
      reasons: [],
      note: '',
      reviewers: [],
    },
  ];

  it.each([
    ['asreview-csv', 'decisions.csv'],
    ['rayyan-csv', 'articles.csv'],
    ['covidence-csv', 'covidence.csv'],
    ['ris', 'decisions.ris'],
  ] as const)('writes %s that reads back the same decisions, reasons and ids', (format, name) => {
    const written = formatDecisionFile(format, rows);
    const back = parseDecisionFile(text(written), name, { format });
    expect(back.rows.map((r) => r.decision)).toEqual(['include', 'exclude', 'maybe', null]);
    expect(back.rows.map((r) => r.ids.recordId)).toEqual(rows.map((r) => r.recordId));
    expect(back.rows[1]?.reasons).toEqual(['wrong population', 'wrong outcome']);
    expect(back.rows[0]?.ids).toMatchObject({ doi: '10.1000/cats.1', year: 2019, title: 'Cats, "indoors"' });
    expect(back.rows[1]?.ids.pmid).toBe('123');
    // Detected without being told, too.
    expect(parseDecisionFile(text(written), name).format).toBe(format);
  });

  it('writes Rayyan inclusion notes as Rayyan does', () => {
    const written = formatDecisionFile('rayyan-csv', rows.slice(1, 2));
    expect(written).toContain(
      '"RAYYAN-INCLUSION: {""Ana \\""A\\"" B""=>""Excluded""} | RAYYAN-EXCLUSION-REASONS: wrong population,wrong outcome"',
    );
  });
});

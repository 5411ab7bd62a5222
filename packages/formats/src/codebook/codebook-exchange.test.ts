import { describe, expect, it } from 'vitest';
import { FormatError } from '../format-error.js';
import { formatCodebookCsv, readCodebookCsv } from './codebook-csv.js';
import type { CodebookDraft, CodebookExchangeCode } from './codebook-draft.js';
import { formatCodebookMarkdown, readCodebookMarkdown } from './codebook-markdown.js';
import { codebookFormatOf, readCodebookFile } from './read-codebook-file.js';

const code = (name: string, fields: Partial<CodebookExchangeCode> = {}): CodebookExchangeCode => ({
  name,
  description: '',
  inclusion: '',
  exclusion: '',
  example: '',
  colour: null,
  shortcut: null,
  children: [],
  ...fields,
});

/** The seed review's five domains, with guidance that exercises quoting and line breaks. */
const CODEBOOK: CodebookExchangeCode[] = [
  code('Motivation and purpose', {
    description: 'Why organisations take part, in their own words.',
    colour: '#e03131',
    shortcut: '1',
    children: [
      code('Shared purpose', {
        inclusion: 'The text names a goal the partners share.',
        exclusion: 'Goals of one partner only; use "Own interest".',
        example: '"We all wanted the same thing, really."',
        children: [
          code('Ambiguity, doubt > hesitation', { description: 'Deepest, with a separator in its name.' }),
        ],
      }),
      code('Own interest', {
        description:
          'First paragraph, with a comma.\n\nSecond paragraph:\n- a list item\n- another\n  indented',
      }),
    ],
  }),
  code('Relationships and cultures', { colour: '#1971c2' }),
  code('Resources and capabilities', { example: '  leading and trailing spaces  ' }),
  code('Governance and leadership', { shortcut: 'g' }),
  code('External factors — “policy”, ünïcode'),
];

/** A draft tree without the line numbers, to compare with what was written. */
const strip = (drafts: CodebookDraft[]): CodebookExchangeCode[] =>
  drafts.map(({ line: _line, children, ...rest }) => ({ ...rest, children: strip(children) }));

const trimmedValues = (codes: readonly CodebookExchangeCode[]): CodebookExchangeCode[] =>
  codes.map((c) => ({
    ...c,
    description: c.description.trim(),
    inclusion: c.inclusion.trim(),
    exclusion: c.exclusion.trim(),
    example: c.example.trim(),
    children: trimmedValues(c.children),
  }));

const errorOf = (fn: () => unknown): FormatError => {
  try {
    fn();
  } catch (error) {
    if (error instanceof FormatError) return error;
    throw error;
  }
  throw new Error('expected a FormatError');
};

describe('codebook CSV', () => {
  it('writes the documented columns, one row per code, parents first', () => {
    const text = formatCodebookCsv(CODEBOOK);
    const lines = text.split('\r\n');
    expect(lines[0]).toBe('path,name,description,inclusion,exclusion,example,colour,shortcut');
    expect(lines[1]).toBe(
      'Motivation and purpose,Motivation and purpose,"Why organisations take part, in their own words.",,,,#e03131,1',
    );
    expect(lines[2]).toMatch(/^Motivation and purpose > Shared purpose,Shared purpose,/);
  });

  it('reads back exactly what it wrote', () => {
    const back = readCodebookCsv(formatCodebookCsv(CODEBOOK), 'codebook.csv');
    expect(strip(back)).toEqual(CODEBOOK);
    expect(back[0]?.line).toBe(2);
    expect(back[0]?.children[1]?.line).toBe(5);
  });

  it('creates parents that only appear in a path, and fills them when their row comes later', () => {
    const text = 'path,description\nA > B > C,deep\nA,top\n';
    const [a] = readCodebookCsv(text, 'c.csv');
    expect(a?.name).toBe('A');
    expect(a?.description).toBe('top');
    expect(a?.children[0]?.name).toBe('B');
    expect(a?.children[0]?.children[0]).toMatchObject({ name: 'C', description: 'deep', line: 2 });
  });

  it('accepts a name column alone, other header spellings, a BOM and short colours', () => {
    const text = '\ufeffCode,Definition,Color,Shortcut key\nTrust,Believing the partner,#0A0,t\n';
    expect(strip(readCodebookCsv(text, 'c.csv'))).toEqual([
      code('Trust', { description: 'Believing the partner', colour: '#00aa00', shortcut: 't' }),
    ]);
  });

  it('names the line and the problem in bad files', () => {
    expect(errorOf(() => readCodebookCsv('title,notes\nx,y\n', 'c.csv')).message).toBe(
      "c.csv, line 1: no 'path' or 'name' column: the header should be path,name,description,inclusion,exclusion,example,colour,shortcut, found 'title', 'notes'",
    );
    expect(errorOf(() => readCodebookCsv('path\nA\nB\na\n', 'c.csv')).message).toBe(
      "c.csv, line 4: the code 'a' is already on line 2",
    );
    expect(errorOf(() => readCodebookCsv('path,colour\nA,red\n', 'c.csv')).message).toBe(
      "c.csv, line 2: colour 'red' is not a colour like #e03131",
    );
    expect(errorOf(() => readCodebookCsv('path,name\nA > B,C\n', 'c.csv')).message).toBe(
      "c.csv, line 2: the path 'A > B' does not end with the code's name 'C'",
    );
    expect(errorOf(() => readCodebookCsv('path,description\n,orphan text\n', 'c.csv')).message).toBe(
      'c.csv, line 2: a code has no name',
    );
    expect(errorOf(() => readCodebookCsv('', 'c.csv')).message).toBe('c.csv: the file is empty');
    expect(errorOf(() => readCodebookCsv('path\n', 'c.csv')).message).toBe('c.csv: the file has no codes');
    expect(errorOf(() => readCodebookCsv('path,x\n"A,1\n', 'c.csv')).line).toBe(2);
  });
});

describe('codebook Markdown', () => {
  it('writes a nested list with labelled guidance', () => {
    const text = formatCodebookMarkdown(CODEBOOK.slice(0, 2), 'Seed review');
    expect(text.split('\n').slice(0, 9)).toEqual([
      '# Seed review',
      '',
      '- Motivation and purpose',
      '  Description: Why organisations take part, in their own words.',
      '  Colour: #e03131',
      '  Shortcut: 1',
      '  - Shared purpose',
      '    Use when: The text names a goal the partners share.',
      '    Do not use when: Goals of one partner only; use "Own interest".',
    ]);
  });

  it('reads back what it wrote (values trimmed), including paragraphs and list-like lines', () => {
    const back = readCodebookMarkdown(formatCodebookMarkdown(CODEBOOK), 'codebook.md');
    expect(strip(back)).toEqual(trimmedValues(CODEBOOK));
    expect(back[0]?.children[1]?.description).toContain(
      '\n\nSecond paragraph:\n- a list item\n- another\n  indented',
    );
  });

  it('is lenient about bullets, indentation, bold names, comments and unlabelled text', () => {
    const text = [
      '<!-- exported by hand -->',
      '# My codes',
      '* **Trust**',
      '\tBelieving the partner will act well.',
      '\t1. Competence',
      '\t\tcolor: #abc',
      '+ Conflict',
      '    Example: "They never listened"',
      '    and it went on.',
      '',
    ].join('\n');
    expect(strip(readCodebookMarkdown(text, 'c.md'))).toEqual([
      code('Trust', {
        description: 'Believing the partner will act well.',
        children: [code('Competence', { colour: '#aabbcc' })],
      }),
      code('Conflict', { example: '"They never listened"\nand it went on.' }),
    ]);
  });

  it('names the line and the problem in bad files', () => {
    expect(errorOf(() => readCodebookMarkdown('Some text\n- A\n', 'c.md')).message).toBe(
      "c.md, line 1: 'Some text' is not under a code: start a code with '- ' and indent its details under it",
    );
    expect(errorOf(() => readCodebookMarkdown('- A\n  - B\n  - b\n', 'c.md')).message).toBe(
      "c.md, line 3: 'b' is already on line 2 under 'A'",
    );
    expect(errorOf(() => readCodebookMarkdown('- A\n  Colour: blue\n', 'c.md')).message).toBe(
      "c.md, line 2: colour 'blue' is not a colour like #e03131",
    );
    expect(errorOf(() => readCodebookMarkdown('# Title only\n', 'c.md')).message).toBe(
      "c.md: the file has no codes: write each code as a '- ' bullet",
    );
    expect(errorOf(() => readCodebookMarkdown('- **  **\n', 'c.md')).message).toBe(
      'c.md, line 1: a code has no name',
    );
  });
});

describe('readCodebookFile', () => {
  it('chooses the reader from the file name', () => {
    expect(codebookFormatOf('x.CSV')).toBe('csv');
    expect(codebookFormatOf('x.markdown')).toBe('markdown');
    expect(codebookFormatOf('x.docx')).toBeUndefined();
    expect(readCodebookFile('- A\n', 'codes.md')[0]?.name).toBe('A');
    expect(readCodebookFile('path\nA\n', 'codes.csv')[0]?.name).toBe('A');
    expect(errorOf(() => readCodebookFile('- A', 'codes.docx')).message).toBe(
      'codes.docx: not a codebook file: expected a .csv or a Markdown (.md) file',
    );
  });
});

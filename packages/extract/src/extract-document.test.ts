import { isWeftError } from '@weft/core';
import { describe, expect, it } from 'vitest';
import { documentProblems } from './document-problems.js';
import { extractDocument } from './extract-document.js';
import { ExtractError } from './extract-error.js';
import type { DocumentKind } from './extracted-document.js';
import { fixture } from './testing/fixtures.js';

const FIXTURES: [string, DocumentKind][] = [
  ['field-notes.txt', 'text'],
  ['field-notes-utf16le.txt', 'text'],
  ['field-notes-windows-1252.txt', 'text'],
  ['integrated-care.md', 'markdown'],
  ['integrated-care.html', 'html'],
  ['integrated-care.docx', 'docx'],
  ['report.pdf', 'pdf'],
  ['partly-scanned.pdf', 'pdf'],
  ['runs.pdf', 'pdf'],
  ['interview.vtt', 'transcript'],
  ['interview-crlf-bom.vtt', 'transcript'],
  ['interview.srt', 'transcript'],
  ['interview-crlf.srt', 'transcript'],
  ['interview-speakers.txt', 'transcript'],
];

const encode = (text: string) => new TextEncoder().encode(text);

describe('extractDocument', () => {
  it.each(FIXTURES)(
    '%s: kind %s, and every block, page and item is a sound span of the text',
    async (name, kind) => {
      const document = await extractDocument({ fileName: name, bytes: fixture(name) });
      expect(document.kind).toBe(kind);
      expect(document.structure.length).toBeGreaterThan(0);
      expect(documentProblems(document)).toEqual([]);
    },
  );

  it('detects by bytes and content when the name has no known extension', async () => {
    const detect = async (bytes: Uint8Array, mediaType?: string) =>
      (await extractDocument({ fileName: 'upload', bytes, ...(mediaType ? { mediaType } : {}) })).meta.format;
    expect(await detect(fixture('report.pdf'))).toBe('pdf');
    expect(await detect(fixture('integrated-care.docx'))).toBe('docx');
    expect(await detect(fixture('interview.srt'))).toBe('srt');
    expect(await detect(fixture('field-notes.txt'))).toBe('txt');
    expect(await detect(fixture('integrated-care.md'), 'text/markdown; charset=utf-8')).toBe('md');
  });

  it('lets the caller force a kind', async () => {
    const document = await extractDocument({
      fileName: 'page.txt',
      bytes: encode('<p>a</p><p>b</p>'),
      kind: 'html',
    });
    expect(document.text).toBe('a\n\nb');
  });

  it('refuses a file that is not what its name says', async () => {
    await expect(extractDocument({ fileName: 'notes.txt', bytes: fixture('report.pdf') })).rejects.toThrow(
      new ExtractError('notes.txt', 'wrong-kind', 'named as txt but this is a PDF document'),
    );
    await expect(
      extractDocument({ fileName: 'talk.vtt', bytes: fixture('integrated-care.docx') }),
    ).rejects.toMatchObject({ problem: 'wrong-kind' });
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    await expect(extractDocument({ fileName: 'figure', bytes: png })).rejects.toThrow(
      'figure: this is a PNG image, not a document Weft can read',
    );
  });

  it.each(['a.txt', 'a.md', 'a.html', 'a.docx', 'a.pdf', 'a.vtt', 'a.srt', 'a'])(
    'refuses an empty %s',
    async (fileName) => {
      await expect(extractDocument({ fileName, bytes: new Uint8Array() })).rejects.toMatchObject({
        problem: 'empty',
        message: `${fileName}: the file is empty`,
      });
    },
  );

  it('refuses files with no readable text', async () => {
    await expect(
      extractDocument({ fileName: 'blank.html', bytes: encode('<script>x()</script><nav>menu</nav>') }),
    ).rejects.toMatchObject({
      problem: 'no-text',
      message: 'blank.html: the file contains no readable text',
    });
  });

  it('throws errors core recognises: bad-input with the file and problem in details', async () => {
    const error = await extractDocument({ fileName: 'x.pdf', bytes: encode('hello') }).catch((e) => e);
    expect(isWeftError(error)).toBe(true);
    expect(error.code).toBe('bad-input');
    expect(error.details).toEqual({ fileName: 'x.pdf', problem: 'wrong-kind', line: undefined });
  });
});

describe('documentProblems', () => {
  it('reports spans that do not fit the text', () => {
    expect(
      documentProblems({
        kind: 'transcript',
        text: 'Ann: hi\n\nBob: yo ',
        structure: [
          { kind: 'utterance', start: 0, end: 7, speaker: 'Ann' },
          { kind: 'utterance', start: 9, end: 17, speaker: 'Bob' },
          { kind: 'utterance', start: 9, end: 12, speaker: 'Cy' },
          { kind: 'heading', start: 20, end: 30 },
        ],
        warnings: [],
        meta: { format: 'vtt' },
      }),
    ).toEqual([
      'block 1 (utterance) has surrounding whitespace',
      "block 2 (utterance) does not start with 'Cy: '",
      'block 3 (heading): [20, 30) is not a span of the 17-character text',
      'block 3 (heading) is empty',
      'block 3 (heading) has no heading level 1–6',
    ]);
  });
});

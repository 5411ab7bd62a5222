import { describe, expect, it } from 'vitest';
import { documentProblems } from './document-problems.js';
import { extractDocument } from './extract-document.js';
import { blocksWithText, fixture } from './testing/fixtures.js';

const NOTES_TEXT =
  'Field notes, site visit 3\n\n' +
  'The ward manager showed us the shared care plan.\n' +
  "It is printed and kept at the nurses' station.\n\n" +
  'Staff said the plan “saves phone calls” — about 10 a day.\n';

const NOTES_BLOCKS = [
  { kind: 'paragraph', text: 'Field notes, site visit 3' },
  {
    kind: 'paragraph',
    text: "The ward manager showed us the shared care plan.\nIt is printed and kept at the nurses' station.",
  },
  { kind: 'paragraph', text: 'Staff said the plan “saves phone calls” — about 10 a day.' },
];

describe('plain text', () => {
  it('keeps the decoded text as canonical text, one paragraph block per run of lines', async () => {
    const document = await extractDocument({
      fileName: 'field-notes.txt',
      bytes: fixture('field-notes.txt'),
    });
    expect(document.kind).toBe('text');
    expect(document.text).toBe(NOTES_TEXT);
    expect(blocksWithText(document)).toEqual(NOTES_BLOCKS);
    expect(document.meta).toEqual({
      format: 'txt',
      title: 'Field notes, site visit 3',
      encoding: 'utf-8',
      bom: false,
      lineEndings: 'lf',
    });
    expect(document.warnings).toEqual([]);
    expect(documentProblems(document)).toEqual([]);
  });

  it('gives the same text and offsets for the UTF-16 LE, BOM, CRLF copy and records what it normalised', async () => {
    const document = await extractDocument({
      fileName: 'field-notes-utf16le.txt',
      bytes: fixture('field-notes-utf16le.txt'),
    });
    expect(document.text).toBe(NOTES_TEXT);
    expect(blocksWithText(document)).toEqual(NOTES_BLOCKS);
    expect(document.meta).toMatchObject({ encoding: 'utf-16le', bom: true, lineEndings: 'crlf' });
    expect(documentProblems(document)).toEqual([]);
  });

  it('reads a Windows-1252 file with a warning', async () => {
    const document = await extractDocument({
      fileName: 'field-notes-windows-1252.txt',
      bytes: fixture('field-notes-windows-1252.txt'),
    });
    expect(document.text).toBe('Café notes\n\nThe nurse said “it works” – mostly.\n');
    expect(document.meta.encoding).toBe('windows-1252');
    expect(document.warnings).toEqual(['not valid UTF-8 (byte 0xe9 at offset 3); read as Windows-1252']);
    expect(blocksWithText(document).map((block) => block.text)).toEqual([
      'Café notes',
      'The nurse said “it works” – mostly.',
    ]);
  });

  it('measures offsets in UTF-16 code units (an emoji counts two)', async () => {
    const text = '😀 first\n\n  second 😀  \n';
    const document = await extractDocument({ fileName: 'e.txt', bytes: new TextEncoder().encode(text) });
    expect(document.structure).toEqual([
      { kind: 'paragraph', start: 0, end: 8 },
      { kind: 'paragraph', start: 12, end: 21 },
    ]);
    expect(document.text.slice(12, 21)).toBe('second 😀');
  });
});

import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeText } from './decode-text.js';
import { FormatError } from './format-error.js';

const utf8 = (text: string) => new TextEncoder().encode(text);
const concat = (...parts: (number[] | Uint8Array)[]) => new Uint8Array(parts.flatMap((part) => [...part]));
const SAMPLE = 'TY  - JOUR\nTI  - Müller’s café – naïve\nER  - \n';

describe('decodeText', () => {
  const cases = [
    { name: 'UTF-8', bytes: utf8(SAMPLE), encoding: 'utf-8', warnings: 0 },
    {
      name: 'UTF-8 with BOM',
      bytes: concat([0xef, 0xbb, 0xbf], utf8(SAMPLE)),
      encoding: 'utf-8',
      warnings: 0,
    },
    {
      name: 'UTF-16 LE with BOM',
      bytes: concat([0xff, 0xfe], iconv.encode(SAMPLE, 'utf-16le')),
      encoding: 'utf-16le',
      warnings: 0,
    },
    {
      name: 'UTF-16 BE with BOM',
      bytes: concat([0xfe, 0xff], iconv.encode(SAMPLE, 'utf-16be')),
      encoding: 'utf-16be',
      warnings: 0,
    },
    {
      name: 'UTF-16 LE without BOM',
      bytes: iconv.encode(SAMPLE, 'utf-16le'),
      encoding: 'utf-16le',
      warnings: 0,
    },
    {
      name: 'UTF-16 BE without BOM',
      bytes: iconv.encode(SAMPLE, 'utf-16be'),
      encoding: 'utf-16be',
      warnings: 0,
    },
    { name: 'Windows-1252', bytes: iconv.encode(SAMPLE, 'win1252'), encoding: 'windows-1252', warnings: 1 },
    { name: 'CRLF line endings', bytes: utf8(SAMPLE.replace(/\n/g, '\r\n')), encoding: 'utf-8', warnings: 0 },
    {
      name: 'CR line endings (classic Mac)',
      bytes: utf8(SAMPLE.replace(/\n/g, '\r')),
      encoding: 'utf-8',
      warnings: 0,
    },
  ];
  it.each(cases)('$name', ({ bytes, encoding, warnings }) => {
    const decoded = decodeText(bytes, 'refs.ris');
    expect(decoded.text).toBe(SAMPLE);
    expect(decoded.encoding).toBe(encoding);
    expect(decoded.warnings).toHaveLength(warnings);
  });

  it('says where the first non-UTF-8 byte is when falling back to Windows-1252', () => {
    const bytes = iconv.encode('TY  - JOUR\nTI  - caf\u00e9\n', 'win1252');
    const { warnings } = decodeText(bytes, 'old.ris');
    expect(warnings[0]).toMatchObject({ line: 2 });
    expect(warnings[0]?.message).toContain('old.ris is not valid UTF-8 (first bad byte 0xe9 at line 2)');
  });

  it('drops a few stray control characters with a warning', () => {
    const { text, warnings } = decodeText(utf8('TY  - JOUR\nTI  - a\u0007b\nER  - \n'), 'x.ris');
    expect(text).toBe('TY  - JOUR\nTI  - ab\nER  - \n');
    expect(warnings).toEqual([{ message: '1 stray control character(s) (first U+0007) ignored', line: 2 }]);
  });

  const binaries = [
    {
      name: 'PDF',
      bytes: utf8('%PDF-1.7\n%âãÏÓ\n1 0 obj'),
      message: 'refs.ris: this is a PDF document, not a text export',
    },
    {
      name: 'ZIP',
      bytes: new Uint8Array([0x50, 0x4b, 3, 4, 20, 0]),
      message: 'refs.ris: this is a ZIP archive',
    },
    {
      name: 'NUL bytes in otherwise text',
      bytes: utf8('TY  - JOUR\nTI  - a\u0000\u0000\u0000b\nER  - \n'),
      message: 'refs.ris, line 2: binary data (control character U+0000)',
    },
    {
      name: 'random binary',
      bytes: new Uint8Array(Array.from({ length: 512 }, (_, i) => (i * 37 + 11) % 256)),
      message: /^refs\.ris, line \d+: binary data/,
    },
  ];
  it.each(binaries)('refuses $name', ({ bytes, message }) => {
    expect(() => decodeText(bytes, 'refs.ris')).toThrow(FormatError);
    expect(() => decodeText(bytes, 'refs.ris')).toThrow(message);
  });
});

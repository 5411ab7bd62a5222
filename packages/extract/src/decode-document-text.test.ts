import { describe, expect, it } from 'vitest';
import { decodeDocumentText, decodeWindows1252, detectLineEndings } from './decode-document-text.js';
import { ExtractError } from './extract-error.js';

const utf8 = (text: string) => new TextEncoder().encode(text);

function caught(run: () => unknown): ExtractError {
  try {
    run();
  } catch (error) {
    if (error instanceof ExtractError) return error;
    throw error;
  }
  throw new Error('expected an ExtractError');
}

describe('decodeDocumentText', () => {
  it('reads UTF-8 with and without a BOM, normalising CRLF and CR to LF and saying which it found', () => {
    const plain = decodeDocumentText(utf8('a\r\nb\r\n'), 'a.txt');
    expect(plain).toMatchObject({ text: 'a\nb\n', encoding: 'utf-8', bom: false, lineEndings: 'crlf' });
    const bom = decodeDocumentText(utf8('\ufeffa\rb'), 'a.txt');
    expect(bom).toMatchObject({ text: 'a\nb', encoding: 'utf-8', bom: true, lineEndings: 'cr' });
    expect(decodeDocumentText(utf8('a\nb\r\nc'), 'a.txt').lineEndings).toBe('mixed');
    expect(decodeDocumentText(utf8('one line'), 'a.txt').lineEndings).toBe('none');
  });

  it('reads UTF-16 LE and BE by BOM and BE without one', () => {
    const le = Buffer.from('\ufeffÉté 😀\r\n', 'utf16le');
    expect(decodeDocumentText(le, 'a.txt')).toMatchObject({
      text: 'Été 😀\n',
      encoding: 'utf-16le',
      bom: true,
    });
    const be = Buffer.from(le).swap16();
    expect(decodeDocumentText(be, 'a.txt')).toMatchObject({
      text: 'Été 😀\n',
      encoding: 'utf-16be',
      bom: true,
    });
    const bareBe = Buffer.from('plain ascii text', 'utf16le').swap16();
    expect(decodeDocumentText(bareBe, 'a.txt')).toMatchObject({
      text: 'plain ascii text',
      encoding: 'utf-16be',
    });
  });

  it('reads Windows-1252 bytes (curly quotes, dashes, accents) with a warning', () => {
    const decoded = decodeDocumentText(Buffer.from('\x93Caf\xe9\x94 \x96 \x80 5', 'latin1'), 'notes.txt');
    expect(decoded.text).toBe('“Café” – € 5');
    expect(decoded.encoding).toBe('windows-1252');
    expect(decoded.warnings).toEqual(['not valid UTF-8 (byte 0x93 at offset 0); read as Windows-1252']);
    expect(decodeWindows1252(Uint8Array.from([0x80, 0x9f, 0xff]))).toBe('€Ÿÿ');
  });

  it('refuses bytes that are neither UTF-8 nor Windows-1252, naming the byte', () => {
    const error = caught(() =>
      decodeDocumentText(Uint8Array.from([0x48, 0x69, 0xc3, 0x28, 0x81]), 'bad.txt'),
    );
    expect(error.problem).toBe('encoding');
    expect(error.message).toBe('bad.txt: not valid UTF-8 text (byte 0xc3 at offset 2)');
  });

  it('refuses invalid UTF-8 when UTF-8 was asked for explicitly', () => {
    const error = caught(() => decodeDocumentText(Buffer.from('Caf\xe9', 'latin1'), 'x.txt', 'utf-8'));
    expect(error.message).toBe('x.txt: not valid UTF-8 text (byte 0xe9 at offset 3)');
  });

  it('refuses binary content and empty or blank files', () => {
    expect(
      caught(() => decodeDocumentText(Uint8Array.from([0x41, 0x00, 0x42, 0x43, 0x44, 0x45]), 'b.txt'))
        .message,
    ).toBe('b.txt: contains the control character U+0000 at character 1: a binary file, not text');
    expect(caught(() => decodeDocumentText(new Uint8Array(), 'e.txt')).problem).toBe('empty');
    expect(caught(() => decodeDocumentText(utf8('\ufeff'), 'e.txt')).message).toBe(
      'e.txt: the file is empty',
    );
    expect(caught(() => decodeDocumentText(utf8(' \r\n\t\n'), 'e.txt')).message).toBe(
      'e.txt: the file has no text (only whitespace)',
    );
  });

  it('counts line ending kinds', () => {
    expect(detectLineEndings('a\nb')).toBe('lf');
    expect(detectLineEndings('a\r\nb\r\n')).toBe('crlf');
  });
});

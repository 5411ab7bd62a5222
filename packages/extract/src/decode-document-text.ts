import { ExtractError } from './extract-error.js';
import type { LineEndings, TextEncoding } from './extracted-document.js';

export interface DecodedDocumentText {
  /** Without a byte order mark, line endings normalised to \n. */
  text: string;
  encoding: TextEncoding;
  bom: boolean;
  lineEndings: LineEndings;
  warnings: string[];
}

/** Bytes Windows-1252 leaves undefined: seeing one means the file is not Windows-1252 text either. */
const CP1252_UNDEFINED = new Set([0x81, 0x8d, 0x8f, 0x90, 0x9d]);

/**
 * Windows-1252 0x80–0x9F (the rest is Latin-1). Written out because Node's TextDecoder
 * treats the 'windows-1252' label as Latin-1 and turns curly quotes into C1 controls.
 */
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

export function decodeWindows1252(bytes: Uint8Array): string {
  let text = '';
  for (let i = 0; i < bytes.length; i += 8192) {
    const chunk = bytes.subarray(i, i + 8192);
    text += String.fromCharCode(...chunk).replace(
      /[\x80-\x9f]/g,
      (c) => CP1252_HIGH[c.charCodeAt(0) - 0x80] ?? c,
    );
  }
  return text;
}

/** Guesses BOM-less UTF-16 from where NUL bytes fall in mostly-ASCII text. */
function sniffUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  const n = Math.min(bytes.length, 4096) & ~1;
  if (n < 4) return undefined;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenNul++;
    if (bytes[i + 1] === 0) oddNul++;
  }
  const pairs = n / 2;
  if (oddNul > pairs * 0.4 && evenNul < pairs * 0.05) return 'utf-16le';
  if (evenNul > pairs * 0.4 && oddNul < pairs * 0.05) return 'utf-16be';
  return undefined;
}

function bomOf(bytes: Uint8Array): { encoding: TextEncoding; length: number } | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', length: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', length: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', length: 2 };
  return undefined;
}

export function detectLineEndings(text: string): LineEndings {
  const crlf = text.match(/\r\n/g)?.length ?? 0;
  const cr = (text.match(/\r/g)?.length ?? 0) - crlf;
  const lf = (text.match(/\n/g)?.length ?? 0) - crlf;
  const kinds = [crlf > 0, cr > 0, lf > 0].filter(Boolean).length;
  if (kinds === 0) return 'none';
  if (kinds > 1) return 'mixed';
  return crlf > 0 ? 'crlf' : cr > 0 ? 'cr' : 'lf';
}

/** Index of the first C0 control character other than tab, line feed, form feed, carriage return; -1 if none. */
function firstControlCharacter(text: string): number {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if ((code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0c && code !== 0x0d) || code === 0x7f)
      return i;
  }
  return -1;
}

function firstInvalidUtf8(bytes: Uint8Array): number {
  // TextDecoder does not say where it failed; find the offset so the error can name it.
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i] ?? 0;
    const need =
      b < 0x80
        ? 0
        : b >= 0xc2 && b <= 0xdf
          ? 1
          : b >= 0xe0 && b <= 0xef
            ? 2
            : b >= 0xf0 && b <= 0xf4
              ? 3
              : -1;
    if (need < 0) return i;
    for (let k = 1; k <= need; k++) if (((bytes[i + k] ?? 0) & 0xc0) !== 0x80) return i;
    i += need + 1;
  }
  return -1;
}

function decodeWithoutBom(
  bytes: Uint8Array,
  encoding: TextEncoding,
  fileName: string,
  forced: boolean,
  warnings: string[],
): { text: string; encoding: TextEncoding } {
  if (encoding === 'windows-1252') return { text: decodeWindows1252(bytes), encoding };
  if (encoding !== 'utf-8') return { text: new TextDecoder(encoding).decode(bytes), encoding };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding };
  } catch {
    const at = firstInvalidUtf8(bytes);
    const where = `byte 0x${(bytes[at] ?? 0).toString(16).padStart(2, '0')} at offset ${at}`;
    if (forced || bytes.some((b) => CP1252_UNDEFINED.has(b)))
      throw new ExtractError(fileName, 'encoding', `not valid UTF-8 text (${where})`);
    warnings.push(`not valid UTF-8 (${where}); read as Windows-1252`);
    return { text: decodeWindows1252(bytes), encoding: 'windows-1252' };
  }
}

/**
 * Decodes a text-based document. UTF-8 with or without BOM, UTF-16 LE/BE (BOM or NUL
 * pattern); bytes that are not UTF-8 are read as Windows-1252 (what Word's "Save as text"
 * gives on Windows) with a warning, unless they cannot be that either. Control characters
 * other than tab, line feed, carriage return and form feed mean a binary file: refused.
 */
export function decodeDocumentText(
  bytes: Uint8Array,
  fileName: string,
  forced?: TextEncoding,
): DecodedDocumentText {
  const warnings: string[] = [];
  const bom = bomOf(bytes);
  let body = bom ? bytes.subarray(bom.length) : bytes;
  let guess: TextEncoding = forced ?? bom?.encoding ?? sniffUtf16(bytes) ?? 'utf-8';
  if (forced && bom && forced !== bom.encoding) {
    warnings.push(`the byte order mark says ${bom.encoding}, read as ${forced} as asked`);
    body = bytes;
    guess = forced;
  }
  if (body.length === 0) throw new ExtractError(fileName, 'empty', 'the file is empty');
  const decoded = decodeWithoutBom(body, guess, fileName, forced !== undefined, warnings);
  const control = firstControlCharacter(decoded.text);
  if (control >= 0) {
    const code = decoded.text.charCodeAt(control).toString(16).padStart(4, '0').toUpperCase();
    throw new ExtractError(
      fileName,
      'encoding',
      `contains the control character U+${code} at character ${control}: a binary file, not text`,
    );
  }
  const lineEndings = detectLineEndings(decoded.text);
  const text = decoded.text.replace(/\r\n?/g, '\n');
  if (text.trim() === '') throw new ExtractError(fileName, 'empty', 'the file has no text (only whitespace)');
  return {
    text,
    encoding: decoded.encoding,
    bom: bom !== undefined && body !== bytes,
    lineEndings,
    warnings,
  };
}

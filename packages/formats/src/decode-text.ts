import iconv from 'iconv-lite';
import { FormatError } from './format-error.js';
import type { FormatWarning } from './format-plugin.js';
import { lineNumberAt } from './support/text.js';

export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export interface DecodedText {
  /** The text with line endings normalised to \n and without a byte order mark. */
  text: string;
  encoding: TextEncoding;
  warnings: FormatWarning[];
}

/** Magic numbers of files people pick by mistake in an "import references" dialog. */
const BINARY_SIGNATURES: { bytes: number[]; name: string }[] = [
  { bytes: [0x25, 0x50, 0x44, 0x46], name: 'a PDF document' },
  { bytes: [0x50, 0x4b, 0x03, 0x04], name: 'a ZIP archive (or a Word/Excel file)' },
  { bytes: [0xd0, 0xcf, 0x11, 0xe0], name: 'an old Microsoft Office document' },
  { bytes: [0x1f, 0x8b], name: 'a gzip archive' },
  { bytes: [0x89, 0x50, 0x4e, 0x47], name: 'a PNG image' },
  { bytes: [0xff, 0xd8, 0xff], name: 'a JPEG image' },
  { bytes: [0x7b, 0x5c, 0x72, 0x74, 0x66], name: 'an RTF document' },
];

export function sniffBinary(bytes: Uint8Array): string | undefined {
  return BINARY_SIGNATURES.find((signature) => signature.bytes.every((byte, i) => bytes[i] === byte))?.name;
}

/** Guesses UTF-16 without a BOM from where the NUL bytes fall in mostly-ASCII text. */
export function sniffUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
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

export function normaliseLineEndings(text: string): string {
  return text.replace(/\r\n?/g, '\n');
}

/**
 * Decodes an uploaded file. UTF-8 (with or without BOM) and UTF-16 (BOM or NUL pattern)
 * are recognised; bytes that are not valid UTF-8 are read as Windows-1252, which is what
 * older EndNote and Web of Science exports on Windows produce, with a warning. Binary files
 * (a PDF picked instead of the RIS next to it) are refused with a FormatError.
 */
export function decodeText(bytes: Uint8Array, fileName: string): DecodedText {
  const warnings: FormatWarning[] = [];
  const binary = sniffBinary(bytes);
  if (binary) throw new FormatError(fileName, `this is ${binary}, not a text export of references`);

  let encoding: TextEncoding;
  let text: string;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    encoding = 'utf-8';
    text = decodeUtf8(bytes.subarray(3), fileName, warnings);
    if (warnings.length > 0) encoding = 'windows-1252';
  } else if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    encoding = 'utf-16le';
    text = iconv.decode(Buffer.from(bytes.subarray(2)), 'utf-16le');
  } else if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    encoding = 'utf-16be';
    text = iconv.decode(Buffer.from(bytes.subarray(2)), 'utf-16be');
  } else {
    const utf16 = sniffUtf16(bytes);
    if (utf16) {
      encoding = utf16;
      text = iconv.decode(Buffer.from(bytes), utf16);
    } else {
      encoding = 'utf-8';
      text = decodeUtf8(bytes, fileName, warnings);
      if (warnings.length > 0) encoding = 'windows-1252';
    }
  }
  text = normaliseLineEndings(text);
  checkControlCharacters(text, fileName, warnings);
  text = stripControlCharacters(text);
  // DOS-era exports end with Ctrl-Z (SUB).
  if (text.endsWith('\u001a')) text = text.slice(0, -1);
  return { text, encoding, warnings };
}

function decodeUtf8(bytes: Uint8Array, fileName: string, warnings: FormatWarning[]): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const offset = firstInvalidUtf8(bytes);
    const line = countLines(bytes, offset);
    warnings.push({
      message: `${fileName} is not valid UTF-8 (first bad byte 0x${(bytes[offset] ?? 0).toString(16)} at line ${line}); read as Windows-1252 — check accented characters`,
      line,
    });
    return iconv.decode(Buffer.from(bytes), 'win1252');
  }
}

function countLines(bytes: Uint8Array, end: number): number {
  let line = 1;
  for (let i = 0; i < end; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i] as number;
    const need =
      b < 0x80 ? 0 : b >= 0xc2 && b < 0xe0 ? 1 : b >= 0xe0 && b < 0xf0 ? 2 : b >= 0xf0 && b < 0xf5 ? 3 : -1;
    if (need < 0) return i;
    for (let k = 1; k <= need; k++) if (((bytes[i + k] ?? 0) & 0xc0) !== 0x80) return i;
    i += need + 1;
  }
  return bytes.length;
}

/** NUL or other C0 control characters do not occur in text exports; a few are tolerated, many mean binary. */
// biome-ignore lint: control characters are exactly what this pattern looks for
const CONTROL = /[\u0000-\u0008\u000b\u000e-\u0019\u001b-\u001f]/g;

function checkControlCharacters(text: string, fileName: string, warnings: FormatWarning[]): void {
  const first = text.search(CONTROL);
  if (first === -1) return;
  const count = text.match(CONTROL)?.length ?? 0;
  const line = lineNumberAt(text, first);
  const code = `U+${(text.codePointAt(first) ?? 0).toString(16).padStart(4, '0').toUpperCase()}`;
  if (text.includes('\u0000') || count > Math.max(8, text.length / 1000)) {
    throw new FormatError(fileName, `binary data (control character ${code}), not a text export`, { line });
  }
  warnings.push({ message: `${count} stray control character(s) (first ${code}) ignored`, line });
}

/** Removes stray control characters that checkControlCharacters tolerated. */
export function stripControlCharacters(text: string): string {
  return text.replace(CONTROL, '');
}

import iconv from 'iconv-lite';
import type { TextEncoding } from './decode-text.js';
import { FormatError } from './format-error.js';
import type { FormatWarning } from './format-plugin.js';

// biome-ignore lint: control characters are exactly what this pattern looks for
const CONTROL = /[\u0000-\u0008\u000b\u000e-\u0019\u001b-\u001f]/g;

function countNewlines(text: string, end = text.length): number {
  let count = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < end; i = text.indexOf('\n', i + 1)) count++;
  return count;
}

/** Turns bytes into text piece by piece; a character split between two chunks is held back. */
interface ChunkDecoder {
  write(chunk: Uint8Array): string;
  end(): string;
}

function chunkDecoder(encoding: TextEncoding): ChunkDecoder {
  if (encoding === 'utf-8') {
    const decoder = new TextDecoder('utf-8');
    return { write: (chunk) => decoder.decode(chunk, { stream: true }), end: () => decoder.decode() };
  }
  // iconv-lite knows Windows-1252 as win1252; like decodeText, a leading byte order mark is dropped.
  const decoder = iconv.getDecoder(encoding === 'windows-1252' ? 'win1252' : encoding);
  return { write: (chunk) => decoder.write(Buffer.from(chunk)), end: () => decoder.end() ?? '' };
}

/**
 * decodeText for valid UTF-8, one chunk at a time (see decodeChunks).
 */
export function decodeUtf8Chunks(
  chunks: Iterable<Uint8Array> | AsyncIterable<Uint8Array>,
  fileName: string,
  warnings: FormatWarning[],
): AsyncGenerator<string> {
  return decodeChunks(chunks, fileName, warnings, 'utf-8');
}

/**
 * decodeText one chunk at a time, in an encoding already chosen (probeBytes): the byte order mark is dropped, line endings
 * become \n, stray control characters are counted, reported and removed, and a final Ctrl-Z is
 * dropped, exactly as the whole-file decoder does. Too many control characters (binary data)
 * can only be known at the end: the error comes then, and the caller's transaction undoes
 * what it stored.
 */
export async function* decodeChunks(
  chunks: Iterable<Uint8Array> | AsyncIterable<Uint8Array>,
  fileName: string,
  warnings: FormatWarning[],
  encoding: TextEncoding,
): AsyncGenerator<string> {
  const decoder = chunkDecoder(encoding);
  let heldCr = false;
  let heldSub = '';
  let lines = 0;
  let length = 0;
  let controls = 0;
  let first: { line: number; code: string } | undefined;

  const clean = (raw: string, last: boolean): string => {
    let text = heldCr ? `\r${raw}` : raw;
    heldCr = !last && text.endsWith('\r');
    if (heldCr) text = text.slice(0, -1);
    text = text.replace(/\r\n?/g, '\n');
    const found = text.match(CONTROL);
    if (found) {
      if (!first) {
        const at = text.search(CONTROL);
        first = {
          line: lines + countNewlines(text, at) + 1,
          code: `U+${(text.codePointAt(at) ?? 0).toString(16).padStart(4, '0').toUpperCase()}`,
        };
      }
      // As decodeText: a NUL means binary; the error names the first control character.
      if (text.includes('\u0000')) {
        throw new FormatError(fileName, `binary data (control character ${first.code}), not a text export`, {
          line: first.line,
        });
      }
      controls += found.length;
      text = text.replace(CONTROL, '');
    }
    lines += countNewlines(text);
    length += text.length + (found?.length ?? 0);
    // A Ctrl-Z (DOS end of file) is dropped only as the very last character: hold trailing ones.
    text = heldSub + text;
    heldSub = '';
    if (!last) {
      let end = text.length;
      while (end > 0 && text.charCodeAt(end - 1) === 0x1a) end--;
      heldSub = text.slice(end);
      text = text.slice(0, end);
    } else if (text.endsWith('\u001a')) text = text.slice(0, -1);
    return text;
  };

  for await (const chunk of chunks) {
    const text = clean(decoder.write(chunk), false);
    if (text !== '') yield text;
  }
  const rest = clean(decoder.end(), true);
  if (rest !== '') yield rest;
  if (first) {
    if (controls > Math.max(8, length / 1000)) {
      throw new FormatError(fileName, `binary data (control character ${first.code}), not a text export`, {
        line: first.line,
      });
    }
    warnings.push({
      message: `${controls} stray control character(s) (first ${first.code}) ignored`,
      line: first.line,
    });
  }
}

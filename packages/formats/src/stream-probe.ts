import { isUtf8 } from 'node:buffer';
import { firstInvalidUtf8, sniffUtf16, type TextEncoding } from './decode-text.js';
import type { FormatWarning } from './format-plugin.js';
import type { ChunkSource } from './stream-source.js';

/** Enough of the start for every plugin's detect() (RIS looks at the first 4,000 characters). */
export const HEAD_BYTES = 64 * 1024;

export interface Probe {
  /** The first HEAD_BYTES bytes (fewer for a smaller file). */
  head: Uint8Array;
  /** The encoding decodeText would choose for the whole file. */
  encoding: TextEncoding;
  /** Bytes at the start the decoder must skip (a byte order mark decodeText drops by hand). */
  skip: number;
  /** Only spaces, tabs and line breaks (or nothing). */
  blank: boolean;
  /** decodeText's warning when bytes are not valid UTF-8 and the file is read as Windows-1252. */
  warning?: FormatWarning;
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  if (a.byteLength === 0) return b;
  const out = new Uint8Array(a.byteLength + b.byteLength);
  out.set(a);
  out.set(b, a.byteLength);
  return out;
}

function countNewlines(bytes: Uint8Array, end = bytes.byteLength): number {
  let count = 0;
  for (let i = bytes.indexOf(0x0a); i !== -1 && i < end; i = bytes.indexOf(0x0a, i + 1)) count++;
  return count;
}

/** Where an incomplete UTF-8 sequence starts at the end of the bytes (the rest comes in the next chunk). */
function incompleteTail(bytes: Uint8Array): number {
  for (let back = 1; back <= Math.min(3, bytes.byteLength); back++) {
    const byte = bytes[bytes.byteLength - back] as number;
    if ((byte & 0xc0) === 0x80) continue;
    const need = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
    return need > back ? bytes.byteLength - back : bytes.byteLength;
  }
  return bytes.byteLength;
}

function isBlankByte(byte: number): boolean {
  return byte === 0x20 || byte === 0x09 || byte === 0x0a || byte === 0x0d;
}

/**
 * Decides the encoding exactly as decodeText does, reading the file once without decoding it:
 * a byte order mark or the NUL pattern of UTF-16 settles it from the first bytes; otherwise
 * the whole file is checked as UTF-8 (chunk by chunk, a character may straddle two), and one
 * bad byte anywhere means Windows-1252 for all of it, which is why this is a separate pass.
 */
export async function probeBytes(source: ChunkSource, fileName: string): Promise<Probe> {
  let head: Uint8Array = new Uint8Array(0);
  let carry: Uint8Array = new Uint8Array(0);
  let lines = 1;
  let blank = true;
  let decided: Pick<Probe, 'encoding' | 'skip'> | undefined;
  let warning: FormatWarning | undefined;
  for await (const chunk of source.chunks()) {
    if (head.byteLength < HEAD_BYTES) head = concat(head, chunk.subarray(0, HEAD_BYTES - head.byteLength));
    if (blank && !chunk.every(isBlankByte)) blank = false;
    const headFull = head.byteLength >= Math.min(HEAD_BYTES, source.byteSize);
    if (!decided && headFull) {
      if (head[0] === 0xff && head[1] === 0xfe) decided = { encoding: 'utf-16le', skip: 2 };
      else if (head[0] === 0xfe && head[1] === 0xff) decided = { encoding: 'utf-16be', skip: 2 };
      else {
        const utf16 = head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf ? undefined : sniffUtf16(head);
        if (utf16) decided = { encoding: utf16, skip: 0 };
      }
      if (decided) {
        // UTF-16 is not UTF-8: a complaint from chunks read before the head was complete is moot.
        warning = undefined;
        break;
      }
    }
    if (warning) {
      if (headFull && !blank) break;
      continue;
    }
    const bytes = concat(carry, chunk);
    const end = incompleteTail(bytes);
    if (!isUtf8(bytes.subarray(0, end))) {
      const bad = firstInvalidUtf8(bytes);
      const line = lines + countNewlines(bytes, bad);
      warning = {
        message: `${fileName} is not valid UTF-8 (first bad byte 0x${(bytes[bad] ?? 0).toString(16)} at line ${line}); read as Windows-1252 — check accented characters`,
        line,
      };
      if (headFull && !blank) break;
      continue;
    }
    lines += countNewlines(bytes, end);
    carry = bytes.slice(end);
  }
  // A file that ends inside a UTF-8 character is not valid UTF-8 either.
  if (!decided && !warning && carry.byteLength > 0) {
    warning = {
      message: `${fileName} is not valid UTF-8 (first bad byte 0x${(carry[0] ?? 0).toString(16)} at line ${lines}); read as Windows-1252 — check accented characters`,
      line: lines,
    };
  }
  const bom = head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf;
  if (!decided)
    decided = warning ? { encoding: 'windows-1252', skip: bom ? 3 : 0 } : { encoding: 'utf-8', skip: 0 };
  return {
    head,
    blank: blank && !decided.encoding.startsWith('utf-16'),
    ...decided,
    ...(warning ? { warning } : {}),
  };
}

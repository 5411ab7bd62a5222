import { sniffBinary } from './decode-text.js';
import { FormatError } from './format-error.js';
import type { FormatWarning, ParsedRecord } from './format-plugin.js';
import { NbibReader } from './nbib/nbib-reader.js';
import { RisReader } from './ris/ris-reader.js';
import type { LineRecordReader } from './support/line-reader.js';
import { WosPlainReader } from './wos/wos-plain-reader.js';

export type StreamFormatId = 'ris' | 'nbib' | 'wos';

export interface ParseStreamOptions {
  fileName: string;
  format: StreamFormatId;
  /** Records per yielded batch (default 1000). */
  batchSize?: number;
}

export interface ParsedBatch {
  records: ParsedRecord[];
  /** Warnings raised since the previous batch. */
  warnings: FormatWarning[];
}

const READERS: Record<StreamFormatId, (fileName: string) => LineRecordReader> = {
  ris: (fileName) => new RisReader(fileName),
  nbib: (fileName) => new NbibReader(fileName),
  wos: (fileName) => new WosPlainReader(fileName),
};

/** Decodes byte chunks incrementally (UTF-8 or UTF-16 by BOM); string chunks pass through. */
async function* decodeChunks(
  chunks: AsyncIterable<Uint8Array | string> | Iterable<Uint8Array | string>,
  fileName: string,
  warnings: FormatWarning[],
): AsyncGenerator<string> {
  let decoder: InstanceType<typeof TextDecoder> | undefined;
  let warned = false;
  for await (const chunk of chunks) {
    if (typeof chunk === 'string') {
      yield chunk;
      continue;
    }
    if (!decoder) {
      const binary = sniffBinary(chunk);
      if (binary) throw new FormatError(fileName, `this is ${binary}, not a text export of references`);
      const label =
        chunk[0] === 0xff && chunk[1] === 0xfe
          ? 'utf-16le'
          : chunk[0] === 0xfe && chunk[1] === 0xff
            ? 'utf-16be'
            : 'utf-8';
      decoder = new TextDecoder(label, { fatal: false });
    }
    const text = decoder.decode(chunk, { stream: true });
    if (!warned && text.includes('\ufffd')) {
      warned = true;
      warnings.push({
        message: `${fileName} has bytes that are not valid UTF-8; they were replaced by '\ufffd'`,
      });
    }
    yield text;
  }
  if (decoder) {
    const rest = decoder.decode();
    if (rest) yield rest;
  }
}

/**
 * Streams a large RIS, MEDLINE or Web of Science plain-text file: records come out in batches as the chunks arrive,
 * so memory stays bounded by the batch size whatever the file size. Records, warnings and
 * errors are exactly those of the whole-file parser (they share the same reader).
 */
export async function* parseStream(
  chunks: AsyncIterable<Uint8Array | string> | Iterable<Uint8Array | string>,
  options: ParseStreamOptions,
): AsyncGenerator<ParsedBatch> {
  const reader = READERS[options.format](options.fileName);
  const batchSize = options.batchSize ?? 1000;
  const decodeWarnings: FormatWarning[] = [];
  let batch: ParsedRecord[] = [];
  let decodeSent = 0;
  let lineNumber = 0;
  let pending = '';
  let first = true;
  const flush = (): ParsedBatch => {
    const warnings = [...decodeWarnings.slice(decodeSent), ...reader.warnings];
    decodeSent = decodeWarnings.length;
    // The reader's list would grow for the whole stream: empty it once its warnings are handed out.
    reader.warnings.length = 0;
    const out = { records: batch, warnings };
    batch = [];
    return out;
  };
  const feed = (line: string) => {
    lineNumber++;
    const record = reader.line(line, lineNumber);
    if (record) batch.push(record);
  };
  let heldCr = false;
  for await (let text of decodeChunks(chunks, options.fileName, decodeWarnings)) {
    if (text === '') continue;
    if (first) {
      text = text.replace(/^\ufeff/, '');
      first = false;
    }
    // A \r at the end of a chunk may be the first half of \r\n: hold it until the next chunk.
    if (heldCr) text = `\r${text}`;
    heldCr = text.endsWith('\r');
    if (heldCr) text = text.slice(0, -1);
    pending += text.replace(/\r\n?/g, '\n');
    let start = 0;
    for (let newline = pending.indexOf('\n'); newline !== -1; newline = pending.indexOf('\n', start)) {
      feed(pending.slice(start, newline));
      start = newline + 1;
      // A chunk can hold thousands of records: hand them out as they fill a batch.
      if (batch.length >= batchSize) yield flush();
    }
    pending = pending.slice(start);
  }
  if (heldCr) {
    feed(pending);
    pending = '';
  }
  if (pending.length > 0) feed(pending);
  const last = reader.end();
  if (last) batch.push(last);
  if (batch.length > 0 || reader.warnings.length > 0 || decodeWarnings.length > decodeSent) yield flush();
}

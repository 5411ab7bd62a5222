import { isUtf8 } from 'node:buffer';
import type { TextEncoding } from './decode-text.js';
import { FormatError } from './format-error.js';
import type { FormatId, FormatWarning } from './format-plugin.js';
import { detectFormat, getFormat, type ParseFileOptions, parseFile } from './registry.js';
import { type ParsedBatch, parseStream, type StreamFormatId } from './stream.js';
import { decodeUtf8Chunks } from './stream-decode.js';
import type { TableMapping } from './table/field-mapping.js';

const STREAM_FORMATS: readonly FormatId[] = ['ris', 'nbib', 'wos'];
const TABLE_FORMATS: readonly FormatId[] = ['csv', 'tsv', 'xlsx'];
/** Enough text for every plugin's detect() (RIS looks at the first 4,000 characters). */
const DETECT_BYTES = 64 * 1024;

export interface StreamFileOptions extends ParseFileOptions {
  /** Records per batch (default 1000). */
  batchSize?: number;
}

export interface FileStream {
  format: FormatId;
  encoding: TextEncoding | 'binary';
  /** CSV, TSV and XLSX: the columns and the mapping used. */
  table?: TableMapping;
  /** The records in file order, in batches; each batch carries the warnings raised since the last. */
  batches: AsyncIterable<ParsedBatch>;
  /**
   * Warnings about the bytes themselves (stray control characters), complete once `batches`
   * is exhausted; they belong before the parse warnings, as parseFile lists them.
   */
  decodeWarnings: FormatWarning[];
  /** How much of the file has been read, in [0, 1], for an estimate of the total on a progress bar. */
  progress(): number;
}

function* slices(bytes: Uint8Array, size: number, read: { bytes: number }): Generator<Uint8Array> {
  for (let start = 0; start < bytes.length; start += size) {
    const slice = bytes.subarray(start, start + size);
    read.bytes = start + slice.length;
    yield slice;
  }
}

function isBlank(bytes: Uint8Array): boolean {
  for (const byte of bytes)
    if (byte !== 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d) return false;
  return true;
}

/**
 * Can the file be decoded chunk by chunk? UTF-8 that validates whole (checked without decoding)
 * and has no NUL near the start (a UTF-16 file without a BOM is valid UTF-8 full of NULs).
 * Everything else (UTF-16, Windows-1252, binary) takes the whole-file decoder, which handles
 * and reports those cases; such files are rare and small.
 */
function streamableUtf8(bytes: Uint8Array): boolean {
  if (bytes.subarray(0, 4096).includes(0)) return false;
  return isUtf8(bytes);
}

/**
 * parseFile for imports of any size: a UTF-8 RIS, MEDLINE or Web of Science file is decoded and
 * parsed in chunks, so memory is bounded by the batch size, not the file; other formats and
 * encodings are parsed whole and handed out in batches. Records, warnings and errors are those
 * of parseFile (the same readers); errors surface while iterating, so the caller's transaction
 * rolls back whatever it stored.
 */
export async function streamFile(
  bytes: Uint8Array,
  fileName: string,
  options: StreamFileOptions = {},
): Promise<FileStream> {
  if (bytes.length === 0 || isBlank(bytes)) throw new FormatError(fileName, 'the file is empty');
  const batchSize = options.batchSize ?? 1000;
  const claimed = options.format ? getFormat(options.format) : undefined;
  let format: FormatId | undefined;
  if (claimed?.kind !== 'binary' && streamableUtf8(bytes)) {
    if (claimed) format = claimed.id;
    else {
      const head = new TextDecoder('utf-8').decode(bytes.subarray(0, DETECT_BYTES), { stream: true });
      format = detectFormat(head.replace(/\r\n?/g, '\n'), fileName)?.id;
    }
  }
  if (format && STREAM_FORMATS.includes(format)) {
    if (options.fieldMapping) refuseMapping(fileName, format);
    const decodeWarnings: FormatWarning[] = [];
    const read = { bytes: 0 };
    return {
      format,
      encoding: 'utf-8',
      decodeWarnings,
      progress: () => read.bytes / bytes.length,
      batches: parseStream(decodeUtf8Chunks(slices(bytes, 1024 * 1024, read), fileName, decodeWarnings), {
        fileName,
        format: format as StreamFormatId,
        batchSize,
      }),
    };
  }
  const parsed = await parseFile(bytes, fileName, options);
  if (options.fieldMapping && !TABLE_FORMATS.includes(parsed.format)) refuseMapping(fileName, parsed.format);
  let handedOut = 0;
  return {
    progress: () => (parsed.records.length === 0 ? 1 : handedOut / parsed.records.length),
    format: parsed.format,
    encoding: parsed.encoding,
    ...(parsed.table ? { table: parsed.table } : {}),
    decodeWarnings: [],
    batches: (async function* () {
      for (let start = 0; start < parsed.records.length; start += batchSize) {
        handedOut = Math.min(parsed.records.length, start + batchSize);
        yield {
          records: parsed.records.slice(start, start + batchSize),
          warnings: start === 0 ? parsed.warnings : [],
        };
      }
      if (parsed.records.length === 0 && parsed.warnings.length > 0)
        yield { records: [], warnings: parsed.warnings };
    })(),
  };
}

function refuseMapping(fileName: string, format: FormatId): never {
  throw new FormatError(
    fileName,
    `a column mapping applies to CSV, TSV and Excel files; this file was read as ${format}`,
  );
}

import iconv from 'iconv-lite';
import { sniffBinary, stripControlCharacters, type TextEncoding } from './decode-text.js';
import { FormatError } from './format-error.js';
import type { FormatId, FormatWarning, TextFormatPlugin } from './format-plugin.js';
import { detectFormat, extensionOf, formats, getFormat, type ParseFileOptions } from './registry.js';
import { type ParsedBatch, parseStream } from './stream.js';
import { decodeChunks } from './stream-decode.js';
import { HEAD_BYTES, probeBytes } from './stream-probe.js';
import { asChunkSource, type ByteSource, type ChunkSource, countBytes, skipBytes } from './stream-source.js';
import type { TableMapping } from './table/field-mapping.js';
import { openDelimitedStream } from './table/stream-delimited.js';
import { openXlsxStream } from './table/stream-xlsx.js';
import { xlsxPlugin } from './table/xlsx-plugin.js';
import { ENDNOTE_XML_STREAM, PUBMED_XML_STREAM, streamXmlRecords } from './xml/stream-xml-records.js';

const TABLE_FORMATS: readonly FormatId[] = ['csv', 'tsv', 'xlsx'];

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
   * Warnings about the bytes themselves (not UTF-8, stray control characters), complete once
   * `batches` is exhausted; they belong before the parse warnings, as parseFile lists them.
   */
  decodeWarnings: FormatWarning[];
  /** How much of the file has been read, in [0, 1], for an estimate of the total on a progress bar. */
  progress(): number;
}

async function readHead(source: ChunkSource): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  let length = 0;
  for await (const chunk of source.chunks()) {
    parts.push(chunk.subarray(0, HEAD_BYTES - length));
    length += parts[parts.length - 1]?.byteLength ?? 0;
    if (length >= HEAD_BYTES) break;
  }
  return new Uint8Array(Buffer.concat(parts));
}

/** The start of the file as text, for format detection and the CSV delimiter. */
function headText(head: Uint8Array, encoding: TextEncoding, skip: number): string {
  const bytes = head.subarray(skip);
  const text =
    encoding === 'utf-8'
      ? new TextDecoder('utf-8').decode(bytes, { stream: true })
      : iconv.decode(Buffer.from(bytes), encoding === 'windows-1252' ? 'win1252' : encoding);
  return stripControlCharacters(text.replace(/\r\n?/g, '\n'));
}

/** Gathers the decoded text for a format that is parsed whole (BibTeX: see parseText). */
async function parseText(
  text: AsyncIterable<string>,
  plugin: TextFormatPlugin,
  options: StreamFileOptions & { fileName: string },
  batchSize: number,
): Promise<AsyncGenerator<ParsedBatch>> {
  return (async function* () {
    const parts: string[] = [];
    for await (const piece of text) parts.push(piece);
    const whole = parts.join('');
    if (whole.trim() === '') throw new FormatError(options.fileName, 'the file is empty');
    const parsed = plugin.parse(whole, {
      fileName: options.fileName,
      columnMapping: options.columnMapping,
      fieldMapping: options.fieldMapping,
    });
    for (let start = 0; start < parsed.records.length; start += batchSize)
      yield {
        records: parsed.records.slice(start, start + batchSize),
        warnings: start === 0 ? parsed.warnings : [],
      };
    if (parsed.records.length === 0 && parsed.warnings.length > 0)
      yield { records: [], warnings: parsed.warnings };
  })();
}

/**
 * parseFile for imports of any size, reading the bytes as a stream of chunks (a stored upload,
 * or a buffer sliced into views). The encoding is decided as decodeText decides it, in a first
 * pass that does not decode (probeBytes); the text is then decoded chunk by chunk in that
 * encoding and parsed as it comes: RIS, MEDLINE and Web of Science line by line, CSV and TSV
 * with csv-parse's stream, PubMed and EndNote XML record by record, Excel with exceljs's
 * streaming reader. Memory is bounded by a chunk and a batch, not the file. BibTeX is the
 * exception: @string macros and crossref may refer to entries anywhere in the file, so its
 * text is gathered and parsed whole (bibliographies are small). Records, warnings and errors
 * are those of parseFile; errors surface while iterating, so the caller's transaction rolls
 * back whatever it stored.
 */
export async function streamFile(
  input: ByteSource,
  fileName: string,
  options: StreamFileOptions = {},
): Promise<FileStream> {
  const source = asChunkSource(input);
  if (source.byteSize === 0) throw new FormatError(fileName, 'the file is empty');
  const batchSize = options.batchSize ?? 1000;
  const claimed = options.format ? getFormat(options.format) : undefined;
  const read = { bytes: 0 };
  const progress = () => Math.min(1, read.bytes / source.byteSize);
  const counted = () => countBytes(source.chunks(), read);

  const head = await readHead(source);
  const isZip = head[0] === 0x50 && head[1] === 0x4b;
  if (
    claimed?.kind === 'binary' ||
    (!claimed && isZip && xlsxPlugin.extensions.includes(extensionOf(fileName)))
  ) {
    if (!isZip)
      throw new FormatError(fileName, 'not an Excel .xlsx workbook (an .xlsx file is a ZIP archive)');
    const table = await openXlsxStream(counted(), {
      fileName,
      batchSize,
      ...(options.fieldMapping ? { fieldMapping: options.fieldMapping } : {}),
      ...(options.columnMapping ? { columnMapping: options.columnMapping } : {}),
    });
    return { format: 'xlsx', encoding: 'binary', decodeWarnings: [], progress, ...table };
  }

  const binary = sniffBinary(head);
  if (binary) throw new FormatError(fileName, `this is ${binary}, not a text export of references`);
  const probe = await probeBytes(source, fileName);
  if (probe.blank) throw new FormatError(fileName, 'the file is empty');
  const start = headText(probe.head, probe.encoding, probe.skip);
  if (start.trim() === '' && source.byteSize <= HEAD_BYTES)
    throw new FormatError(fileName, 'the file is empty');
  const plugin = claimed ?? detectFormat(start, fileName);
  if (plugin?.kind !== 'text') {
    const names = formats.map((format) => format.id).join(', ');
    throw new FormatError(fileName, `not a recognised reference format (tried ${names})`, { line: 1 });
  }
  if (options.fieldMapping && !TABLE_FORMATS.includes(plugin.id)) refuseMapping(fileName, plugin.id);
  const decodeWarnings: FormatWarning[] = probe.warning ? [probe.warning] : [];
  const text = decodeChunks(skipBytes(counted(), probe.skip), fileName, decodeWarnings, probe.encoding);
  const base = { format: plugin.id, encoding: probe.encoding, decodeWarnings, progress };
  switch (plugin.id) {
    case 'ris':
    case 'nbib':
    case 'wos':
      return { ...base, batches: parseStream(text, { fileName, format: plugin.id, batchSize }) };
    case 'csv':
    case 'tsv':
    case 'wos-tab': {
      const table = await openDelimitedStream(text, {
        format: plugin.id,
        head: start,
        fileName,
        batchSize,
        ...(options.fieldMapping ? { fieldMapping: options.fieldMapping } : {}),
        ...(options.columnMapping ? { columnMapping: options.columnMapping } : {}),
      });
      return { ...base, ...table };
    }
    case 'pubmed-xml':
      return { ...base, batches: streamXmlRecords(text, PUBMED_XML_STREAM, fileName, batchSize) };
    case 'endnote-xml':
      return { ...base, batches: streamXmlRecords(text, ENDNOTE_XML_STREAM, fileName, batchSize) };
    default:
      return { ...base, batches: await parseText(text, plugin, { ...options, fileName }, batchSize) };
  }
}

function refuseMapping(fileName: string, format: FormatId): never {
  throw new FormatError(
    fileName,
    `a column mapping applies to CSV, TSV and Excel files; this file was read as ${format}`,
  );
}

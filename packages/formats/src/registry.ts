import { bibtexPlugin } from './bibtex/bibtex-plugin.js';
import { type DecodedText, decodeText, type TextEncoding } from './decode-text.js';
import { FormatError } from './format-error.js';
import type { FormatId, FormatPlugin, ParseOptions, ParseResult } from './format-plugin.js';
import { nbibPlugin } from './nbib/nbib-plugin.js';
import { risPlugin } from './ris/ris-plugin.js';
import { csvPlugin, tsvPlugin } from './table/csv-plugin.js';
import { xlsxPlugin } from './table/xlsx-plugin.js';
import { wosPlainPlugin, wosTabPlugin } from './wos/wos-tab-plugin.js';
import { endnoteXmlPlugin } from './xml/endnote-xml-plugin.js';
import { pubmedXmlPlugin } from './xml/pubmed-xml-plugin.js';

/** Every format, most specific first (detection ties go to the earlier one). */
export const formats: readonly FormatPlugin[] = [
  risPlugin,
  nbibPlugin,
  pubmedXmlPlugin,
  endnoteXmlPlugin,
  bibtexPlugin,
  wosTabPlugin,
  wosPlainPlugin,
  tsvPlugin,
  csvPlugin,
  xlsxPlugin,
];

export function getFormat(id: FormatId): FormatPlugin {
  const plugin = formats.find((format) => format.id === id);
  if (!plugin) throw new Error(`unknown format '${id}'`);
  return plugin;
}

export function extensionOf(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  return dot === -1 ? '' : fileName.slice(dot + 1).toLowerCase();
}

/**
 * Picks the format of a decoded file: content decides, the extension breaks ties (a .txt
 * can be RIS, MEDLINE or Web of Science). Returns undefined when nothing fits.
 */
export function detectFormat(input: string, fileName: string): FormatPlugin | undefined {
  const text = input.replace(/^\ufeff/, '');
  const extension = extensionOf(fileName);
  let best: FormatPlugin | undefined;
  let bestScore = 0;
  for (const plugin of formats) {
    if (plugin.kind !== 'text') continue;
    const content = plugin.detect(text);
    if (content <= 0) continue;
    const score = content + (plugin.extensions.includes(extension) ? 0.1 : 0);
    if (score > bestScore) {
      best = plugin;
      bestScore = score;
    }
  }
  return best;
}

export interface ParseFileOptions {
  /** Skip detection: the caller (or the user) says what the file is. */
  format?: FormatId;
  columnMapping?: ParseOptions['columnMapping'];
  fieldMapping?: ParseOptions['fieldMapping'];
}

export interface ParseFileResult extends ParseResult {
  format: FormatId;
  encoding: TextEncoding | 'binary';
}

/**
 * Bytes in, records out. Decodes text (reporting a Windows-1252 fallback as a warning),
 * detects the format unless one is given, and parses. Every unrecoverable problem is a
 * FormatError naming the file (and line when there is one); nothing is half-imported.
 */
export async function parseFile(
  bytes: Uint8Array,
  fileName: string,
  options: ParseFileOptions = {},
): Promise<ParseFileResult> {
  if (bytes.length === 0) throw new FormatError(fileName, 'the file is empty');
  const claimed = options.format ? getFormat(options.format) : undefined;
  const isZip = bytes[0] === 0x50 && bytes[1] === 0x4b;
  const binary =
    claimed?.kind === 'binary'
      ? claimed
      : !claimed && isZip && xlsxPlugin.extensions.includes(extensionOf(fileName))
        ? xlsxPlugin
        : undefined;
  const parseOptions: ParseOptions = {
    fileName,
    columnMapping: options.columnMapping,
    fieldMapping: options.fieldMapping,
  };
  if (binary?.kind === 'binary') {
    const result = await binary.parseBytes(bytes, parseOptions);
    return { ...result, format: binary.id, encoding: 'binary' };
  }
  const decoded: DecodedText = decodeText(bytes, fileName);
  if (decoded.text.trim() === '') throw new FormatError(fileName, 'the file is empty');
  const plugin = claimed ?? detectFormat(decoded.text, fileName);
  if (plugin?.kind !== 'text') {
    const names = formats.map((format) => format.id).join(', ');
    throw new FormatError(fileName, `not a recognised reference format (tried ${names})`, { line: 1 });
  }
  const result = plugin.parse(decoded.text, parseOptions);
  return {
    records: result.records,
    warnings: [...decoded.warnings, ...result.warnings],
    format: plugin.id,
    encoding: decoded.encoding,
    ...(result.table ? { table: result.table } : {}),
  };
}

export { formatBibtex } from './bibtex/bibtex-format.js';
export { bibtexPlugin } from './bibtex/bibtex-plugin.js';
export * from './classification/index.js';
export * from './codebook/index.js';
export * from './decisions/index.js';
export { type DecodedText, decodeText, normaliseLineEndings, type TextEncoding } from './decode-text.js';
export { FormatError, isFormatError } from './format-error.js';
export type {
  BinaryFormatPlugin,
  FormatId,
  FormatPlugin,
  FormatWarning,
  ParsedRecord,
  ParseOptions,
  ParseResult,
  TextFormatPlugin,
} from './format-plugin.js';
export { nbibPlugin } from './nbib/nbib-plugin.js';
export * from './qdpx/index.js';
export {
  detectFormat,
  extensionOf,
  formats,
  getFormat,
  type ParseFileOptions,
  type ParseFileResult,
  parseFile,
} from './registry.js';
export { formatRis } from './ris/ris-format.js';
export { risPlugin } from './ris/ris-plugin.js';
export { type ParsedBatch, type ParseStreamOptions, parseStream, type StreamFormatId } from './stream.js';
export { type FileStream, type StreamFileOptions, streamFile } from './stream-file.js';
export { type CsvCell, formatCsvText } from './support/csv-text.js';
export { isDoiValue, normaliseDoi } from './support/doi.js';
export { formatPersonName, parsePersonName } from './support/person-name.js';
export { parseYear } from './support/year.js';
export {
  type ColumnMapping,
  type ColumnTarget,
  guessColumnMapping,
  HEADER_SYNONYMS,
} from './table/column-mapping.js';
export { csvPlugin, tsvPlugin } from './table/csv-plugin.js';
export {
  applyFieldMapping,
  type FieldMapping,
  fieldsOfMapping,
  resolveTableMapping,
  TABLE_FIELDS,
  type TableField,
  type TableMapping,
} from './table/field-mapping.js';
export { parseTable, splitAuthors, type Table } from './table/parse-table.js';
export { readDelimited } from './table/read-delimited.js';
export { formatCsv } from './table/table-format.js';
export { formatXlsx, readXlsx, xlsxPlugin } from './table/xlsx-plugin.js';
export { WOS_TAB_MAPPING, wosPlainPlugin, wosTabPlugin } from './wos/wos-tab-plugin.js';
export { endnoteXmlPlugin } from './xml/endnote-xml-plugin.js';
export { pubmedXmlPlugin } from './xml/pubmed-xml-plugin.js';

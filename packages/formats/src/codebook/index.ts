export { CODEBOOK_CSV_COLUMNS, formatCodebookCsv, readCodebookCsv } from './codebook-csv.js';
export {
  type CodebookDraft,
  type CodebookExchangeCode,
  type CodebookFormat,
  countCodes,
  PATH_SEPARATOR,
} from './codebook-draft.js';
export { formatCodebookMarkdown, readCodebookMarkdown } from './codebook-markdown.js';
export { codebookFormatOf, readCodebookFile } from './read-codebook-file.js';

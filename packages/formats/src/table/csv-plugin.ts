import { FormatError, quoteSnippet } from '../format-error.js';
import type { TextFormatPlugin } from '../format-plugin.js';
import { resolveTableMapping } from './field-mapping.js';
import { parseTable } from './parse-table.js';
import { delimitedScore, readDelimited } from './read-delimited.js';
import { formatCsv } from './table-format.js';

/**
 * Excel in locales with a decimal comma (much of Europe) saves "CSV" with semicolons: use
 * them when the header row has more semicolons than commas outside quotes.
 */
export function csvDelimiter(text: string): ',' | ';' {
  const header = (text.split('\n', 1)[0] ?? '').replace(/"[^"]*"/g, '');
  const count = (char: string) => header.split(char).length - 1;
  return count(';') > count(',') ? ';' : ',';
}

function delimitedPlugin(id: 'csv' | 'tsv', delimiter: ',' | '\t'): TextFormatPlugin {
  return {
    kind: 'text',
    id,
    label: id === 'csv' ? 'CSV (ASReview, Covidence, Rayyan, Scopus, Zotero…)' : 'Tab-separated values',
    extensions: id === 'csv' ? ['csv'] : ['tsv', 'tab', 'txt'],
    detect: (text) =>
      id === 'csv'
        ? Math.max(delimitedScore(text, ','), delimitedScore(text, ';'))
        : delimitedScore(text, delimiter),
    parse(text, { fileName, columnMapping, fieldMapping }) {
      const used = id === 'csv' ? csvDelimiter(text) : delimiter;
      const { table, warnings } = readDelimited(text, used, fileName);
      const resolved = resolveTableMapping(table.headers, fieldMapping, fileName);
      const mapping = columnMapping ?? resolved.columnMapping;
      const [only] = table.headers;
      if (table.headers.length === 1 && only !== undefined && mapping[only] === 'extra') {
        // One unrecognised column almost always means the file is not a table (or uses another delimiter).
        const name = used === ',' ? 'comma' : used === ';' ? 'semicolon' : 'tab';
        throw new FormatError(
          fileName,
          `expected a header row of ${name}-separated column names, found '${quoteSnippet(only)}'`,
          { line: 1 },
        );
      }
      const result = parseTable(table, mapping, { fileName });
      return { records: result.records, warnings: [...warnings, ...result.warnings], table: resolved.table };
    },
    format: (records) => formatCsv(records, delimiter),
  };
}

export const csvPlugin = delimitedPlugin('csv', ',');
export const tsvPlugin = delimitedPlugin('tsv', '\t');

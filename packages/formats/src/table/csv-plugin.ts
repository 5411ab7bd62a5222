import { FormatError, quoteSnippet } from '../format-error.js';
import type { TextFormatPlugin } from '../format-plugin.js';
import { guessColumnMapping } from './column-mapping.js';
import { parseTable } from './parse-table.js';
import { delimitedScore, readDelimited } from './read-delimited.js';
import { formatCsv } from './table-format.js';

function delimitedPlugin(id: 'csv' | 'tsv', delimiter: ',' | '\t'): TextFormatPlugin {
  return {
    kind: 'text',
    id,
    label: id === 'csv' ? 'CSV (ASReview, Covidence, Rayyan, Scopus, Zotero…)' : 'Tab-separated values',
    extensions: id === 'csv' ? ['csv'] : ['tsv', 'tab', 'txt'],
    detect: (text) => delimitedScore(text, delimiter),
    parse(text, { fileName, columnMapping }) {
      const { table, warnings } = readDelimited(text, delimiter, fileName);
      const mapping = columnMapping ?? guessColumnMapping(table.headers);
      const [only] = table.headers;
      if (table.headers.length === 1 && only !== undefined && mapping[only] === 'extra') {
        // One unrecognised column almost always means the file is not a table (or uses another delimiter).
        const name = delimiter === ',' ? 'comma' : 'tab';
        throw new FormatError(
          fileName,
          `expected a header row of ${name}-separated column names, found '${quoteSnippet(only)}'`,
          { line: 1 },
        );
      }
      const result = parseTable(table, mapping, { fileName });
      return { records: result.records, warnings: [...warnings, ...result.warnings] };
    },
    format: (records) => formatCsv(records, delimiter),
  };
}

export const csvPlugin = delimitedPlugin('csv', ',');
export const tsvPlugin = delimitedPlugin('tsv', '\t');

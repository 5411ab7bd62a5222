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
      const result = parseTable(table, columnMapping ?? guessColumnMapping(table.headers), { fileName });
      return { records: result.records, warnings: [...warnings, ...result.warnings] };
    },
    format: (records) => formatCsv(records, delimiter),
  };
}

export const csvPlugin = delimitedPlugin('csv', ',');
export const tsvPlugin = delimitedPlugin('tsv', '\t');

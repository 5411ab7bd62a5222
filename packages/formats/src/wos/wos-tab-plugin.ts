import { FormatError, quoteSnippet } from '../format-error.js';
import type { TextFormatPlugin } from '../format-plugin.js';
import { readAllLines } from '../support/line-reader.js';
import type { ColumnMapping } from '../table/column-mapping.js';
import { parseTable } from '../table/parse-table.js';
import { readDelimited } from '../table/read-delimited.js';
import { WosPlainReader } from './wos-plain-reader.js';

/**
 * Web of Science "Tab-delimited file" field tags (Clarivate, Web of Science Core Collection
 * field tags). Tags not listed (C1, CR, TC, WC, ID Keywords Plus…) are kept in `extra`.
 * PG is a page count here, not a page range, so it is deliberately not mapped to pages.
 */
export const WOS_TAB_MAPPING: ColumnMapping = {
  UT: 'sourceId',
  TI: 'title',
  AF: 'authors',
  SO: 'container',
  JI: 'containerAbbreviation',
  VL: 'volume',
  IS: 'issue',
  BP: 'startPage',
  EP: 'endPage',
  DI: 'doi',
  PM: 'pmid',
  SN: 'issn',
  EI: 'issn',
  BN: 'isbn',
  AB: 'abstract',
  DE: 'keywords',
  PY: 'year',
  LA: 'language',
  DT: 'publicationType',
};

export const wosPlainPlugin: TextFormatPlugin = {
  kind: 'text',
  id: 'wos',
  label: 'Web of Science plain text',
  extensions: ['txt', 'ciw'],
  detect(text) {
    const head = text.slice(0, 4000).replace(/^\ufeff/, '');
    if (/^FN (?:Thomson Reuters|Clarivate)/.test(head)) return 0.95;
    return /^PT [A-Z]\n/m.test(head) && /^ER\s*$/m.test(text) ? 0.8 : 0;
  },
  parse(text, { fileName }) {
    const reader = new WosPlainReader(fileName);
    const records = readAllLines(reader, text);
    return { records, warnings: reader.warnings };
  },
};

export const wosTabPlugin: TextFormatPlugin = {
  kind: 'text',
  id: 'wos-tab',
  label: 'Web of Science tab-delimited',
  extensions: ['txt', 'tsv', 'tab'],
  detect(text) {
    const header = text.slice(0, text.indexOf('\n') === -1 ? text.length : text.indexOf('\n'));
    return /^PT\t/.test(header) && /\tTI\t/.test(header) ? 0.95 : 0;
  },
  parse(text, { fileName, columnMapping }) {
    const { table, warnings } = readDelimited(text, '\t', fileName);
    if (!table.headers.includes('PT') || !table.headers.includes('TI')) {
      throw new FormatError(
        fileName,
        `expected a header row of Web of Science field tags (PT, AU, TI…), found '${quoteSnippet(table.headers.join(' '))}'`,
        { line: 1 },
      );
    }
    const au = table.headers.indexOf('AU');
    const af = table.headers.indexOf('AF');
    // Records from before 2006 have no full names (AF); their AU is then the author list.
    if (au >= 0 && af >= 0) {
      for (const row of table.rows) {
        if (!row[af]?.trim() && row[au]?.trim()) {
          row[af] = row[au] as string;
          row[au] = '';
        }
      }
    }
    const result = parseTable(table, columnMapping ?? WOS_TAB_MAPPING, { fileName });
    return { records: result.records, warnings: [...warnings, ...result.warnings] };
  },
};

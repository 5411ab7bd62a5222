import { FormatError, quoteSnippet } from '../format-error.js';
import { formatCsvText } from '../support/csv-text.js';
import { readDelimited } from '../table/read-delimited.js';
import {
  type CodebookDraft,
  type CodebookExchangeCode,
  checkName,
  DETAIL_FIELDS,
  emptyDraft,
  nameKey,
  PATH_SEPARATOR,
  parseColour,
  parseShortcut,
} from './codebook-draft.js';

/*
 * The codebook as CSV: one row per code, parents before children, columns
 * `path,name,description,inclusion,exclusion,example,colour,shortcut`. `path` is the code's full
 * path from the top ("Motivation > Purpose"), `name` its own name (the path's last part). Either
 * may be left empty when the other says it all; a path whose parents have no row of their own
 * creates them without guidance.
 */

export const CODEBOOK_CSV_COLUMNS = ['path', 'name', ...DETAIL_FIELDS] as const;

export function formatCodebookCsv(codes: readonly CodebookExchangeCode[]): string {
  const rows: string[][] = [];
  const walk = (nodes: readonly CodebookExchangeCode[], parents: string[]) => {
    for (const code of nodes) {
      const path = [...parents, code.name];
      rows.push([
        path.join(PATH_SEPARATOR),
        code.name,
        code.description,
        code.inclusion,
        code.exclusion,
        code.example,
        code.colour ?? '',
        code.shortcut ?? '',
      ]);
      walk(code.children, path);
    }
  };
  walk(codes, []);
  return formatCsvText(CODEBOOK_CSV_COLUMNS, rows);
}

const HEADER_NAMES: Record<string, (typeof CODEBOOK_CSV_COLUMNS)[number]> = {
  path: 'path',
  'code path': 'path',
  name: 'name',
  code: 'name',
  'code name': 'name',
  description: 'description',
  definition: 'description',
  inclusion: 'inclusion',
  'use when': 'inclusion',
  exclusion: 'exclusion',
  'do not use when': 'exclusion',
  example: 'example',
  colour: 'colour',
  color: 'colour',
  shortcut: 'shortcut',
  'shortcut key': 'shortcut',
};

export function readCodebookCsv(text: string, fileName: string): CodebookDraft[] {
  const { table } = readDelimited(text, ',', fileName);
  const column = new Map<string, number>();
  table.headers.forEach((header, index) => {
    const known = HEADER_NAMES[header.trim().toLowerCase()];
    if (known && !column.has(known)) column.set(known, index);
  });
  if (!column.has('path') && !column.has('name'))
    throw new FormatError(
      fileName,
      `no 'path' or 'name' column: the header should be ${CODEBOOK_CSV_COLUMNS.join(',')}, found ${table.headers.map((h) => `'${quoteSnippet(h, 20)}'`).join(', ')}`,
      { line: 1 },
    );

  const roots: CodebookDraft[] = [];
  /** Codes by their normalised full path, and whether a row named them (not only a child's path). */
  const byPath = new Map<string, { draft: CodebookDraft; explicit: boolean }>();
  const childrenOf = (parentKey: string | null) =>
    parentKey === null ? roots : (byPath.get(parentKey)?.draft.children as CodebookDraft[]);
  const ensure = (pathText: string, line: number): string => {
    const key = nameKey(pathText);
    if (byPath.has(key)) return key;
    const cut = pathText.lastIndexOf(PATH_SEPARATOR);
    const parentKey = cut < 0 ? null : ensure(pathText.slice(0, cut), line);
    const draft = emptyDraft(
      checkName(pathText.slice(cut < 0 ? 0 : cut + PATH_SEPARATOR.length), fileName, line),
      line,
    );
    childrenOf(parentKey).push(draft);
    byPath.set(key, { draft, explicit: false });
    return key;
  };

  table.rows.forEach((row, index) => {
    const line = table.rowLines?.[index] ?? index + 2;
    const cell = (name: string) => {
      const at = column.get(name);
      return at === undefined ? '' : (row[at] ?? '');
    };
    if (row.every((c) => c.trim() === '')) return;
    const pathCell = cell('path').trim();
    const nameCell = cell('name').trim();
    let parentPath: string | null;
    let name: string;
    if (pathCell === '') {
      name = checkName(nameCell, fileName, line);
      parentPath = null;
    } else if (nameCell === '' || nameKey(pathCell) === nameKey(nameCell)) {
      const cut = pathCell.lastIndexOf(PATH_SEPARATOR);
      name = checkName(nameCell || pathCell.slice(cut < 0 ? 0 : cut + PATH_SEPARATOR.length), fileName, line);
      parentPath = nameKey(pathCell) === nameKey(nameCell) || cut < 0 ? null : pathCell.slice(0, cut);
    } else {
      const suffix = `${PATH_SEPARATOR}${nameCell}`;
      if (!nameKey(pathCell).endsWith(nameKey(suffix)))
        throw new FormatError(
          fileName,
          `the path '${quoteSnippet(pathCell, 60)}' does not end with the code's name '${quoteSnippet(nameCell)}'`,
          { line },
        );
      name = checkName(nameCell, fileName, line);
      parentPath = pathCell.slice(0, pathCell.length - suffix.length).trim();
    }
    const parentKey = parentPath === null ? null : ensure(parentPath, line);
    const key = parentKey === null ? nameKey(name) : `${parentKey}${PATH_SEPARATOR}${nameKey(name)}`;
    const known = byPath.get(key);
    if (known?.explicit)
      throw new FormatError(
        fileName,
        `the code '${quoteSnippet(pathCell || name, 60)}' is already on line ${known.draft.line}`,
        {
          line,
        },
      );
    const draft = known?.draft ?? emptyDraft(name, line);
    Object.assign(draft, {
      name,
      line,
      description: cell('description'),
      inclusion: cell('inclusion'),
      exclusion: cell('exclusion'),
      example: cell('example'),
      colour: parseColour(cell('colour'), fileName, line),
      shortcut: parseShortcut(cell('shortcut'), fileName, line),
    });
    if (!known) childrenOf(parentKey).push(draft);
    byPath.set(key, { draft, explicit: true });
  });
  if (roots.length === 0) throw new FormatError(fileName, 'the file has no codes');
  return roots;
}

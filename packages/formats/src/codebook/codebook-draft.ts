import { FormatError } from '../format-error.js';

/**
 * A code as a codebook file holds it: the code's guidance and its children. Readers produce
 * drafts (with the line each came from, for errors the importer finds later); writers take any
 * tree of this shape, so the API's codebook nodes can be written directly.
 */
export interface CodebookExchangeCode {
  name: string;
  description: string;
  inclusion: string;
  exclusion: string;
  example: string;
  colour: string | null;
  shortcut: string | null;
  children: readonly CodebookExchangeCode[];
}

export interface CodebookDraft extends CodebookExchangeCode {
  /** The line of the file that names this code (for a code only implied by a path, the first child's). */
  line: number;
  children: CodebookDraft[];
}

export type CodebookFormat = 'csv' | 'markdown';

/** Details a code can carry besides its name, in file order. */
export const DETAIL_FIELDS = [
  'description',
  'inclusion',
  'exclusion',
  'example',
  'colour',
  'shortcut',
] as const;
export type DetailField = (typeof DETAIL_FIELDS)[number];

/** The separator of a code path: "Parent > Child". */
export const PATH_SEPARATOR = ' > ';

export function emptyDraft(name: string, line: number): CodebookDraft {
  return {
    name,
    description: '',
    inclusion: '',
    exclusion: '',
    example: '',
    colour: null,
    shortcut: null,
    line,
    children: [],
  };
}

/** Names compare as the codebook compares them: case and spacing do not make a new code. */
export function nameKey(name: string): string {
  return name.trim().replace(/\s+/g, ' ').toLocaleLowerCase('en');
}

/** A colour as the codebook stores it (#rrggbb, lower case); #rgb is widened; empty is none. */
export function parseColour(value: string, fileName: string, line: number): string | null {
  const v = value.trim();
  if (v === '') return null;
  const short = /^#?([0-9a-f])([0-9a-f])([0-9a-f])$/i.exec(v);
  if (short) return `#${short[1]}${short[1]}${short[2]}${short[2]}${short[3]}${short[3]}`.toLowerCase();
  const long = /^#?([0-9a-f]{6})$/i.exec(v);
  if (long) return `#${long[1]}`.toLowerCase();
  throw new FormatError(fileName, `colour '${v}' is not a colour like #e03131`, { line });
}

export function parseShortcut(value: string, fileName: string, line: number): string | null {
  const v = value.trim();
  if (v === '') return null;
  if (v.length > 20)
    throw new FormatError(fileName, `shortcut '${v.slice(0, 20)}…' is longer than 20 characters`, { line });
  return v;
}

export function checkName(name: string, fileName: string, line: number): string {
  const n = name.trim();
  if (n === '') throw new FormatError(fileName, 'a code has no name', { line });
  if (n.length > 200)
    throw new FormatError(fileName, `the name '${n.slice(0, 40)}…' is longer than 200 characters`, { line });
  return n;
}

/** Counts the codes of a tree. */
export function countCodes(codes: readonly CodebookExchangeCode[]): number {
  return codes.reduce((sum, c) => sum + 1 + countCodes(c.children), 0);
}

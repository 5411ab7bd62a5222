import { FormatError, quoteSnippet } from '../format-error.js';
import {
  type CodebookDraft,
  type CodebookExchangeCode,
  checkName,
  type DetailField,
  emptyDraft,
  nameKey,
  parseColour,
  parseShortcut,
} from './codebook-draft.js';

/*
 * The codebook as Markdown: a nested bullet list, one bullet per code, its guidance as
 * "Label: text" lines indented under the bullet. A value runs on over lines indented deeper
 * than its label (blank lines in between are kept as paragraph breaks). Lines starting with '#'
 * (a title) and HTML comments are skipped. For example:
 *
 *   # Codebook
 *
 *   - Motivation and purpose
 *     Description: Why organisations take part.
 *     Colour: #e03131
 *     Shortcut: 1
 *     - Shared purpose
 *       Use when: the text names a goal the partners share.
 *       Example: "We all wanted the same thing."
 *
 * The reader is lenient: '-', '*', '+' or '1.' bullets, any consistent indentation (tabs count as
 * four spaces), **bold** names, a line of plain text under a bullet taken as its description, and
 * unlabelled lines at a value's own depth taken as more of that value.
 */

const LABELS: Record<DetailField, string> = {
  description: 'Description',
  inclusion: 'Use when',
  exclusion: 'Do not use when',
  example: 'Example',
  colour: 'Colour',
  shortcut: 'Shortcut',
};

const LABEL_WORDS: Record<string, DetailField> = {
  description: 'description',
  definition: 'description',
  'use when': 'inclusion',
  inclusion: 'inclusion',
  include: 'inclusion',
  'do not use when': 'exclusion',
  "don't use when": 'exclusion',
  exclusion: 'exclusion',
  exclude: 'exclusion',
  example: 'example',
  colour: 'colour',
  color: 'colour',
  shortcut: 'shortcut',
  'shortcut key': 'shortcut',
};

export function formatCodebookMarkdown(codes: readonly CodebookExchangeCode[], title = 'Codebook'): string {
  const out: string[] = [`# ${title}`, ''];
  const walk = (nodes: readonly CodebookExchangeCode[], depth: number) => {
    const pad = '  '.repeat(depth);
    for (const code of nodes) {
      out.push(`${pad}- ${code.name}`);
      const values: [DetailField, string][] = [
        ['description', code.description],
        ['inclusion', code.inclusion],
        ['exclusion', code.exclusion],
        ['example', code.example],
        ['colour', code.colour ?? ''],
        ['shortcut', code.shortcut ?? ''],
      ];
      for (const [field, value] of values) {
        if (value.trim() === '') continue;
        const [first, ...rest] = value.replace(/\r\n?/g, '\n').split('\n');
        out.push(`${pad}  ${LABELS[field]}: ${first}`);
        // A continuation line that looks like a bullet would read as a child code: escape it.
        for (const more of rest)
          out.push(
            more.trim() === ''
              ? ''
              : `${pad}    ${BULLET.test(more.trimStart()) ? more.replace(/^(\s*)/, '$1\\') : more}`,
          );
      }
      walk(code.children, depth + 1);
    }
  };
  walk(codes, 0);
  return `${out.join('\n')}\n`;
}

const BULLET = /^(?:[-*+]|\d{1,9}[.)])\s+(.*)$/;

function indentOf(line: string): number {
  let width = 0;
  for (const ch of line) {
    if (ch === ' ') width++;
    else if (ch === '\t') width += 4 - (width % 4);
    else break;
  }
  return width;
}

function unbold(name: string): string {
  const m = /^(\*\*|__)(.+)\1$/.exec(name.trim());
  return (m ? (m[2] as string) : name).trim();
}

/** Strips `width` columns of indentation (tabs count to the next multiple of four). */
function dedent(line: string, width: number): string {
  let at = 0;
  let col = 0;
  while (at < line.length && col < width) {
    const ch = line[at];
    if (ch === ' ') col++;
    else if (ch === '\t') col += 4 - (col % 4);
    else break;
    at++;
  }
  return line.slice(at);
}

export function readCodebookMarkdown(text: string, fileName: string): CodebookDraft[] {
  const lines = text
    .replace(/^\ufeff/, '')
    .replace(/\r\n?/g, '\n')
    .split('\n');
  const roots: CodebookDraft[] = [];
  const stack: { indent: number; draft: CodebookDraft }[] = [];
  /** The value being read: which code and field, the label line's indentation, blank lines held back. */
  let field: {
    draft: CodebookDraft;
    name: DetailField;
    indent: number;
    blanks: number;
    lines: string[];
  } | null = null;
  let inComment = false;

  const finish = () => {
    if (!field) return;
    const value = field.lines.join('\n').trim();
    const { draft, name } = field;
    const line = draft.line;
    if (name === 'colour') draft.colour = parseColour(value, fileName, line);
    else if (name === 'shortcut') draft.shortcut = parseShortcut(value, fileName, line);
    else draft[name] = draft[name] ? `${draft[name]}\n\n${value}` : value;
    field = null;
  };

  lines.forEach((raw, index) => {
    const line = index + 1;
    const trimmed = raw.trim();
    if (inComment) {
      if (trimmed.includes('-->')) inComment = false;
      return;
    }
    if (trimmed.startsWith('<!--')) {
      inComment = !trimmed.includes('-->');
      return;
    }
    if (trimmed === '') {
      if (field) field.blanks++;
      return;
    }
    const indent = indentOf(raw);
    const labelled = /^([A-Za-z' ]{3,20}):\s*(.*)$/.exec(trimmed);
    const known = labelled ? LABEL_WORDS[(labelled[1] as string).trim().toLowerCase()] : undefined;
    // Deeper lines continue a value; so do unlabelled lines at its own depth (a wrapped paragraph).
    if (field && !BULLET.test(trimmed) && (indent > field.indent || (indent === field.indent && !known))) {
      for (; field.blanks > 0; field.blanks--) field.lines.push('');
      field.lines.push(
        dedent(raw, field.indent + 2)
          .replace(/^(\s*)\\(?=[-*+\d])/, '$1')
          .trimEnd(),
      );
      return;
    }
    finish();
    if (indent === 0 && trimmed.startsWith('#')) return;
    const bullet = BULLET.exec(trimmed);
    if (bullet) {
      while (stack.length > 0 && (stack[stack.length - 1] as { indent: number }).indent >= indent)
        stack.pop();
      const parent = stack[stack.length - 1]?.draft;
      const siblings = parent ? parent.children : roots;
      const name = checkName(unbold(bullet[1] as string), fileName, line);
      const twin = siblings.find((s) => nameKey(s.name) === nameKey(name));
      if (twin)
        throw new FormatError(
          fileName,
          `'${quoteSnippet(name)}' is already on line ${twin.line}${parent ? ` under '${quoteSnippet(parent.name)}'` : ''}`,
          { line },
        );
      const draft = emptyDraft(name, line);
      siblings.push(draft);
      stack.push({ indent, draft });
      return;
    }
    const owner = stack[stack.length - 1];
    if (!owner || indent <= owner.indent)
      throw new FormatError(
        fileName,
        `'${quoteSnippet(trimmed)}' is not under a code: start a code with '- ' and indent its details under it`,
        { line },
      );
    const value = known && labelled ? (labelled[2] ?? '') : trimmed;
    // A colour or shortcut is checked at once so the error names this line, not the code's.
    if (known === 'colour') parseColour(value, fileName, line);
    if (known === 'shortcut') parseShortcut(value, fileName, line);
    field = { draft: owner.draft, name: known ?? 'description', indent, blanks: 0, lines: [value] };
  });
  finish();
  if (roots.length === 0)
    throw new FormatError(fileName, "the file has no codes: write each code as a '- ' bullet");
  return roots;
}

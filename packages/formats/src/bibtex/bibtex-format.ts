import type { BibliographicRecord, PersonName } from '@weft/core';
import { BIBTEX_TYPE_FOR, ENTRY_TYPE_KEY } from './bibtex-fields.js';

/** Fields the parser reads verbatim (no LaTeX), so they are written without escaping. */
const VERBATIM = new Set(['doi', 'url', 'eprint', 'file', 'files', 'pdf', 'ids', 'groups']);
/** Fields the parser splits on " and ": several values are joined back the same way. */
const LISTS = new Set([
  'institution',
  'publisher',
  'origpublisher',
  'organization',
  'location',
  'origlocation',
]);

/** Escapes text so the LaTeX-decoding parser gives back exactly this text. */
export function escapeLatex(text: string): string {
  return text
    .replace(/[\\{}&%$#_~^<>]/g, (char) => {
      switch (char) {
        case '\\':
          return '\\textbackslash{}';
        case '~':
          return '\\textasciitilde{}';
        case '^':
          return '\\textasciicircum{}';
        case '<':
          return '\\textless{}';
        case '>':
          return '\\textgreater{}';
        default:
          return `\\${char}`;
      }
    })
    .replace(/-(?=-)/g, '-{}')
    .replace(/\n{2,}/g, '\n\n')
    .replace(/(?<!\n)\n(?!\n)/g, ' ');
}

function escapeVerbatim(text: string): string {
  // Unbalanced braces cannot be written verbatim; they are rare enough in URLs to drop.
  return text.replace(/[{}]/g, '');
}

function nameToBibtex(name: PersonName): string {
  if (name.literal !== undefined) return `{${escapeLatex(name.literal)}}`;
  const family =
    name.family.includes(' ') && !name.given ? `{${escapeLatex(name.family)}}` : escapeLatex(name.family);
  return name.given ? `${family}, ${escapeLatex(name.given)}` : family;
}

function citationKey(record: BibliographicRecord, index: number, used: Set<string>): string {
  let key = (record.sourceId ?? '').replace(/[^\w:.\-/+]/g, '');
  if (key === '') {
    const family = (record.authors[0]?.family ?? 'anon').normalize('NFKD').replace(/[^A-Za-z]/g, '');
    key = `${family.toLowerCase() || 'anon'}${record.year ?? ''}`;
  }
  let unique = key;
  for (let n = 2; used.has(unique); n++) unique = `${key}-${n}`;
  used.add(unique);
  return unique || `record${index + 1}`;
}

/**
 * Writes BibLaTeX-compatible BibTeX (UTF-8, `journal` rather than `journaltitle` so
 * classic BibTeX styles work). `extra` fields follow under their own names.
 */
export function formatBibtex(records: readonly BibliographicRecord[]): string {
  const used = new Set<string>();
  const out: string[] = [];
  records.forEach((record, index) => {
    const extra = record.extra ?? {};
    const type =
      extra[ENTRY_TYPE_KEY]?.[0] ??
      (record.publicationType ? BIBTEX_TYPE_FOR[record.publicationType] : 'misc');
    const lines: string[] = [];
    const field = (name: string, value: string | number | undefined) => {
      if (value === undefined || String(value) === '') return;
      const text = VERBATIM.has(name) ? escapeVerbatim(String(value)) : escapeLatex(String(value));
      lines.push(`  ${name} = {${text}}`);
    };
    field('title', record.title);
    if (record.authors.length > 0)
      lines.push(`  author = {${record.authors.map(nameToBibtex).join(' and ')}}`);
    field('year', record.year);
    field('journal', record.container);
    field('shortjournal', record.containerAbbreviation);
    field('volume', record.volume);
    field('number', record.issue);
    field('pages', record.pages);
    field('doi', record.doi);
    field('pmid', record.pmid);
    field('issn', record.issn?.join(', '));
    field('isbn', record.isbn?.join(', '));
    field('url', record.urls.length > 0 ? record.urls.join(' ') : undefined);
    field('abstract', record.abstract);
    if (record.keywords.length > 0) field('keywords', record.keywords.join(', '));
    field('language', record.language);
    for (const [key, values] of Object.entries(extra)) {
      if (key === ENTRY_TYPE_KEY) continue;
      const name = key.toLowerCase().replace(/[^a-z0-9_-]/g, '_');
      field(name, LISTS.has(name) ? values.join(' and ') : values.join('; '));
    }
    out.push(`@${type}{${citationKey(record, index, used)},\n${lines.join(',\n')}\n}\n`);
  });
  return out.join('\n');
}

import { type Creator, type Entry, parse } from '@retorquere/bibtex-parser';
import { type BibliographicRecord, emptyRecord, type PersonName } from '@weft/core';
import { FormatError } from '../format-error.js';
import type { FormatWarning, ParsedRecord, ParseResult } from '../format-plugin.js';
import { normaliseDoi } from '../support/doi.js';
import { dropUndefined } from '../support/record.js';
import { TaggedFields } from '../support/tagged-fields.js';
import { lineNumberAt, normalisePages } from '../support/text.js';
import {
  BIBTEX_LIST_FIELDS,
  BIBTEX_SINGLE_FIELDS,
  BIBTEX_TYPE_FOR,
  BIBTEX_TYPES,
  ENTRY_TYPE_KEY,
} from './bibtex-fields.js';

/** The HTML the parser emits for \textit, \textbf, case protection and paragraphs. */
function plain(text: string): string {
  return text
    .replace(/<p>/g, '\n\n')
    .replace(/<\/?(?:i|b|em|strong|sup|sub|sc|span|nc)(?:\s[^<>]*)?>/g, '')
    .replace(/\u0131(?=[\u0300-\u036f])/g, 'i')
    .normalize('NFC')
    .trim();
}

function creatorToName(creator: Creator): PersonName | undefined {
  if (creator.name !== undefined) {
    const literal = plain(creator.name);
    return literal === '' ? undefined : { family: literal, literal };
  }
  const family = plain([creator.prefix, creator.lastName].filter(Boolean).join(' '));
  const given = plain([creator.firstName, creator.suffix].filter(Boolean).join(' '));
  if (family === '') return given === '' ? undefined : { family: given, literal: given };
  return given === '' ? { family } : { family, given };
}

function creatorToText(creator: Creator): string {
  const name = creatorToName(creator);
  if (!name) return '';
  return name.given ? `${name.family}, ${name.given}` : name.family;
}

function entryToRecord(entry: Entry): BibliographicRecord {
  const fields = new TaggedFields();
  const record = emptyRecord();
  record.sourceId = entry.key;
  const type = entry.type.toLowerCase();
  record.publicationType = BIBTEX_TYPES[type] ?? 'other';
  if (BIBTEX_TYPE_FOR[record.publicationType] !== type) fields.add(ENTRY_TYPE_KEY, type);

  for (const [name, value] of Object.entries(entry.fields)) {
    if (name === 'author' && Array.isArray(value)) {
      for (const creator of value as Creator[]) {
        const person = creatorToName(creator);
        if (person) record.authors.push(person);
      }
    } else if (name === 'keywords' && Array.isArray(value)) {
      record.keywords = (value as string[]).map(plain).filter((keyword) => keyword !== '');
    } else if (Array.isArray(value)) {
      for (const item of value as (string | Creator)[]) {
        fields.add(name, typeof item === 'string' ? plain(item) : creatorToText(item));
      }
    } else if (typeof value === 'string') {
      fields.add(name, entry.mode[name] === 'verbatim' ? value.trim() : plain(value));
    }
  }

  const single = (tags: readonly string[]) => {
    const found = fields.take(tags);
    return found && found.value !== '' ? found.value : undefined;
  };
  record.title = single(BIBTEX_SINGLE_FIELDS.title);
  record.container = single(BIBTEX_SINGLE_FIELDS.container);
  record.containerAbbreviation = single(BIBTEX_SINGLE_FIELDS.containerAbbreviation);
  record.volume = single(BIBTEX_SINGLE_FIELDS.volume);
  record.issue = single(BIBTEX_SINGLE_FIELDS.issue);
  const pages = single(BIBTEX_SINGLE_FIELDS.pages);
  if (pages !== undefined) record.pages = normalisePages(pages);
  record.abstract = single(BIBTEX_SINGLE_FIELDS.abstract);
  record.language = single(BIBTEX_SINGLE_FIELDS.language);
  record.pmid = single(BIBTEX_SINGLE_FIELDS.pmid);
  const doi = fields.take(BIBTEX_SINGLE_FIELDS.doi);
  if (doi) {
    record.doi = normaliseDoi(doi.value);
    if (!record.doi) fields.putBack(doi.tag, doi.value);
  }
  record.year = fields.takeYear(BIBTEX_SINGLE_FIELDS.year)?.year;
  const list = (tags: readonly string[]) => {
    const values = fields.takeAll(tags).flatMap((value) => value.split(/[\s,;]+/).filter((v) => v !== ''));
    return values.length > 0 ? values : undefined;
  };
  record.issn = list(BIBTEX_LIST_FIELDS.issn);
  record.isbn = list(BIBTEX_LIST_FIELDS.isbn);
  record.urls = list(BIBTEX_LIST_FIELDS.urls) ?? [];
  record.extra = fields.rest();
  return dropUndefined(record);
}

/**
 * BibTeX and BibLaTeX through @retorquere/bibtex-parser (Better BibTeX's parser): LaTeX
 * commands and accents become Unicode, `@string` macros and month names are expanded,
 * `and`-separated names are split. Titles keep the case they were written in.
 */
export function parseBibtex(text: string, fileName: string): ParseResult {
  if (text.trim() === '') throw new FormatError(fileName, 'the file is empty (no BibTeX entries)');
  let library: ReturnType<typeof parse>;
  try {
    library = parse(text, {
      sentenceCase: false,
      english: false,
      caseProtection: false,
      unsupported: 'ignore',
    });
  } catch (error) {
    throw new FormatError(fileName, `BibTeX could not be read: ${(error as Error).message}`);
  }
  const warnings: FormatWarning[] = [];
  const records: ParsedRecord[] = [];
  let searchFrom = 0;
  for (const entry of library.entries) {
    const offset = entry.input ? text.indexOf(entry.input, searchFrom) : -1;
    const line = offset >= 0 ? lineNumberAt(text, offset) : 0;
    if (offset >= 0) searchFrom = offset + entry.input.length;
    if (Object.keys(entry.fields).length === 0) continue;
    records.push({ record: entryToRecord(entry), sourceText: entry.input, line, index: records.length + 1 });
  }
  for (const error of library.errors) {
    const at = / at line (\d+)/.exec(error.error);
    const line = at?.[1] ? Number(at[1]) : undefined;
    warnings.push({ message: `entry skipped: ${error.error}`, line });
  }
  if (records.length === 0) {
    const first = warnings[0];
    if (first)
      throw new FormatError(fileName, first.message.replace(/^entry skipped: /, ''), { line: first.line });
    throw new FormatError(fileName, "no BibTeX entries found (expected '@article{…' or similar)");
  }
  return { records, warnings };
}

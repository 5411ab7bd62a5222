import { type BibliographicRecord, emptyRecord } from '@weft/core';
import type { FormatWarning } from '../format-plugin.js';
import { isDoiValue, normaliseDoi } from '../support/doi.js';
import { parsePersonName } from '../support/person-name.js';
import { mostSpecificType } from '../support/publication-type.js';
import { dropUndefined } from '../support/record.js';
import { TaggedFields } from '../support/tagged-fields.js';
import {
  RIS_AUTHOR_TAGS,
  RIS_BOOK_TYPES,
  RIS_DOI_HINT_TAGS,
  RIS_DOI_TAGS,
  RIS_KEYWORD_TAGS,
  RIS_PMID_TAG,
  RIS_SINGLE_FIELDS,
  RIS_TYPE_FOR,
  RIS_TYPES,
  RIS_URL_TAGS,
} from './ris-tags.js';

export interface RisEntry {
  tag: string;
  value: string;
  line: number;
}

const ISSN = /^\d{4}-?\d{3}[\dXx]$/;
const ISBN = /^(?:97[89][- ]?)?(?:\d[- ]?){9}[\dXx]$/;

/** Maps one RIS record's tag/value pairs to the pivot record through the tables in ris-tags.ts. */
export function risEntriesToRecord(
  entries: readonly RisEntry[],
  recordNumber: number,
  warnings: FormatWarning[],
): BibliographicRecord {
  const fields = new TaggedFields();
  for (const entry of entries) fields.add(entry.tag, entry.value.trim());
  const record = emptyRecord();
  const lineOf = (tag: string) => entries.find((entry) => entry.tag === tag)?.line;

  const ty = fields.take(['TY']);
  if (ty) {
    const code = ty.value.toUpperCase();
    record.publicationType = mostSpecificType([code], RIS_TYPES) ?? 'other';
    if (!RIS_TYPES[code.toLowerCase()])
      warnings.push({ message: `unknown RIS type '${ty.value}'`, line: lineOf('TY'), record: recordNumber });
    if (RIS_TYPE_FOR[record.publicationType] !== ty.value) fields.putBack('TY', ty.value);
  }
  const isBook = ty !== undefined && RIS_BOOK_TYPES.has(ty.value.toUpperCase());

  const single = (tags: readonly string[]) => {
    const found = fields.take(tags);
    return found && found.value !== '' ? found.value : undefined;
  };
  record.sourceId = single(RIS_SINGLE_FIELDS.sourceId);
  record.title = single(isBook ? [...RIS_SINGLE_FIELDS.title, 'BT'] : RIS_SINGLE_FIELDS.title);
  record.container = single(isBook ? RIS_SINGLE_FIELDS.container : [...RIS_SINGLE_FIELDS.container, 'BT']);
  record.containerAbbreviation = single(RIS_SINGLE_FIELDS.containerAbbreviation);
  record.volume = single(RIS_SINGLE_FIELDS.volume);
  record.issue = single(RIS_SINGLE_FIELDS.issue);
  record.abstract = single(RIS_SINGLE_FIELDS.abstract);
  record.language = single(RIS_SINGLE_FIELDS.language);

  const date = fields.takeYear(RIS_SINGLE_FIELDS.year);
  record.year = date?.year;
  if (date && date.year === undefined) {
    warnings.push({
      message: `no year in ${date.tag} '${date.value}'`,
      line: lineOf(date.tag),
      record: recordNumber,
    });
  }

  const start = fields.take(['SP']);
  if (start) {
    const end = fields.take(['EP']);
    record.pages = end && !start.value.includes('-') ? `${start.value}-${end.value}` : start.value;
    if (end && start.value.includes('-')) fields.putBack('EP', end.value);
  }

  for (const tag of RIS_DOI_TAGS) {
    const doi = fields.take([tag]);
    if (!doi) continue;
    const normalised = normaliseDoi(doi.value);
    if (normalised && !record.doi) record.doi = normalised;
    else fields.putBack(tag, doi.value);
  }
  if (!record.doi) {
    for (const hint of fields.peek(RIS_DOI_HINT_TAGS)) {
      if (isDoiValue(hint) || /\bdoi\b[:\s]*10\./i.test(hint) || /doi\.org\/10\./i.test(hint)) {
        record.doi = normaliseDoi(hint);
        if (record.doi) break;
      }
    }
  }

  const fromMedline = fields.peek(['DB', 'DP']).some((db) => /medline|pubmed/i.test(db));
  for (const an of fields.takeAll([RIS_PMID_TAG])) {
    const pmid = (fromMedline ? /^(?:PMID:?\s*)?(\d{1,9})$/i : /^PMID:?\s*(\d{1,9})$/i).exec(an);
    if (pmid?.[1] && !record.pmid) record.pmid = pmid[1];
    else fields.add(RIS_PMID_TAG, an);
  }

  for (const sn of fields.takeAll(['SN'])) {
    if (ISSN.test(sn)) record.issn = [...(record.issn ?? []), sn.toUpperCase()];
    else if (ISBN.test(sn)) record.isbn = [...(record.isbn ?? []), sn.toUpperCase()];
    else fields.add('SN', sn);
  }

  for (const raw of fields.takeAll(RIS_AUTHOR_TAGS)) {
    const name = parsePersonName(raw);
    if (name) record.authors.push(name);
  }
  record.keywords = fields.takeAll(RIS_KEYWORD_TAGS).filter((keyword) => keyword !== '');
  record.urls = fields.takeAll(RIS_URL_TAGS).filter((url) => url !== '');

  record.extra = fields.rest();
  return dropUndefined(record);
}

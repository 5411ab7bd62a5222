import { type BibliographicRecord, emptyRecord } from '@weft/core';
import type { FormatWarning } from '../format-plugin.js';
import { normaliseDoi } from '../support/doi.js';
import { parsePersonName } from '../support/person-name.js';
import { mostSpecificType } from '../support/publication-type.js';
import { dropUndefined } from '../support/record.js';
import { TaggedFields } from '../support/tagged-fields.js';
import {
  NBIB_AUTHOR_TAGS,
  NBIB_CORPORATE_AUTHOR_TAGS,
  NBIB_ID_TAGS,
  NBIB_KEYWORD_TAGS,
  NBIB_LANGUAGE_TAG,
  NBIB_SHORT_AUTHOR_TAGS,
  NBIB_SINGLE_FIELDS,
  NBIB_TYPES,
} from './nbib-tags.js';

export interface NbibEntry {
  tag: string;
  value: string;
  line: number;
}

const ISSN = /\b(\d{4}-\d{3}[\dXx])\b/;

export function nbibEntriesToRecord(
  entries: readonly NbibEntry[],
  recordNumber: number,
  warnings: FormatWarning[],
): BibliographicRecord {
  const fields = new TaggedFields();
  for (const entry of entries) fields.add(entry.tag, entry.value.trim());
  const record = emptyRecord();

  const pmid = fields.take(['PMID']);
  if (pmid) {
    record.pmid = pmid.value;
    record.sourceId = pmid.value;
  } else {
    warnings.push({ message: 'record has no PMID', line: entries[0]?.line, record: recordNumber });
  }
  const single = (tags: readonly string[]) => {
    const found = fields.take(tags);
    return found && found.value !== '' ? found.value : undefined;
  };
  record.title = single(NBIB_SINGLE_FIELDS.title);
  record.container = single(NBIB_SINGLE_FIELDS.container);
  record.containerAbbreviation = single(NBIB_SINGLE_FIELDS.containerAbbreviation);
  record.volume = single(NBIB_SINGLE_FIELDS.volume);
  record.issue = single(NBIB_SINGLE_FIELDS.issue);
  record.pages = single(NBIB_SINGLE_FIELDS.pages);
  record.abstract = single(NBIB_SINGLE_FIELDS.abstract);
  record.year = fields.takeYear(NBIB_SINGLE_FIELDS.year)?.year;
  const language = fields.take([NBIB_LANGUAGE_TAG]);
  if (language) record.language = language.value;

  const fullNames = fields.takeAll(NBIB_AUTHOR_TAGS);
  const names = fullNames.length > 0 ? fullNames : fields.takeAll(NBIB_SHORT_AUTHOR_TAGS);
  for (const raw of names) {
    const name = parsePersonName(raw);
    if (name) record.authors.push(name);
  }
  for (const group of fields.takeAll(NBIB_CORPORATE_AUTHOR_TAGS)) {
    record.authors.push({ family: group, literal: group });
  }

  for (const value of fields.takeAll(['IS'])) {
    const issn = ISSN.exec(value)?.[1];
    if (issn) {
      record.issn = record.issn ?? [];
      if (!record.issn.includes(issn.toUpperCase())) record.issn.push(issn.toUpperCase());
    } else fields.add('IS', value);
  }
  for (const value of fields.peek(NBIB_ID_TAGS)) {
    if (/\[doi\]\s*$/i.test(value)) {
      record.doi = normaliseDoi(value);
      if (record.doi) break;
    }
  }
  record.keywords = fields.takeAll(NBIB_KEYWORD_TAGS);
  const types = fields.peek(['PT']);
  if (types.length > 0) record.publicationType = mostSpecificType(types, NBIB_TYPES) ?? 'other';
  record.extra = fields.rest();
  return dropUndefined(record);
}

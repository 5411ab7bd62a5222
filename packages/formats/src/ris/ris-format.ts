import type { BibliographicRecord } from '@weft/core';
import { formatPersonName } from '../support/person-name.js';
import { RIS_TYPE_FOR } from './ris-tags.js';

const RIS_TAG = /^[A-Z][A-Z0-9]$/;

/**
 * Writes RIS that this package (and EndNote, Zotero, Covidence, Rayyan) reads back. Each
 * record field goes to the first tag of its list in ris-tags.ts; `extra` values whose key
 * is a RIS tag follow unchanged. Keys that are not RIS tags (CSV columns, MEDLINE's
 * four-letter tags) cannot be expressed in RIS and are left out.
 */
export function formatRis(records: readonly BibliographicRecord[]): string {
  const out: string[] = [];
  for (const record of records) {
    const line = (tag: string, value: string | number | undefined) => {
      if (value === undefined) return;
      const text = String(value).replace(/\s*\n\s*/g, ' ');
      if (text.trim() !== '') out.push(`${tag}  - ${text}`);
    };
    const extra = record.extra ?? {};
    line('TY', extra.TY?.[0] ?? (record.publicationType ? RIS_TYPE_FOR[record.publicationType] : 'GEN'));
    line('ID', record.sourceId);
    line('TI', record.title);
    for (const author of record.authors) line('AU', formatPersonName(author));
    line('PY', record.year);
    line('T2', record.container);
    line('J2', record.containerAbbreviation);
    line('VL', record.volume);
    line('IS', record.issue);
    if (record.pages !== undefined) {
      const range = /^([^-]+)-([^-]+)$/.exec(record.pages);
      if (range) {
        line('SP', range[1]);
        line('EP', range[2]);
      } else line('SP', record.pages);
    }
    for (const issn of record.issn ?? []) line('SN', issn);
    for (const isbn of record.isbn ?? []) line('SN', isbn);
    line('DO', record.doi);
    if (record.pmid !== undefined) line('AN', `PMID: ${record.pmid}`);
    for (const url of record.urls) line('UR', url);
    line('AB', record.abstract);
    for (const keyword of record.keywords) line('KW', keyword);
    line('LA', record.language);
    for (const [key, values] of Object.entries(extra)) {
      if (!RIS_TAG.test(key) || key === 'ER') continue;
      for (const value of key === 'TY' ? values.slice(1) : values) line(key, value);
    }
    out.push('ER  - ', '');
  }
  return out.join('\n');
}

import type { BibliographicRecord } from '@weft/core';

/** Optional fields are absent rather than undefined, so records compare equal after a round trip. */
export function dropUndefined(record: BibliographicRecord): BibliographicRecord {
  for (const key of Object.keys(record) as (keyof BibliographicRecord)[]) {
    if (record[key] === undefined) delete record[key];
  }
  return record;
}

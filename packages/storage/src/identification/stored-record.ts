import type { BibliographicRecord } from '@weft/core';
import type { Selectable } from 'kysely';
import type { RecordsTable } from '../identification-schema.js';

/** A record as lists and the duplicate queue show it. */
export interface StoredRecord {
  id: string;
  projectId: string;
  searchId: string;
  importId: string;
  /** The active duplicate group, if the record has been merged. */
  groupId: string | null;
  /** False for a record merged into another (it no longer counts as remaining). */
  isPrimary: boolean;
  /** Set when the record was removed before screening for another reason than duplication. */
  removal?: { kind: 'automation' | 'other'; reason: string; removedAt: Date } | null;
  version: number;
  record: BibliographicRecord;
}

export function toStoredRecord(
  row: Selectable<RecordsTable> & {
    primary_record_id?: string | null;
    removal_kind?: 'automation' | 'other' | null;
    removal_reason?: string | null;
    removed_at?: Date | null;
  },
): StoredRecord {
  const removal =
    row.removal_kind && row.removed_at
      ? { kind: row.removal_kind, reason: row.removal_reason ?? '', removedAt: new Date(row.removed_at) }
      : null;
  return {
    id: row.id,
    projectId: row.project_id,
    searchId: row.search_id,
    importId: row.import_id,
    groupId: row.group_id,
    isPrimary: row.group_id === null || row.primary_record_id === row.id,
    ...(row.removal_kind !== undefined ? { removal } : {}),
    version: row.version,
    record: row.data as BibliographicRecord,
  };
}

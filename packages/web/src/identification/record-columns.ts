import { useCallback, useState } from 'react';

/** The columns a person may show in the records table; the title is always shown. */
export const RECORD_COLUMN_IDS = [
  'title',
  'first-author',
  'year',
  'journal',
  'citation',
  'doi',
  'pmid',
  'type',
  'language',
  'search',
] as const;
export type RecordColumnId = (typeof RECORD_COLUMN_IDS)[number];

export const DEFAULT_RECORD_COLUMNS: RecordColumnId[] = [
  'title',
  'first-author',
  'year',
  'journal',
  'doi',
  'search',
];

const STORAGE_KEY = 'weft.records.columns';

function readStored(): RecordColumnId[] {
  try {
    const raw = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? 'null') as unknown;
    if (!Array.isArray(raw)) return DEFAULT_RECORD_COLUMNS;
    const known = raw.filter((id): id is RecordColumnId => RECORD_COLUMN_IDS.includes(id));
    return known.includes('title') ? known : ['title', ...known];
  } catch {
    // Private mode or a hand-edited value: the defaults are a fine answer.
    return DEFAULT_RECORD_COLUMNS;
  }
}

/** The chosen columns, kept in this browser (a per-person display preference, not project data). */
export function useRecordColumns() {
  const [columns, setColumns] = useState<RecordColumnId[]>(readStored);
  const choose = useCallback((chosen: RecordColumnId[]) => {
    // Table order is the catalogue's, whatever order the boxes were ticked in.
    const ordered = RECORD_COLUMN_IDS.filter((id) => id === 'title' || chosen.includes(id));
    setColumns(ordered);
    try {
      localStorage.setItem(STORAGE_KEY, JSON.stringify(ordered));
    } catch {
      // Storage full or disabled: the choice still holds for this visit.
    }
  }, []);
  return { columns, choose };
}

import type { BibliographicRecord } from '@weft/core';
import { formatBibtex, formatCsv, formatRis, formatXlsx } from '@weft/formats';
import { EXPORT_EXTRA_KEYS, type ExportView, exportRecordBatches, listExportExtraKeys } from '@weft/storage';

/*
 * How a project's records are written to a file, shared by the download route and `weft export`
 * so the two always write the same file.
 */

export const RECORD_EXPORT_FORMATS = ['ris', 'bibtex', 'csv', 'tsv', 'xlsx'] as const;
export type RecordExportFormat = (typeof RECORD_EXPORT_FORMATS)[number];

export const RECORD_EXPORT_FILES: Readonly<
  Record<RecordExportFormat, { extension: string; contentType: string }>
> = {
  ris: { extension: 'ris', contentType: 'application/x-research-info-systems; charset=utf-8' },
  bibtex: { extension: 'bib', contentType: 'application/x-bibtex; charset=utf-8' },
  csv: { extension: 'csv', contentType: 'text/csv; charset=utf-8' },
  tsv: { extension: 'tsv', contentType: 'text/tab-separated-values; charset=utf-8' },
  xlsx: {
    extension: 'xlsx',
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  },
};

/**
 * RIS keeps only two-character tags, so provenance goes to the user-definable tags of the RIS
 * specification (U1–U3), replacing any values a record already had there.
 */
export const RIS_PROVENANCE_TAGS: Readonly<Record<string, string>> = {
  [EXPORT_EXTRA_KEYS.recordId]: 'U1',
  [EXPORT_EXTRA_KEYS.search]: 'U2',
  [EXPORT_EXTRA_KEYS.groupId]: 'U3',
};

function risRecord(record: BibliographicRecord): BibliographicRecord {
  const extra: Record<string, string[]> = {};
  for (const [key, values] of Object.entries(record.extra)) {
    if (!(key in RIS_PROVENANCE_TAGS) && !Object.values(RIS_PROVENANCE_TAGS).includes(key))
      extra[key] = values;
  }
  for (const [key, tag] of Object.entries(RIS_PROVENANCE_TAGS)) {
    const values = record.extra[key];
    if (values) extra[tag] = values;
  }
  return { ...record, extra };
}

/** Citation keys must be unique in the whole file, not only in one batch. */
function uniqueBibtexEntry(entry: string, used: Set<string>): string {
  const newline = entry.indexOf('\n');
  const head = /^@([^{]*)\{(.*),$/.exec(entry.slice(0, newline));
  if (!head) return entry;
  const key = head[2] ?? '';
  let unique = key;
  for (let n = 2; used.has(unique); n++) unique = `${key}-${n}`;
  used.add(unique);
  return unique === key ? entry : `@${head[1]}{${unique},${entry.slice(newline)}`;
}

/**
 * The CSV writer takes its columns from the records it is given. For the same columns in every
 * batch, the first record of each lists every key the export will have, in one order
 * (an empty value writes an empty cell, as a missing one does).
 */
function withAllColumns(
  records: readonly BibliographicRecord[],
  keys: readonly string[],
): BibliographicRecord[] {
  return records.map((record, index) => {
    const extra: Record<string, string[]> = {};
    for (const key of keys) {
      const values = record.extra[key];
      if (values) extra[key] = values;
      else if (index === 0) extra[key] = [];
    }
    return { ...record, extra };
  });
}

/**
 * The export file, chunk by chunk. RIS, BibTeX, CSV and TSV are written a batch (1,000 records)
 * at a time, so memory stays bounded; XLSX is built in memory (the workbook writer needs every
 * row), about 1 KB per record.
 */
export async function* encodeRecordsExport(
  db: Parameters<typeof exportRecordBatches>[0],
  projectId: string,
  view: ExportView,
  format: RecordExportFormat,
  onRecords: (count: number) => void = () => {},
): AsyncGenerator<string | Uint8Array> {
  const batches = exportRecordBatches(db, projectId, { view });
  if (format === 'xlsx') {
    const all: BibliographicRecord[] = [];
    for await (const batch of batches) {
      all.push(...batch);
      onRecords(batch.length);
    }
    yield await formatXlsx(all);
    return;
  }
  if (format === 'ris') {
    for await (const batch of batches) {
      yield formatRis(batch.map(risRecord));
      onRecords(batch.length);
    }
    return;
  }
  if (format === 'bibtex') {
    const used = new Set<string>();
    let first = true;
    for await (const batch of batches) {
      const entries = batch.map((record) => uniqueBibtexEntry(formatBibtex([record]), used));
      yield `${first ? '' : '\n'}${entries.join('\n')}`;
      first = false;
      onRecords(batch.length);
    }
    return;
  }
  const delimiter = format === 'tsv' ? '\t' : ',';
  const keys = await listExportExtraKeys(db, projectId, view);
  // The header (with the BOM) is what the writer gives for one record with every column empty.
  const empty: BibliographicRecord = {
    type: 'bibliographic-record',
    authors: [],
    keywords: [],
    urls: [],
    extra: {},
  };
  const shape = formatCsv(withAllColumns([empty], keys), delimiter);
  const header = shape.slice(0, shape.lastIndexOf('\r\n', shape.length - 3) + 2);
  yield header;
  for await (const batch of batches) {
    const text = formatCsv(withAllColumns(batch, keys), delimiter);
    if (!text.startsWith(header)) throw new Error('CSV export: the columns changed between batches');
    yield text.slice(header.length);
    onRecords(batch.length);
  }
}

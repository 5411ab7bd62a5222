import { type BibliographicRecord, emptyRecord } from '@weft/core';
import { formatRis } from '../ris/ris-format.js';
import { formatCsvText } from '../support/csv-text.js';
import { parsePersonName } from '../support/person-name.js';
import type { DecisionFormat, DecisionVerdict } from './decision-row.js';

/** One record of a stage with the decision to export (the final one, or the asker's own). */
export interface DecisionExportRow {
  recordId: string;
  title?: string;
  abstract?: string;
  authors: string[];
  year?: number;
  journal?: string;
  doi?: string;
  pmid?: string;
  decision: DecisionVerdict | null;
  reasons: string[];
  note: string;
  /** Each reviewer's current verdict (Rayyan's RAYYAN-INCLUSION lists them all). */
  reviewers: { name: string; decision: DecisionVerdict }[];
}

/** Writes decisions in the shape of the tool they are for; parseDecisionFile reads each back. */
export function formatDecisionFile(format: DecisionFormat, rows: readonly DecisionExportRow[]): string {
  switch (format) {
    case 'asreview-csv':
      return formatCsvText(
        [
          'record_id',
          'title',
          'abstract',
          'authors',
          'year',
          'journal',
          'doi',
          'pmid',
          'included',
          'weft_decision',
          'exclusion_reasons',
          'exported_notes_1',
        ],
        rows.map((r) => [
          r.recordId,
          r.title,
          r.abstract,
          r.authors.join('; '),
          r.year,
          r.journal,
          r.doi,
          r.pmid,
          r.decision === 'include' ? 1 : r.decision === 'exclude' ? 0 : '',
          r.decision ?? '',
          r.reasons.join('; '),
          r.note,
        ]),
      );
    case 'rayyan-csv':
      return formatCsvText(
        ['key', 'title', 'authors', 'journal', 'year', 'abstract', 'notes', 'doi', 'pmid', 'weft_record_id'],
        rows.map((r) => [
          r.recordId,
          r.title,
          r.authors.join(' and '),
          r.journal,
          r.year,
          r.abstract,
          rayyanNotes(r),
          r.doi,
          r.pmid,
          r.recordId,
        ]),
      );
    case 'covidence-csv':
      return formatCsvText(
        [
          'Title',
          'Authors',
          'Abstract',
          'Published Year',
          'Journal',
          'DOI',
          'Accession Number',
          'Ref',
          'Covidence #',
          'Study',
          'Notes',
          'Decision',
          'Exclusion Reason',
          'weft_record_id',
        ],
        rows.map((r) => [
          r.title,
          r.authors.join('; '),
          r.abstract,
          r.year,
          r.journal,
          r.doi,
          r.pmid,
          '',
          '',
          studyLabel(r),
          r.note,
          r.decision === 'include'
            ? 'Included'
            : r.decision === 'exclude'
              ? 'Excluded'
              : r.decision === 'maybe'
                ? 'Maybe'
                : '',
          r.reasons.join('; '),
          r.recordId,
        ]),
      );
    case 'ris':
      return formatRis(rows.map(risRecord));
  }
}

const RAYYAN_WORDS: Record<DecisionVerdict, string> = {
  include: 'Included',
  exclude: 'Excluded',
  maybe: 'Maybe',
};

function rayyanNotes(row: DecisionExportRow): string {
  const sections: string[] = [];
  if (row.reviewers.length > 0) {
    const pairs = row.reviewers.map((r) => `${rubyString(r.name)}=>${rubyString(RAYYAN_WORDS[r.decision])}`);
    sections.push(`RAYYAN-INCLUSION: {${pairs.join(', ')}}`);
  }
  if (row.reasons.length > 0) sections.push(`RAYYAN-EXCLUSION-REASONS: ${row.reasons.join(',')}`);
  if (row.note) sections.push(`USER-NOTES: {"Weft"=>[${rubyString(row.note)}]}`);
  return sections.join(' | ');
}

function rubyString(text: string): string {
  return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

function studyLabel(row: DecisionExportRow): string {
  const first = row.authors[0]?.split(',')[0]?.trim();
  return [first, row.year].filter((part) => part !== undefined && part !== '').join(' ');
}

const RIS_LABELS: Record<DecisionVerdict, string> = {
  include: 'ASReview_relevant',
  exclude: 'ASReview_irrelevant',
  maybe: 'Weft_maybe',
};

function risRecord(row: DecisionExportRow): BibliographicRecord {
  const record = emptyRecord();
  record.sourceId = row.recordId;
  if (row.title) record.title = row.title;
  if (row.abstract) record.abstract = row.abstract;
  if (row.year !== undefined) record.year = row.year;
  if (row.journal) record.container = row.journal;
  if (row.doi) record.doi = row.doi;
  if (row.pmid) record.pmid = row.pmid;
  record.authors = row.authors.flatMap((name) => parsePersonName(name) ?? []);
  record.extra.LB = [row.decision ? RIS_LABELS[row.decision] : 'ASReview_not_seen'];
  const notes: string[] = [];
  if (row.reasons.length > 0) notes.push(`Exclusion reasons: ${row.reasons.join('; ')}`);
  if (row.note) notes.push(row.note.replace(/\s*\n\s*/g, ' '));
  if (notes.length > 0) record.extra.N1 = notes;
  return record;
}

import type { PrismaCountKey, PrismaListKey } from '@weft/core';
import type { PrismaResponse } from '@weft/protocol';

/** One number the drawer can list records for: a count box, or a list box (per search, per reason). */
export type BoxPart =
  | { kind: 'count'; key: PrismaCountKey; label: string }
  | { kind: 'list'; key: PrismaListKey; label: string };

const count = (key: PrismaCountKey, label: string): BoxPart => ({ kind: 'count', key, label });
const list = (key: PrismaListKey, label: string): BoxPart => ({ kind: 'list', key, label });

/**
 * What each drawn box (its `data-box` key) is made of. A drawn box may hold several numbers
 * (databases and registers, duplicates and other removals); the drawer lets the user pick one.
 */
const PARTS: Record<string, BoxPart[]> = {
  database_results: [
    count('database_results', 'Databases'),
    list('database_specific_results', 'Per database'),
    count('register_results', 'Registers'),
    list('register_specific_results', 'Per register'),
  ],
  duplicates: [
    count('duplicates', 'Duplicate records removed'),
    count('excluded_automatic', 'Marked as ineligible by automation tools'),
    count('excluded_other', 'Removed for other reasons'),
  ],
  website_results: [
    count('website_results', 'Websites'),
    count('organisation_results', 'Organisations'),
    count('citations_results', 'Citation searching'),
    count('other_results', 'Other sources'),
  ],
  records_screened: [count('records_screened', 'Records screened')],
  records_excluded: [count('records_excluded', 'Records excluded')],
  dbr_sought_reports: [count('dbr_sought_reports', 'Reports sought for retrieval')],
  dbr_notretrieved_reports: [count('dbr_notretrieved_reports', 'Reports not retrieved')],
  dbr_assessed: [count('dbr_assessed', 'Reports assessed for eligibility')],
  dbr_excluded: [list('dbr_excluded', 'Reports excluded, by reason')],
  other_sought_reports: [count('other_sought_reports', 'Reports sought for retrieval (other methods)')],
  other_notretrieved_reports: [count('other_notretrieved_reports', 'Reports not retrieved (other methods)')],
  other_assessed: [count('other_assessed', 'Reports assessed for eligibility (other methods)')],
  other_excluded: [list('other_excluded', 'Reports excluded (other methods), by reason')],
  new_studies: [
    count('new_studies', 'New studies (by primary report)'),
    count('new_reports', 'Reports of new included studies'),
  ],
  total_studies: [
    count('total_studies', 'Studies included (new ones)'),
    count('total_reports', 'Reports of included studies (new ones)'),
  ],
  previous_studies: [
    count('previous_studies', 'Studies in the previous version'),
    count('previous_reports', 'Reports in the previous version'),
  ],
};

/** The parts of a drawn box, or undefined for a title box (nothing behind it). */
export function boxParts(drawnKey: string): BoxPart[] | undefined {
  return PARTS[drawnKey];
}

export function partCount(flow: PrismaResponse, part: BoxPart): number {
  return part.kind === 'count'
    ? flow.counts[part.key]
    : flow.lists[part.key].reduce((sum, entry) => sum + entry.count, 0);
}

/** Counts typed in by the lead (previous version): there are no records behind them. */
export const COUNT_ONLY: ReadonlySet<string> = new Set(['previous_studies', 'previous_reports']);

/**
 * The diagram's editable texts, keyed as the PRISMA2020 template's `data` column (and its title
 * boxes), with the text drawn when no label is set.
 */
export const PRISMA_LABELS: Array<{ key: string; text: string }> = [
  { key: 'newstud', text: 'Identification of new studies via databases and registers' },
  { key: 'othstud', text: 'Identification of new studies via other methods' },
  { key: 'prevstud', text: 'Previous studies' },
  { key: 'identification', text: 'Identification' },
  { key: 'screening', text: 'Screening' },
  { key: 'included', text: 'Included' },
  { key: 'previous_studies', text: 'Studies included in previous version of review' },
  { key: 'previous_reports', text: 'Reports of studies included in previous version of review' },
  { key: 'database_results', text: 'Databases' },
  { key: 'register_results', text: 'Registers' },
  { key: 'duplicates', text: 'Duplicate records removed' },
  { key: 'excluded_automatic', text: 'Records marked as ineligible by automation tools' },
  { key: 'excluded_other', text: 'Records removed for other reasons' },
  { key: 'website_results', text: 'Websites' },
  { key: 'organisation_results', text: 'Organisations' },
  { key: 'citations_results', text: 'Citation searching' },
  { key: 'records_screened', text: 'Records screened' },
  { key: 'records_excluded', text: 'Records excluded' },
  { key: 'dbr_sought_reports', text: 'Reports sought for retrieval' },
  { key: 'dbr_notretrieved_reports', text: 'Reports not retrieved' },
  { key: 'dbr_assessed', text: 'Reports assessed for eligibility' },
  { key: 'dbr_excluded', text: 'Reports excluded' },
  { key: 'other_sought_reports', text: 'Reports sought for retrieval' },
  { key: 'other_notretrieved_reports', text: 'Reports not retrieved' },
  { key: 'other_assessed', text: 'Reports assessed for eligibility' },
  { key: 'other_excluded', text: 'Reports excluded' },
  { key: 'new_studies', text: 'New studies included in review' },
  { key: 'new_reports', text: 'Reports of new included studies' },
  { key: 'total_studies', text: 'Total studies included in review' },
  { key: 'total_reports', text: 'Reports of total included studies' },
];

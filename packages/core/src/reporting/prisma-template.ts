import type { PrismaCountKey, PrismaFlow, PrismaListEntry, PrismaListKey } from './prisma-flow.js';

/**
 * The data layout of the PRISMA2020 R package and Shiny app's CSV template (Haddaway et al. 2022):
 * columns `data,node,box,description,boxtext,tooltips,url,n`, one row per box value. Rows whose
 * `data` is NA are the diagram's titles; `boxtext` is the label a team may edit. List rows carry
 * "Name, n; Name, n" in `n`.
 */
export const PRISMA_TEMPLATE_COLUMNS = [
  'data',
  'node',
  'box',
  'description',
  'boxtext',
  'tooltips',
  'url',
  'n',
] as const;

export type PrismaTemplateRow = Record<(typeof PRISMA_TEMPLATE_COLUMNS)[number], string>;

/** Keys with a row in the template: every count except `other_results`, which it has no row for. */
export type PrismaTemplateKey = Exclude<PrismaCountKey, 'other_results'> | PrismaListKey;

type RowSpec = [
  data: PrismaTemplateKey | 'NA' | 'identification' | 'screening' | 'included',
  node: string,
  box: string,
  description: string,
  boxtext: string,
  tooltip: string,
  url: string,
];

// The template's rows in its order; node and box ids are the package's, so its diagram code reads ours.
const ROWS: RowSpec[] = [
  [
    'NA',
    'node4',
    'prevstud',
    'Grey title box; Previous studies',
    'Previous studies',
    'Grey title box; Previous studies',
    'prevstud.html',
  ],
  [
    'previous_studies',
    'node5',
    'box1',
    'Studies included in previous version of review',
    'Studies included in previous version of review',
    'Studies included in previous version of review',
    'previous_studies.html',
  ],
  [
    'previous_reports',
    'NA',
    'box1',
    'Reports of studies included in previous version of review',
    'Reports of studies included in previous version of review',
    'NA',
    'previous_reports.html',
  ],
  [
    'NA',
    'node6',
    'newstud',
    'Yellow title box; Identification of new studies via databases and registers',
    'Identification of new studies via databases and registers',
    'Yellow title box; Identification of new studies via databases and registers',
    'newstud.html',
  ],
  [
    'database_results',
    'node7',
    'box2',
    'Records identified from: Databases',
    'Databases',
    'Records identified from: Databases and Registers',
    'database_results.html',
  ],
  [
    'database_specific_results',
    'NA',
    'box2',
    'Records identified from: specific databases',
    'Specific Databases',
    'NA',
    'database_results.html',
  ],
  ['register_results', 'NA', 'box2', 'Records identified from: Registers', 'Registers', 'NA', 'NA'],
  [
    'register_specific_results',
    'NA',
    'box2',
    'Records identified from: specific registers',
    'Specific Registers',
    'NA',
    'database_results.html',
  ],
  [
    'NA',
    'node16',
    'othstud',
    'Grey title box; Identification of new studies via other methods',
    'Identification of new studies via other methods',
    'Grey title box; Identification of new studies via other methods',
    'othstud.html',
  ],
  [
    'website_results',
    'node17',
    'box11',
    'Records identified from: Websites',
    'Websites',
    'Records identified from: Websites, Organisations and Citation Searching',
    'website_results.html',
  ],
  [
    'organisation_results',
    'NA',
    'box11',
    'Records identified from: Organisations',
    'Organisations',
    'NA',
    'NA',
  ],
  [
    'citations_results',
    'NA',
    'box11',
    'Records identified from: Citation searching',
    'Citation searching',
    'NA',
    'NA',
  ],
  [
    'duplicates',
    'node8',
    'box3',
    'Duplicate records',
    'Duplicate records',
    'Duplicate records',
    'duplicates.html',
  ],
  [
    'excluded_automatic',
    'NA',
    'box3',
    'Records marked as ineligible by automation tools',
    'Records marked as ineligible by automation tools',
    'NA',
    'NA',
  ],
  [
    'excluded_other',
    'NA',
    'box3',
    'Records removed for other reasons',
    'Records removed for other reasons',
    'NA',
    'NA',
  ],
  [
    'records_screened',
    'node9',
    'box4',
    'Records screened (databases and registers)',
    'Records screened',
    'Records screened (databases and registers)',
    'records_screened.html',
  ],
  [
    'records_excluded',
    'node10',
    'box5',
    'Records excluded (databases and registers)',
    'Records excluded',
    'Records excluded (databases and registers)',
    'records_excluded.html',
  ],
  [
    'dbr_sought_reports',
    'node11',
    'box6',
    'Reports sought for retrieval (databases and registers)',
    'Reports sought for retrieval',
    'Reports sought for retrieval (databases and registers)',
    'dbr_sought_reports.html',
  ],
  [
    'dbr_notretrieved_reports',
    'node12',
    'box7',
    'Reports not retrieved (databases and registers)',
    'Reports not retrieved',
    'Reports not retrieved (databases and registers)',
    'dbr_notretrieved_reports.html',
  ],
  [
    'other_sought_reports',
    'node18',
    'box12',
    'Reports sought for retrieval (other)',
    'Reports sought for retrieval',
    'Reports sought for retrieval (other)',
    'other_sought_reports.html',
  ],
  [
    'other_notretrieved_reports',
    'node19',
    'box13',
    'Reports not retrieved (other)',
    'Reports not retrieved',
    'Reports not retrieved (other)',
    'other_notretrieved_reports.html',
  ],
  [
    'dbr_assessed',
    'node13',
    'box8',
    'Reports assessed for eligibility (databases and registers)',
    'Reports assessed for eligibility',
    'Reports assessed for eligibility (databases and registers)',
    'dbr_assessed.html',
  ],
  [
    'dbr_excluded',
    'node14',
    'box9',
    'Reports excluded (databases and registers): [separate reasons and numbers using ; e.g. Reason1, xxx; Reason2, xxx; Reason3, xxx]',
    'Reports excluded',
    'Reports excluded (databases and registers)',
    'dbrexcludedrecords.html',
  ],
  [
    'other_assessed',
    'node20',
    'box14',
    'Reports assessed for eligibility (other)',
    'Reports assessed for eligibility',
    'Reports assessed for eligibility (other)',
    'other_assessed.html',
  ],
  [
    'other_excluded',
    'node21',
    'box15',
    'Reports excluded (other): [separate reasons and numbers using ; e.g. Reason1, xxx; Reason2, xxx; Reason3, xxx]',
    'Reports excluded',
    'Reports excluded (other)',
    'other_excluded.html',
  ],
  [
    'new_studies',
    'node15',
    'box10',
    'New studies included in review',
    'New studies included in review',
    'New studies included in review',
    'new_studies.html',
  ],
  [
    'new_reports',
    'NA',
    'box10',
    'Reports of new included studies',
    'Reports of new included studies',
    'NA',
    'NA',
  ],
  [
    'total_studies',
    'node22',
    'box16',
    'Total studies included in review',
    'Total studies included in review',
    'Total studies included in review',
    'total_studies.html',
  ],
  [
    'total_reports',
    'NA',
    'box16',
    'Reports of total included studies',
    'Reports of total included studies',
    'NA',
    'NA',
  ],
  [
    'identification',
    'node1',
    'identification',
    'Blue identification box',
    'Identification',
    'Blue identification box',
    'identification.html',
  ],
  [
    'screening',
    'node2',
    'screening',
    'Blue screening box',
    'Screening',
    'Blue screening box',
    'screening.html',
  ],
  ['included', 'node3', 'included', 'Blue included box', 'Included', 'Blue included box', 'included.html'],
];

const LIST_KEYS: ReadonlySet<string> = new Set<PrismaListKey>([
  'database_specific_results',
  'register_specific_results',
  'dbr_excluded',
  'other_excluded',
]);

/**
 * "Name, n; Name, n" as the package splits it (on ";" then ","), so a separator inside a name
 * would shift its columns: such characters become look-alikes that do not split.
 */
export function formatPrismaList(entries: readonly PrismaListEntry[]): string {
  return entries
    .map((e) => `${e.name.replace(/;/g, '\u037E').replace(/,/g, '\u201A')}, ${e.count}`)
    .join('; ');
}

/**
 * The flow as template rows. `labels` overrides a row's box text (a team naming each database
 * box its own way); title rows keep the template's text unless a label is given for their `box`.
 */
export function prismaTemplateRows(
  flow: PrismaFlow,
  labels: Partial<Record<string, string>> = {},
): PrismaTemplateRow[] {
  return ROWS.map(([data, node, boxId, description, boxtext, tooltips, url]) => {
    let n = '0';
    if (LIST_KEYS.has(data)) n = formatPrismaList(flow.lists[data as PrismaListKey]);
    else if (data in flow.counts) n = String(flow.counts[data as PrismaCountKey].count);
    const label = labels[data === 'NA' ? boxId : data];
    return { data, node, box: boxId, description, boxtext: label ?? boxtext, tooltips, url, n };
  });
}

/** Counts under the template's keys: numbers, or name → number for the list rows. */
export type PrismaFlowJson = Record<Exclude<PrismaTemplateKey, PrismaListKey>, number> &
  Record<PrismaListKey, Record<string, number>>;

export function prismaFlowJson(flow: PrismaFlow): PrismaFlowJson {
  const json: Record<string, number | Record<string, number>> = {};
  for (const [data] of ROWS) {
    if (LIST_KEYS.has(data))
      json[data] = Object.fromEntries(flow.lists[data as PrismaListKey].map((e) => [e.name, e.count]));
    else if (data in flow.counts) json[data] = flow.counts[data as PrismaCountKey].count;
  }
  return json as PrismaFlowJson;
}

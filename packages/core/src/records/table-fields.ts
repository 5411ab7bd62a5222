/**
 * The record fields a table column (CSV, TSV, XLSX) can fill, in the order a mapping form lists
 * them (most used first). `label` is a screening label (ASReview's `label_included`): kept with the
 * record and flagged for the importer. One list for the table reader, the API and the web form.
 */
export const TABLE_FIELDS = [
  'title',
  'authors',
  'year',
  'abstract',
  'doi',
  'pmid',
  'container',
  'containerAbbreviation',
  'volume',
  'issue',
  'pages',
  'startPage',
  'endPage',
  'issn',
  'isbn',
  'keywords',
  'urls',
  'language',
  'publicationType',
  'sourceId',
  'label',
] as const;

export type TableField = (typeof TABLE_FIELDS)[number];

/** Display names of the import formats (ids from @weft/formats). */
export const FORMAT_NAMES: Record<string, string> = {
  ris: 'RIS',
  nbib: 'PubMed/MEDLINE (nbib)',
  'pubmed-xml': 'PubMed XML',
  'endnote-xml': 'EndNote XML',
  bibtex: 'BibTeX',
  csv: 'CSV',
  tsv: 'TSV',
  xlsx: 'Excel (XLSX)',
  'wos-tab': 'Web of Science tab-delimited',
};

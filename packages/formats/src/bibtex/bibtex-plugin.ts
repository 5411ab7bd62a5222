import type { TextFormatPlugin } from '../format-plugin.js';
import { formatBibtex } from './bibtex-format.js';
import { parseBibtex } from './bibtex-parse.js';

export const bibtexPlugin: TextFormatPlugin = {
  kind: 'text',
  id: 'bibtex',
  label: 'BibTeX / BibLaTeX',
  extensions: ['bib', 'bibtex', 'biblatex'],
  detect(text) {
    const head = text.slice(0, 8000);
    if (
      /^\s*@(?:article|book|inproceedings|incollection|misc|online|report|techreport|thesis|phdthesis)\s*[{(]/im.test(
        head,
      )
    )
      return 0.9;
    if (/^\s*@\w+\s*[{(]\s*[^\s,]*,/m.test(head)) return 0.7;
    return 0;
  },
  parse: (text, { fileName }) => parseBibtex(text, fileName),
  format: formatBibtex,
};

import type { TextFormatPlugin } from '../format-plugin.js';
import { readAllLines } from '../support/line-reader.js';
import { NbibReader } from './nbib-reader.js';

export const nbibPlugin: TextFormatPlugin = {
  kind: 'text',
  id: 'nbib',
  label: 'PubMed / MEDLINE text (.nbib)',
  extensions: ['nbib', 'medline', 'txt'],
  detect(text) {
    const head = text.slice(0, 4000);
    if (/^PMID- ?\d/m.test(head)) return 0.95;
    if (/^(?:TI|FAU|AU) {1,2}- /m.test(head) && /^(?:DP|TA|JT) {2}- /m.test(head)) return 0.6;
    return 0;
  },
  parse(text, { fileName }) {
    const reader = new NbibReader(fileName);
    const records = readAllLines(reader, text);
    return { records, warnings: reader.warnings };
  },
};

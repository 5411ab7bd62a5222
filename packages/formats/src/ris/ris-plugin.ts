import type { TextFormatPlugin } from '../format-plugin.js';
import { readAllLines } from '../support/line-reader.js';
import { formatRis } from './ris-format.js';
import { RisReader } from './ris-reader.js';

export const risPlugin: TextFormatPlugin = {
  kind: 'text',
  id: 'ris',
  label: 'RIS (EndNote, Zotero, Ovid, EBSCO, Scopus, Web of Science, Embase, ProQuest)',
  extensions: ['ris', 'txt'],
  detect(text) {
    const head = text.slice(0, 4000);
    if (/^TY {1,3}- ?\S/m.test(head)) return 0.95;
    if (/^(?:T1|TI|AU|A1) {1,3}- /m.test(head) && /^ER {1,3}-/m.test(text)) return 0.6;
    return 0;
  },
  parse(text, { fileName }) {
    const reader = new RisReader(fileName);
    const records = readAllLines(reader, text);
    return { records, warnings: reader.warnings };
  },
  format: formatRis,
};

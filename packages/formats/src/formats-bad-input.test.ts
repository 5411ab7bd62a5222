import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FormatError } from './format-error.js';
import type { FormatId, TextFormatPlugin } from './format-plugin.js';
import { formats } from './registry.js';

const textPlugins = formats.filter((format): format is TextFormatPlugin => format.kind === 'text');

/** One real fixture per text format, each fed to every other format's parser. */
const samples: Record<Exclude<FormatId, 'xlsx'>, string> = {
  ris: 'ris/zotero.ris',
  nbib: 'nbib/pubmed-two-records.nbib',
  'pubmed-xml': 'xml/pubmed.xml',
  'endnote-xml': 'xml/endnote.xml',
  bibtex: 'bibtex/jabref-bibtex.bib',
  csv: 'table/asreview.csv',
  tsv: 'table/records.tsv',
  'wos-tab': 'wos/savedrecs.txt',
  wos: 'wos/savedrecs-plain.txt',
};
const read = (path: string) =>
  readFileSync(new URL(`./fixtures/${path}`, import.meta.url), 'utf8').replace(/^\ufeff/, '');

describe('every text format refuses an empty file with a FormatError naming it', () => {
  it.each(textPlugins.map((plugin) => plugin.id))('%s', (id) => {
    const plugin = textPlugins.find((p) => p.id === id) as TextFormatPlugin;
    for (const text of ['', '\n\n']) {
      expect(() => plugin.parse(text, { fileName: `empty.${id}` })).toThrow(FormatError);
      expect(() => plugin.parse(text, { fileName: `empty.${id}` })).toThrow(new RegExp(`^empty\\.${id}: `));
    }
  });
});

describe('every text format refuses the other formats (not the format claimed)', () => {
  // A Web of Science tab-delimited export is a valid TSV (tags as headers): the one legitimate overlap.
  const ambiguous = new Set(['tsv<-wos-tab']);
  const pairs = textPlugins.flatMap((plugin) =>
    Object.entries(samples)
      .filter(([id]) => id !== plugin.id && !ambiguous.has(`${plugin.id}<-${id}`))
      .map(([id, path]) => ({ parser: plugin.id, given: id, path })),
  );
  it.each(pairs)('$parser given $given', ({ parser, path }) => {
    const plugin = textPlugins.find((p) => p.id === parser) as TextFormatPlugin;
    const attempt = () => plugin.parse(read(path), { fileName: 'claimed.file' });
    expect(attempt).toThrow(FormatError);
    expect(attempt).toThrow(/^claimed\.file(, line \d+)?: /);
  });
});

import { readFileSync } from 'node:fs';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { FormatError } from './format-error.js';
import type { FormatWarning, ParsedRecord } from './format-plugin.js';
import { parseFile } from './registry.js';
import { streamFile } from './stream-file.js';

const fixture = (path: string) =>
  new Uint8Array(readFileSync(new URL(`./fixtures/${path}`, import.meta.url)));
const utf8 = (text: string) => new TextEncoder().encode(text);

async function drain(bytes: Uint8Array, fileName: string, options: Parameters<typeof streamFile>[2] = {}) {
  const stream = await streamFile(bytes, fileName, { batchSize: 2, ...options });
  const records: ParsedRecord[] = [];
  const warnings: FormatWarning[] = [];
  let batches = 0;
  for await (const batch of stream.batches) {
    batches++;
    records.push(...batch.records);
    warnings.push(...batch.warnings);
  }
  return { ...stream, records, warnings: [...stream.decodeWarnings, ...warnings], batches };
}

/** Makes a big RIS file in chunks larger than one decode slice (1 MiB), CRLF endings. */
function bigRis(count: number): string {
  const parts: string[] = [];
  for (let i = 1; i <= count; i++) {
    parts.push(
      `TY  - JOUR\r\nTI  - Müller’s trial number ${i} ${'x'.repeat(200)}\r\nPY  - 2020\r\nER  - \r\n\r\n`,
    );
  }
  return parts.join('');
}

describe('streamFile gives what parseFile gives', () => {
  const paths = [
    'ris/scopus.ris',
    'ris/variants.ris',
    'ris/ovid-medline.ris',
    'nbib/pubmed-crlf.nbib',
    'nbib/pubmed-crlf-no-trailing-blank.nbib',
    'wos/savedrecs-plain.txt',
    'wos/savedrecs-win-utf16.txt',
    'wos/savedrecs.txt',
    'bibtex/jabref-bibtex.bib',
    'xml/pubmed.xml',
    'table/asreview.csv',
    'table/records.tsv',
  ];
  it.each(paths)('%s', async (path) => {
    const bytes = fixture(path);
    const whole = await parseFile(bytes, path);
    const streamed = await drain(bytes, path);
    expect(streamed.format).toBe(whole.format);
    expect(streamed.encoding).toBe(whole.encoding);
    expect(streamed.records).toEqual(whole.records);
    expect(streamed.warnings).toEqual(whole.warnings);
    expect(streamed.table).toEqual(whole.table);
  });

  it('streams a file larger than a decode slice, with a BOM, CRLF, stray controls and a final Ctrl-Z', async () => {
    const text = `\ufeff${bigRis(9000).replace('PY  - 2020', 'PY  - 20\u000720')}\u001a`;
    const bytes = utf8(text);
    expect(bytes.length).toBeGreaterThan(2 * 1024 * 1024);
    const whole = await parseFile(bytes, 'big.ris');
    const streamed = await drain(bytes, 'big.ris', { batchSize: 1000 });
    expect(streamed.records).toHaveLength(9000);
    expect(streamed.batches).toBe(9);
    expect(streamed.records).toEqual(whole.records);
    expect(streamed.warnings).toEqual(whole.warnings);
    expect(streamed.warnings[0]).toEqual({
      message: '1 stray control character(s) (first U+0007) ignored',
      line: 3,
    });
  });

  it('streams Windows-1252 too, with decodeText’s warning', async () => {
    const bytes = new Uint8Array(iconv.encode('TY  - JOUR\nTI  - Café au lait\nER  - \n', 'win1252'));
    const streamed = await drain(bytes, 'old.ris');
    expect(streamed.encoding).toBe('windows-1252');
    expect(streamed.records[0]?.record.title).toBe('Café au lait');
    expect(streamed.warnings[0]?.message).toMatch(/not valid UTF-8/);
  });
});

describe('streamFile refuses bad input like parseFile', () => {
  async function failure(bytes: Uint8Array, fileName: string, options = {}) {
    try {
      await drain(bytes, fileName, options);
    } catch (error) {
      expect(error).toBeInstanceOf(FormatError);
      return (error as Error).message;
    }
    throw new Error('expected a FormatError');
  }

  it.each([
    ['empty', utf8('')],
    ['blank', utf8('  \n\r\n ')],
  ])('%s file', async (_, bytes) => {
    expect(await failure(bytes, 'x.ris')).toBe('x.ris: the file is empty');
  });

  it('a truncated record names the line, the same as the whole-file parser', async () => {
    const bytes = utf8('TY  - JOUR\nTI  - Fine\nER  - \n\nthis line is not a tag\n');
    const whole = await parseFile(bytes, 'broken.ris').catch((error: Error) => error.message);
    expect(await failure(bytes, 'broken.ris')).toBe(whole);
    expect(whole).toMatch(/broken\.ris, line 5/);
  });

  it('binary data found late in the file (after the detection window)', async () => {
    const text = `${bigRis(400)}\u0000\u0001garbage`;
    const whole = await parseFile(utf8(text), 'b.ris').catch((error: Error) => error.message);
    expect(await failure(utf8(text), 'b.ris')).toBe(whole);
    expect(whole).toMatch(/binary data/);
  });

  it('a column mapping for a file that is not a table', async () => {
    expect(await failure(fixture('ris/scopus.ris'), 'scopus.ris', { fieldMapping: { title: 'TI' } })).toMatch(
      /a column mapping applies to CSV, TSV and Excel files; this file was read as ris/,
    );
  });
});

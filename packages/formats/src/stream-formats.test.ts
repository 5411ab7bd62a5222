import { readdirSync, readFileSync } from 'node:fs';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeText } from './decode-text.js';
import { FormatError } from './format-error.js';
import type { FormatWarning, ParsedRecord } from './format-plugin.js';
import { parseFile } from './registry.js';
import { streamFile } from './stream-file.js';
import type { ChunkSource } from './stream-source.js';
import { formatXlsx } from './table/xlsx-plugin.js';

/*
 * Every format × encoding × chunking streams to exactly what the whole-file parser gives: the
 * streaming readers must never change a record, a warning or an error, whatever the chunk
 * boundaries cut (a character, a CRLF pair, an XML tag, a quoted CSV cell).
 */

const FIXTURES = new URL('./fixtures/', import.meta.url);
const DIRS = ['ris', 'nbib', 'wos', 'table', 'xml', 'bibtex'];
const PATHS = DIRS.flatMap((dir) =>
  readdirSync(new URL(`${dir}/`, FIXTURES)).map((name) => `${dir}/${name}`),
);
const fixture = (path: string) => new Uint8Array(readFileSync(new URL(path, FIXTURES)));

/** The bytes as a stored upload would hand them out, `size` bytes a chunk. */
function chunked(bytes: Uint8Array, size: number): ChunkSource {
  return {
    byteSize: bytes.byteLength,
    *chunks() {
      for (let at = 0; at < bytes.byteLength; at += size) yield bytes.slice(at, at + size);
    },
  };
}

type Outcome =
  | {
      ok: true;
      format: string;
      encoding: string;
      records: ParsedRecord[];
      warnings: FormatWarning[];
      table?: unknown;
    }
  | { ok: false; error: string; line?: number };

async function streamed(source: Uint8Array | ChunkSource, fileName: string, batchSize = 3): Promise<Outcome> {
  try {
    const stream = await streamFile(source, fileName, { batchSize });
    const records: ParsedRecord[] = [];
    const warnings: FormatWarning[] = [];
    for await (const batch of stream.batches) {
      expect(batch.records.length).toBeLessThanOrEqual(batchSize);
      records.push(...batch.records);
      warnings.push(...batch.warnings);
    }
    return {
      ok: true,
      format: stream.format,
      encoding: stream.encoding,
      records,
      warnings: [...stream.decodeWarnings, ...warnings],
      ...(stream.table ? { table: stream.table } : {}),
    };
  } catch (error) {
    if (!(error instanceof FormatError)) throw error;
    return { ok: false, error: error.message, ...(error.line !== undefined ? { line: error.line } : {}) };
  }
}

async function whole(bytes: Uint8Array, fileName: string): Promise<Outcome> {
  try {
    const parsed = await parseFile(bytes, fileName);
    return {
      ok: true,
      format: parsed.format,
      encoding: parsed.encoding,
      records: parsed.records,
      warnings: parsed.warnings,
      ...(parsed.table ? { table: parsed.table } : {}),
    };
  } catch (error) {
    if (!(error instanceof FormatError)) throw error;
    return { ok: false, error: error.message, ...(error.line !== undefined ? { line: error.line } : {}) };
  }
}

/** The fixture re-encoded: its text in UTF-8 with a BOM, UTF-16 LE/BE with a BOM, Windows-1252. */
function encodings(bytes: Uint8Array): [string, Uint8Array][] {
  const text = decodeText(bytes, 'x').text.replace(/\n/g, '\r\n');
  const out: [string, Uint8Array][] = [
    ['as stored', bytes],
    [
      'UTF-8 + BOM, CRLF',
      new Uint8Array(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)])),
    ],
    [
      'UTF-16LE + BOM',
      new Uint8Array(Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(text, 'utf-16le')])),
    ],
    [
      'UTF-16BE + BOM',
      new Uint8Array(Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(text, 'utf-16be')])),
    ],
    ['UTF-16LE, no BOM', new Uint8Array(iconv.encode(text, 'utf-16le'))],
  ];
  const win = iconv.encode(text, 'win1252');
  if (iconv.decode(win, 'win1252') === text) out.push(['Windows-1252', new Uint8Array(win)]);
  return out;
}

describe('every fixture, in every encoding and chunking, streams to what parseFile gives', () => {
  const cases = PATHS.flatMap((path) =>
    encodings(fixture(path)).map(([encoding, bytes]) => ({ path, encoding, bytes })),
  );
  it.each(cases)('$path ($encoding)', async ({ path, bytes }) => {
    const expected = await whole(bytes, path);
    // 1-byte chunks cut every character, CRLF pair and tag; 7 and 1000 bytes cut them unevenly.
    for (const size of [1, 7, 1000])
      expect(await streamed(chunked(bytes, size), path), `${size}-byte chunks`).toEqual(expected);
    expect(await streamed(bytes, path, 1000)).toEqual(expected);
  });

  it('reads at least one fixture of every streamed format', async () => {
    const formats = new Set<string>();
    for (const path of PATHS) {
      const outcome = await whole(fixture(path), path);
      if (outcome.ok) formats.add(outcome.format);
    }
    expect([...formats].sort()).toEqual([
      'bibtex',
      'csv',
      'endnote-xml',
      'nbib',
      'pubmed-xml',
      'ris',
      'tsv',
      'wos',
      'wos-tab',
    ]);
  });
});

describe('Excel workbooks stream through exceljs’s streaming reader', () => {
  it.each(['table/asreview.csv', 'table/scopus.csv', 'ris/scopus.ris', 'xml/pubmed.xml'])(
    'records of %s written to XLSX read back as readXlsx reads them',
    async (path) => {
      const parsed = await parseFile(fixture(path), path);
      const bytes = await formatXlsx(parsed.records.map((item) => item.record));
      const expected = await whole(bytes, 'records.xlsx');
      expect(expected.ok).toBe(true);
      for (const size of [1000, 64 * 1024])
        expect(await streamed(chunked(bytes, size), 'records.xlsx')).toEqual(expected);
    },
  );

  it('a damaged workbook fails with a clear message', async () => {
    const bytes = await formatXlsx([
      { type: 'bibliographic-record', title: 'T', authors: [], keywords: [], urls: [], extra: {} } as never,
    ]);
    const cut = bytes.slice(0, Math.floor(bytes.length / 2));
    const outcome = await streamed(cut, 'cut.xlsx');
    expect(outcome.ok).toBe(false);
    expect(!outcome.ok && outcome.error).toMatch(/^cut\.xlsx: /);
  });
});

describe('chunk boundaries anywhere', () => {
  const texts: [string, string][] = [
    [
      'accents.ris',
      'TY  - JOUR\r\nTI  - Müller’s naïve café 😀 trial\r\nAU  - Ødegård, Å.\r\nER  - \r\n\r\nTY  - JOUR\r\nTI  - Second\r\nER  - \r\n',
    ],
    [
      'quoted.csv',
      'title,authors,abstract\r\n"Müller, ""quoted"" café","Smith, J.; Doe, K.","line one\r\nline two"\r\nSecond,"Lee, A.",é\r\n',
    ],
    [
      'pubmed.xml',
      '<?xml version="1.0"?>\n<PubmedArticleSet>\n<PubmedArticle><MedlineCitation><PMID>1</PMID><Article><ArticleTitle>Ünïcode <i>title</i></ArticleTitle></Article></MedlineCitation></PubmedArticle>\n<PubmedArticle><MedlineCitation><PMID>2</PMID><Article><ArticleTitle>Two</ArticleTitle></Article></MedlineCitation></PubmedArticle>\n</PubmedArticleSet>\n',
    ],
  ];
  it.each(texts)('%s split in two at every byte, in UTF-8 and UTF-16', async (name, text) => {
    for (const bytes of [
      new Uint8Array(Buffer.from(text)),
      new Uint8Array(Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(text, 'utf-16le')])),
    ]) {
      const expected = await whole(bytes, name);
      expect(expected.ok && expected.records.length).toBe(2);
      for (let cut = 1; cut < bytes.length; cut++) {
        const source: ChunkSource = {
          byteSize: bytes.length,
          *chunks() {
            yield bytes.subarray(0, cut);
            yield bytes.subarray(cut);
          },
        };
        expect(await streamed(source, name), `cut at byte ${cut}`).toEqual(expected);
      }
    }
  });
});

describe('broken files fail in the stream as in the whole-file parser, naming file and line', () => {
  const broken: [string, string][] = [
    ['cut.xml', readFileSync(new URL('xml/pubmed-truncated.xml', FIXTURES), 'utf8')],
    [
      'bad-record.xml',
      '<?xml version="1.0"?>\n<PubmedArticleSet>\n<PubmedArticle>\n<MedlineCitation><PMID>1</PMID>\n</Oops></PubmedArticle>\n</PubmedArticleSet>\n',
    ],
    [
      'bad-wrapper.xml',
      '<?xml version="1.0"?>\n<PubmedArticleSet>\n<PubmedArticle><MedlineCitation><PMID>1</PMID></MedlineCitation></PubmedArticle>\n</Wrong>\n',
    ],
    [
      'endnote-cut.xml',
      '<?xml version="1.0"?><xml><records>\n<record><ref-type name="Journal Article">17</ref-type><titles><title>A</title></titles></record>\n<record><titles>',
    ],
    ['quote.csv', 'title,authors\n"fine","a"\n"never closed,b\nmore\n'],
    ['one-column.csv', 'nothing here\nat all\n'],
    ['header-only.csv', 'title,authors,year\n'],
    ['broken.ris', 'TY  - JOUR\nTI  - Fine\nER  - \n\nthis line is not a tag\n'],
    ['binary-late.ris', `${'TY  - JOUR\nTI  - x\nER  - \n\n'.repeat(5000)}\u0000\u0001garbage`],
    ['wos-tab.txt', 'PT\tAU\tTI\tSO\n'],
    ['empty.csv', '\n\n  \n'],
  ];
  it.each(broken)('%s', async (name, text) => {
    const bytes = new Uint8Array(Buffer.from(text));
    const expected = await whole(bytes, name);
    expect(expected.ok).toBe(false);
    for (const size of [5, 4096]) expect(await streamed(chunked(bytes, size), name)).toEqual(expected);
  });

  it('a truncated PubMed file names the line where it breaks', async () => {
    const outcome = await streamed(fixture('xml/pubmed-truncated.xml'), 'cut.xml');
    expect(outcome).toMatchObject({ ok: false, line: 38 });
  });
});

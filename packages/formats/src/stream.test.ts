import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FormatError } from './format-error.js';
import { nbibPlugin } from './nbib/nbib-plugin.js';
import { risPlugin } from './ris/ris-plugin.js';
import { parseStream } from './stream.js';
import { wosPlainPlugin } from './wos/wos-tab-plugin.js';

const fixture = (path: string) => readFileSync(new URL(`./fixtures/${path}`, import.meta.url));

/** Splits bytes into chunks of awkward sizes so records, lines, CRLFs and UTF-8 sequences straddle chunk borders. */
async function* chunked(bytes: Uint8Array, size: number): AsyncGenerator<Uint8Array> {
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

async function collect(stream: ReturnType<typeof parseStream>) {
  const records = [];
  const warnings = [];
  let batches = 0;
  for await (const batch of stream) {
    batches++;
    records.push(...batch.records);
    warnings.push(...batch.warnings);
  }
  return { records, warnings, batches };
}

describe('parseStream gives the same records as the whole-file parser', () => {
  const cases = [
    { path: 'ris/scopus.ris', format: 'ris', plugin: risPlugin },
    { path: 'ris/variants.ris', format: 'ris', plugin: risPlugin },
    { path: 'ris/endnote.ris', format: 'ris', plugin: risPlugin },
    { path: 'nbib/pubmed-two-records.nbib', format: 'nbib', plugin: nbibPlugin },
    { path: 'nbib/pubmed-crlf.nbib', format: 'nbib', plugin: nbibPlugin },
    { path: 'wos/savedrecs-plain.txt', format: 'wos', plugin: wosPlainPlugin },
  ] as const;
  for (const size of [1, 7, 4096]) {
    it.each(cases)(`$path in ${size}-byte chunks`, async ({ path, format, plugin }) => {
      const bytes = fixture(path);
      const whole = plugin.parse(bytes.toString('utf8').replace(/\r\n?/g, '\n'), { fileName: path });
      const streamed = await collect(
        parseStream(chunked(bytes, size), { fileName: path, format, batchSize: 1 }),
      );
      expect(streamed.records).toEqual(whole.records);
      expect(streamed.warnings).toEqual(whole.warnings);
    });
  }

  it('accepts string chunks and yields batches of the requested size', async () => {
    const text = Array.from({ length: 25 }, (_, i) => `TY  - JOUR\nTI  - Record ${i + 1}\nER  - \n`).join('');
    const lines = text.split(/(?<=\n)/);
    const { records, batches } = await collect(
      parseStream(lines, { fileName: 's.ris', format: 'ris', batchSize: 10 }),
    );
    expect(records.map((r) => r.record.title)).toEqual(
      Array.from({ length: 25 }, (_, i) => `Record ${i + 1}`),
    );
    expect(batches).toBe(3);
  });

  it('throws the same FormatError as the whole-file parser', async () => {
    const stream = parseStream(['TY  - JOUR\nER  - \n', 'not a tag\n'], {
      fileName: 'bad.ris',
      format: 'ris',
    });
    await expect(collect(stream)).rejects.toThrow(FormatError);
    await expect(
      collect(parseStream(['TY  - JOUR\nER  - \n', 'not a tag\n'], { fileName: 'bad.ris', format: 'ris' })),
    ).rejects.toThrow("bad.ris, line 3: expected a tag like 'TY  - ' between records, found 'not a tag'");
    await expect(collect(parseStream([], { fileName: 'empty.ris', format: 'ris' }))).rejects.toThrow(
      'empty.ris: the file is empty',
    );
    await expect(
      collect(parseStream([new TextEncoder().encode('%PDF-1.4')], { fileName: 'a.ris', format: 'ris' })),
    ).rejects.toThrow('a.ris: this is a PDF document');
  });

  it('streams 100,000 generated RIS records with bounded batches', async () => {
    const total = 100_000;
    async function* generate(): AsyncGenerator<Uint8Array> {
      const encoder = new TextEncoder();
      for (let start = 0; start < total; start += 1000) {
        let chunk = '';
        for (let i = start; i < start + 1000; i++) {
          chunk += `TY  - JOUR\r\nID  - ${i}\r\nTI  - Generated record number ${i} about integrated care\r\nAU  - Author${i % 97}, A.\r\nAU  - Second, B.\r\nPY  - ${1990 + (i % 30)}\r\nJO  - Journal ${i % 13}\r\nSP  - ${i % 500}\r\nEP  - ${(i % 500) + 9}\r\nDO  - 10.1234/gen.${i}\r\nAB  - ${'Lorem ipsum dolor sit amet. '.repeat(8)}\r\nKW  - care\r\nER  - \r\n\r\n`;
        }
        yield encoder.encode(chunk);
      }
    }
    let count = 0;
    let largest = 0;
    let last: unknown;
    for await (const batch of parseStream(generate(), {
      fileName: 'big.ris',
      format: 'ris',
      batchSize: 2000,
    })) {
      count += batch.records.length;
      largest = Math.max(largest, batch.records.length);
      expect(batch.warnings).toEqual([]);
      last = batch.records[batch.records.length - 1];
    }
    expect(count).toBe(total);
    expect(largest).toBeLessThanOrEqual(3000);
    expect(last).toMatchObject({
      index: total,
      record: { sourceId: '99999', doi: '10.1234/gen.99999', year: 1999 },
    });
  });
});

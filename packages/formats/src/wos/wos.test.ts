import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseFile } from '../registry.js';

const bytes = (name: string) => readFileSync(new URL(`../fixtures/wos/${name}`, import.meta.url));

describe('Web of Science tab-delimited', () => {
  const cases = [
    { file: 'savedrecs.txt', encoding: 'utf-8', count: 3, family: 'Lee', given: 'Sun' },
    { file: 'savedrecs-win-utf16.txt', encoding: 'utf-16le', count: 1, family: 'Lée', given: 'Sün' },
  ];
  it.each(cases)('$file ($encoding)', async (c) => {
    const result = await parseFile(bytes(c.file), c.file);
    expect(result.format).toBe('wos-tab');
    expect(result.encoding).toBe(c.encoding);
    expect(result.warnings).toEqual([]);
    expect(result.records).toHaveLength(c.count);
    expect(result.records[0]?.record).toMatchObject({
      sourceId: 'WOS:000441234500005',
      title: 'Care coordination for patients with multimorbidity: a meta-analysis',
      authors: [
        { family: c.family, given: c.given },
        { family: 'Kim', given: 'Hyun' },
      ],
      container: 'HEALTH POLICY',
      containerAbbreviation: 'Health Policy',
      year: 2018,
      volume: '122',
      issue: '8',
      pages: '849-857',
      doi: '10.1016/j.healthpol.2018.05.012',
      pmid: '30001234',
      issn: ['0168-8510', '1872-6054'],
      keywords: ['care coordination', 'multimorbidity'],
      abstract: 'Care coordination has been "proposed" to improve outcomes.',
      publicationType: 'journal-article',
      language: 'English',
    });
    expect(result.records[0]?.record.extra).toMatchObject({
      PT: ['J'],
      AU: ['Lee, S; Kim, H'],
      ID: ['OUTCOMES; PRIMARY-CARE'],
      PG: ['9'],
      J9: ['HEALTH POLICY'],
      DT: ['Article'],
    });
  });

  it('falls back to AU when a record has no full names, and reads proceedings', async () => {
    const { records } = await parseFile(bytes('savedrecs.txt'), 'savedrecs.txt');
    expect(records[1]?.record).toMatchObject({
      authors: [{ family: 'Smith', given: 'JA' }],
      pages: '100-110',
    });
    expect(records[1]?.record.extra.AU).toBeUndefined();
    expect(records[2]?.record).toMatchObject({
      publicationType: 'conference-paper',
      isbn: ['978-3-030-00001-1'],
    });
  });
});

describe('Web of Science plain text', () => {
  it('reads the same fields as the tab-delimited export, with wrapped and one-per-line continuations', async () => {
    const result = await parseFile(bytes('savedrecs-plain.txt'), 'savedrecs.txt');
    expect(result.format).toBe('wos');
    expect(result.warnings).toEqual([]);
    expect(result.records.map((r) => [r.line, r.index])).toEqual([
      [3, 1],
      [36, 2],
    ]);
    const tab = await parseFile(bytes('savedrecs.txt'), 'savedrecs.txt');
    const { extra: plainExtra, ...plain } = result.records[0]?.record ?? { extra: {} };
    const { extra: tabExtra, ...fromTab } = tab.records[0]?.record ?? { extra: {} };
    expect(plain).toEqual(fromTab);
    expect(plainExtra).toMatchObject({
      AU: ['Lee, S; Kim, H'],
      C1: ['[Lee, Sun] Seoul Natl Univ, Seoul, South Korea.; [Kim, Hyun] Yonsei Univ, Seoul, South Korea.'],
      PG: ['9'],
    });
    expect(tabExtra).toMatchObject({ AU: ['Lee, S; Kim, H'], PG: ['9'] });
    expect(result.records[1]?.record).toMatchObject({
      authors: [{ family: 'Smith', given: 'JA' }],
      pages: '100-110',
    });
    expect(result.records[0]?.sourceText.split('\n')[0]).toBe('PT J');
  });

  it('refuses text that is not Web of Science', async () => {
    await expect(
      parseFile(new TextEncoder().encode('FN Clarivate Analytics Web of Science\nVR 1.0\nhello\n'), 'w.txt'),
    ).rejects.toThrow("w.txt, line 3: expected a Web of Science tag like 'PT J', found 'hello'");
  });
});

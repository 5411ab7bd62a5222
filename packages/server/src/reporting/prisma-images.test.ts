import { computePrismaFlow, renderPrismaSvg } from '@weft/core';
import { extractPdf } from '@weft/extract';
import { describe, expect, it } from 'vitest';
import { crc32, readPngResolution } from './png-resolution.js';
import { prismaPdf, prismaPdfWarnings, prismaPng } from './prisma-images.js';

const svg = renderPrismaSvg(
  computePrismaFlow({
    searches: [{ id: 's', name: 'MEDLINE via Ovid', sourceType: 'database' }],
    records: [
      { id: 'a', searchId: 's', duplicateRemoval: null, recordDecision: 'exclude' },
      { id: 'b', searchId: 's', duplicateRemoval: null, recordDecision: 'include' },
    ],
    hasEligibilityStage: false,
    previous: null,
  }),
);
const svgWidth = Number(/width="(\d+)"/.exec(svg)?.[1]);

describe('PRISMA diagram images', () => {
  it('renders a PNG at the requested print resolution', () => {
    const png = prismaPng(svg, 300);
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    // IHDR width: CSS pixels at 96 per inch, scaled to 300 dpi.
    expect(png.readUInt32BE(16)).toBe(Math.round((svgWidth * 300) / 96));
    // pHYs: 300 dpi = 300 / 0.0254 = 11811 pixels per metre (PNG 1.2 spec, unit 1 = metre).
    expect(readPngResolution(png)).toEqual({ x: 11811, y: 11811, unit: 1, crcOk: true });
    // Every PNG's IEND chunk carries the CRC-32 AE426082 (PNG spec): the checksum is the standard one.
    expect(crc32(Buffer.from('IEND', 'latin1'))).toBe(0xae426082);
    expect(readPngResolution(prismaPng(svg, 600))).toMatchObject({ x: 23622, y: 23622 });
  });

  it('renders a vector PDF whose text is the diagram text', async () => {
    const pdf = await prismaPdf(svg);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const extracted = await extractPdf('prisma.pdf', new Uint8Array(pdf));
    const text = extracted.text.replace(/\s+/g, ' ');
    expect(text).toContain('Records screened');
    expect(text).toContain('Records excluded');
    expect(text).toMatch(/MEDLINE via Ovid \(n\s?=\s?2\)/);
  });

  it('embeds a Unicode font so Greek, Cyrillic and symbols survive, and names what it cannot draw', async () => {
    const labelled = renderPrismaSvg(
      computePrismaFlow({
        searches: [{ id: 's', name: 'Научная электронная библиотека', sourceType: 'database' }],
        records: [{ id: 'a', searchId: 's', duplicateRemoval: null, recordDecision: 'include' }],
        hasEligibilityStage: false,
        previous: null,
      }),
      { labels: { database_results: 'Βάσεις δεδομένων – 数据库 ≥1' } },
    );
    const pdf = await prismaPdf(labelled);
    const raw = pdf.toString('latin1');
    // Embedded TrueType (FontFile2), subset-tagged DejaVu Sans; no non-embedded base-14 Helvetica.
    expect(raw).toMatch(/\/BaseFont \/[A-Z]{6}\+DejaVuSans\b/);
    expect(raw).toContain('/FontFile2');
    expect(raw).not.toContain('/Helvetica');
    const text = (await extractPdf('prisma.pdf', new Uint8Array(pdf))).text.replace(/\s+/g, ' ');
    expect(text).toContain('Βάσεις δεδομένων –');
    expect(text).toContain('≥1');
    expect(text).toContain('Научная электронная библиотека');
    // DejaVu Sans has no CJK: the three characters are named, not silently dropped.
    const warnings = prismaPdfWarnings(labelled);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('数 据 库');
    expect(prismaPdfWarnings(svg)).toEqual([]);
  });
});

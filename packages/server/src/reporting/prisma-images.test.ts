import { computePrismaFlow, renderPrismaSvg } from '@weft/core';
import { extractPdf } from '@weft/extract';
import { describe, expect, it } from 'vitest';
import { crc32, readPngResolution } from './png-resolution.js';
import { prismaPdf, prismaPng } from './prisma-images.js';

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
});

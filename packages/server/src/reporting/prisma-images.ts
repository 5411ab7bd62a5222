import { Resvg } from '@resvg/resvg-js';
import PDFDocument from 'pdfkit';
import SVGtoPDF from 'svg-to-pdfkit';
import { withPngResolution } from './png-resolution.js';

/**
 * The PRISMA diagram's SVG as the files journals ask for: a PNG at print resolution and a vector
 * PDF. Both start from the same SVG the app shows, so the three never disagree.
 */

/** SVG user units are CSS pixels (96 per inch); journals ask for 300 dpi line art or more. */
const CSS_DPI = 96;

export function prismaPng(svg: string, dpi = 300): Buffer {
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'zoom', value: dpi / CSS_DPI },
    font: { loadSystemFonts: true, defaultFontFamily: 'Liberation Sans' },
    background: '#ffffff',
  });
  return withPngResolution(Buffer.from(resvg.render().asPng()), dpi);
}

export function prismaPdf(svg: string): Promise<Buffer> {
  const { width, height } = svgSize(svg);
  // PDF points are 1/72 inch: scale the CSS pixels so the page prints at the size the SVG says.
  const scale = 72 / CSS_DPI;
  const doc = new PDFDocument({
    size: [width * scale, height * scale],
    margin: 0,
    info: { Title: 'PRISMA 2020 flow diagram', Creator: 'Weft' },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  SVGtoPDF(doc, svg, 0, 0, { width: width * scale, height: height * scale, assumePt: false });
  doc.end();
  return done;
}

function svgSize(svg: string): { width: number; height: number } {
  const width = Number(/<svg[^>]*\swidth="([\d.]+)"/.exec(svg)?.[1]);
  const height = Number(/<svg[^>]*\sheight="([\d.]+)"/.exec(svg)?.[1]);
  if (!Number.isFinite(width) || !Number.isFinite(height))
    throw new Error('The diagram SVG has no width and height.');
  return { width, height };
}

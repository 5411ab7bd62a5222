import { Resvg } from '@resvg/resvg-js';
import PDFDocument from 'pdfkit';
import SVGtoPDF from 'svg-to-pdfkit';
import { diagramFont, missingGlyphs } from './diagram-fonts.js';
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
  const font = diagramFont();
  doc.registerFont('Diagram', font.regular);
  doc.registerFont('Diagram-Bold', font.bold);
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  // svg-to-pdfkit only knows font-weight="bold"; the diagram's headings say 600.
  const boldened = svg.replace(/font-weight="(?:[6-9]00|bold(?:er)?)"/g, 'font-weight="bold"');
  SVGtoPDF(doc, boldened, 0, 0, {
    width: width * scale,
    height: height * scale,
    assumePt: false,
    fontCallback: (_family, bold) => (bold ? 'Diagram-Bold' : 'Diagram'),
  });
  doc.end();
  return done;
}

/**
 * What the PDF cannot show: characters of the diagram's text the embedded font has no glyph for
 * (CJK among them), which print as empty boxes. Said out loud so a label never vanishes unnoticed.
 */
export function prismaPdfWarnings(svg: string): string[] {
  const text = [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => unescapeXml(m[1] ?? '')).join(' ');
  const missing = missingGlyphs(text);
  if (missing.length === 0) return [];
  const shown =
    missing.slice(0, 12).join(' ') + (missing.length > 12 ? ` and ${missing.length - 12} more` : '');
  return [
    `The PDF's embedded font (DejaVu Sans) has no glyph for ${shown}: those characters print as empty boxes in the PDF. The SVG keeps them (the PNG only where the server has a font for them).`,
  ];
}

const unescapeXml = (text: string) =>
  text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&#x([\da-f]+);/gi, (_, n: string) => String.fromCodePoint(Number.parseInt(n, 16)))
    .replace(/&amp;/g, '&');

function svgSize(svg: string): { width: number; height: number } {
  const width = Number(/<svg[^>]*\swidth="([\d.]+)"/.exec(svg)?.[1]);
  const height = Number(/<svg[^>]*\sheight="([\d.]+)"/.exec(svg)?.[1]);
  if (!Number.isFinite(width) || !Number.isFinite(height))
    throw new Error('The diagram SVG has no width and height.');
  return { width, height };
}

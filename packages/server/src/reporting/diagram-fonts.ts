import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { create, type Font } from 'fontkit';

/**
 * The fonts the PDF diagram embeds. Journals require embedded fonts, and pdfkit's built-in Helvetica
 * is neither embedded nor able to draw anything beyond Latin-1: Greek or Chinese box labels vanished.
 * DejaVu Sans covers Latin, Greek, Cyrillic, Armenian, Georgian, Hebrew, Arabic and most symbols;
 * it has no CJK (Chinese, Japanese, Korean) glyphs, and the smallest CJK fonts are several megabytes,
 * so characters it lacks are reported rather than dropped (see missingGlyphs).
 */
export interface DiagramFont {
  regular: Buffer;
  bold: Buffer;
}

let loaded: (DiagramFont & { coverage: Font }) | undefined;

export function diagramFont(): DiagramFont & { coverage: Font } {
  if (!loaded) {
    const require = createRequire(import.meta.url);
    const dir = join(dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');
    const regular = readFileSync(join(dir, 'DejaVuSans.ttf'));
    loaded = { regular, bold: readFileSync(join(dir, 'DejaVuSans-Bold.ttf')), coverage: create(regular) };
  }
  return loaded;
}

/** The distinct characters of `text` the embedded font cannot draw (whitespace aside), in order of appearance. */
export function missingGlyphs(text: string): string[] {
  const { coverage } = diagramFont();
  const missing = new Set<string>();
  for (const char of text) {
    const codePoint = char.codePointAt(0) as number;
    if (/\s/.test(char) || missing.has(char)) continue;
    if (!coverage.hasGlyphForCodePoint(codePoint)) missing.add(char);
  }
  return [...missing];
}

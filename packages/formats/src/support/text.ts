const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/** Decodes XML/HTML character references. */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, body: string) => {
    if (body[0] === '#') {
      const code =
        body[1] === 'x' || body[1] === 'X' ? Number.parseInt(body.slice(2), 16) : Number(body.slice(1));
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[body.toLowerCase()] ?? whole;
  });
}

/** Removes inline markup (<i>, <sup>, <span class="nocase">) keeping the text. */
export function stripMarkup(text: string): string {
  return text.replace(/<\/?[a-zA-Z][^<>]*>/g, '');
}

export function collapseWhitespace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Splits text into lines after line endings have been normalised to \n. */
export function lineNumberAt(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

/** Normalises page ranges written with en/em dashes or double hyphens ("100--110", "100–110"). */
export function normalisePages(pages: string): string {
  return pages
    .trim()
    .replace(/\s*(?:--|[\u2010-\u2015])\s*/g, '-')
    .replace(/\s*-\s*/g, '-');
}

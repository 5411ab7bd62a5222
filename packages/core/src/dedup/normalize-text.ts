/**
 * Folds a free-text field to the form two databases are most likely to agree on:
 * lower case, no diacritics, no markup, punctuation as single spaces.
 */

const HTML_ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  ndash: '-',
  mdash: '-',
  alpha: 'α',
  beta: 'β',
  gamma: 'γ',
  delta: 'δ',
  kappa: 'κ',
  mu: 'μ',
  lsquo: "'",
  rsquo: "'",
  ldquo: '"',
  rdquo: '"',
  hellip: '...',
  minus: '-',
  plusmn: '±',
  times: '×',
  le: '≤',
  ge: '≥',
  deg: '°',
  szlig: 'ß',
  aelig: 'æ',
  oelig: 'œ',
  oslash: 'ø',
};

// Latin letters with an accent ("&eacute;", "&Ouml;"): the accent is folded away later anyway.
const ACCENTED_ENTITY_RE = /&([a-zA-Z])(?:acute|grave|uml|circ|tilde|cedil|ring|caron);/g;

// Greek letters are spelled out because MEDLINE writes "TNF-alpha" where publishers write "TNF-α".
const GREEK: Record<string, string> = {
  α: 'alpha',
  β: 'beta',
  γ: 'gamma',
  δ: 'delta',
  ε: 'epsilon',
  ζ: 'zeta',
  η: 'eta',
  θ: 'theta',
  ι: 'iota',
  κ: 'kappa',
  λ: 'lambda',
  μ: 'mu',
  µ: 'mu',
  ν: 'nu',
  ξ: 'xi',
  π: 'pi',
  ρ: 'rho',
  σ: 'sigma',
  τ: 'tau',
  υ: 'upsilon',
  φ: 'phi',
  χ: 'chi',
  ψ: 'psi',
  ω: 'omega',
};

// Letters that Unicode decomposition leaves alone but transliteration tables (and so databases) expand.
const LIGATURES: Record<string, string> = {
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  ł: 'l',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ı: 'i',
};

const GREEK_RE = new RegExp(`[${Object.keys(GREEK).join('')}]`, 'g');
const LIGATURE_RE = new RegExp(`[${Object.keys(LIGATURES).join('')}]`, 'g');

/** Removes HTML tags and decodes entities (titles from publisher feeds carry `<i>`, `&amp;`). */
export function stripHtml(input: string): string {
  return input
    .replace(/<\/?[a-zA-Z][^<>]*>/g, '')
    .replace(/&#x([0-9a-fA-F]+);/g, (_, hex: string) => String.fromCodePoint(Number.parseInt(hex, 16)))
    .replace(/&#(\d+);/g, (_, dec: string) => String.fromCodePoint(Number.parseInt(dec, 10)))
    .replace(ACCENTED_ENTITY_RE, '$1')
    .replace(/&([a-zA-Z]+);/g, (whole, name: string) => HTML_ENTITIES[name.toLowerCase()] ?? whole);
}

/** Removes LaTeX markup as BibTeX exports carry it: accents, font commands, braces, math dollars. */
export function stripLatex(input: string): string {
  return (
    input
      // Accent commands ({\"o}, \'{e}, \c c) become the base letter; diacritics are folded later anyway.
      .replace(/\\[`'^"~=.]\s*\{?\s*([a-zA-Z])\s*\}?/g, '$1')
      // Letter accents (\v c, \c{c}) need a space or brace, or "\textit" would read as \t + "extit".
      .replace(/\\[uvHckbdrt](?:\s+|\{\s*)([a-zA-Z])\s*\}?/g, '$1')
      .replace(/\\(alpha|beta|gamma|delta|epsilon|kappa|lambda|mu|sigma|omega|theta|pi)\b/g, ' $1 ')
      .replace(/\\(ss|ae|oe|o|l|aa|AE|OE|O|L|AA)\b/g, (_, letter: string) => letter.toLowerCase())
      .replace(/\\&/g, '&')
      .replace(/\\[a-zA-Z]+\*?/g, ' ')
      .replace(/[{}$]/g, '')
  );
}

/** Lower case, markup removed, Greek spelled out, diacritics dropped, punctuation collapsed to spaces. */
export function normalizeText(input: string | undefined): string {
  if (!input) return '';
  // Most fields are plain ASCII without markup; they skip the Unicode work.
  if (/^[a-zA-Z0-9 ,.:;?!()'"/-]*$/.test(input)) {
    return input
      .toLowerCase()
      .replace(/'/g, '')
      .replace(/[^a-z0-9]+/g, ' ')
      .trim();
  }
  let text = stripLatex(stripHtml(input)).toLowerCase();
  text = text.replace(GREEK_RE, (letter) => ` ${GREEK[letter] ?? letter} `);
  text = text.replace(LIGATURE_RE, (letter) => LIGATURES[letter] ?? letter);
  text = text.normalize('NFKD').replace(/\p{M}+/gu, '');
  text = text.replace(/&/g, ' and ');
  // Apostrophes join rather than split so "Crohn's" and "Crohns" agree.
  text = text.replace(/['’‘`´]/g, '');
  return text
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .replace(/\s+/g, ' ');
}

/** The normalised text without spaces: tolerant of hyphenation and spacing differences. */
export function compactText(input: string | undefined): string {
  return normalizeText(input).replace(/ /g, '');
}

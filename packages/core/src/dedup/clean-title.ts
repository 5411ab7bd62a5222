import { normalizeText, stripHtml, stripLatex } from './normalize-text.js';

const LANGUAGES =
  'english|german|french|spanish|chinese|japanese|russian|italian|portuguese|polish|dutch|czech|hungarian|' +
  'korean|turkish|danish|swedish|norwegian|finnish|greek|hebrew|persian|arabic|croatian|serbian|slovak|' +
  'slovenian|romanian|bulgarian|ukrainian|lithuanian|estonian|latvian|icelandic|afrikaans|thai|vietnamese|' +
  'indonesian|malay|catalan|multiple languages';

// Bracketed tails that databases append to a title without it being part of the title:
// MEDLINE "[Article in German]", Embase "[Chinese]", "(author's transl)", "[Review]", "[see comments]".
const TAIL_RE = new RegExp(
  String.raw`\s*[\[(]\s*(?:(?:article|abstract|text) in [^\])]*|(?:${LANGUAGES})(?:\s*(?:,|and)\s*(?:${LANGUAGES}))*` +
    String.raw`|[^\])]*\btransl(?:ation)?\b[^\])]*|review|editorial|letter|see comments?|comment|published erratum[^\])]*|in process|abstract)\s*[\])]\s*\.?\s*$`,
  'i',
);

/**
 * The title as a source would print it, minus database decorations: tails like
 * "[Article in German]", square brackets MEDLINE puts around translated titles, trailing periods.
 * Returns normalised text (see normalizeText).
 */
export function cleanTitle(raw: string | undefined): string {
  if (!raw) return '';
  let title = stripLatex(stripHtml(raw)).trim();
  for (let previous = ''; previous !== title; ) {
    previous = title;
    title = title.replace(TAIL_RE, '').trim();
  }
  // MEDLINE brackets a title it translated: "[A study on X]." is the same work as "A study on X".
  const bracketed = /^\[(.*)\]\s*\.?$/s.exec(title);
  if (bracketed?.[1] && !bracketed[1].includes(']')) title = bracketed[1];
  return normalizeText(title);
}

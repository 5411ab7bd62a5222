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
    String.raw`|[^\])]*\btransl(?:ation)?\b[^\])]*|review|editorial|letter|see comments?|comment|in process|abstract|corrected|abstract no\.?:?\s*\w+` +
    String.raw`|multiple letters|\d{1,3}|\d+ refs|[^\]]*\b(?:erratum|errata|corrigendum|retraction|comment|update|reprint) (?:appears )?in\b[^\]]*` +
    String.raw`|published erratum[^\]]*)\s*[\])]\s*\.?\s*$`,
  'i',
);

/**
 * The title as a source would print it, minus database decorations: tails like
 * "[Article in German]", square brackets MEDLINE puts around translated titles, trailing periods.
 * Returns normalised text (see normalizeText).
 */
export function cleanTitle(raw: string | undefined): string {
  if (!raw) return '';
  // Embase appends the original-language title after "<ORIGINAL>" (cut before tags are stripped);
  // some exports append "LA: Chi" (language) or "TO: …" (the title in the original language).
  const original = raw.search(/<original>/i);
  let title = stripLatex(stripHtml(original >= 0 ? raw.slice(0, original) : raw)).trim();
  title = title.replace(/\s+LA:\s*\w+\s*$/, '').replace(/\s+TO:\s.*$/s, '');
  // Some exports wrap the whole title in quotation marks, which would hide MEDLINE's brackets.
  title = title.replace(/^["“”]+\s*/, '').replace(/\s*["“”]+$/, '');
  // PubMed's cross-reference notes run to the end of the title and may nest brackets.
  title = title.replace(
    /\s*\[\s*(?:published )?(?:erratum|errata|corrigendum|comment|retraction|update|reprint)s? (?:appears )?in\b.*$/is,
    '',
  );
  // MEDLINE comment titles may end with the commented article's citation: "… N Engl J Med. 2009;360(5):544-6".
  title = title.replace(/\s*\.{2,}\s+[^.]*\.\s*(?:19|20)\d\d\b[^:]*:\s*\d+[-\d]*\s*$/, '');
  // Correction notices cite the corrected article at the end (see detectNotice); two notices
  // of one correction compare by the title alone.
  title = title
    .replace(/\s*\(vol\.? [^()]*,? pg\.? [^()]*\)\s*\.?$/i, '')
    .replace(
      /\s*\([^()]*\((?:19|20)\d\d\)\s*[\w.-]*\s*(?:\([^()]*\)\s*)*\(\s*[a-z]?\d+[^()]*\)\)\s*\.?$/i,
      '',
    );
  title = cutUnclosedTail(title);
  for (let previous = ''; previous !== title; ) {
    previous = title;
    title = title
      .replace(TAIL_RE, '')
      .replace(/(?:\.\s*){2,}$|…$/, '')
      .trim();
  }
  // MEDLINE brackets a title it translated: "[A study on X]." is the same work as "A study on X".
  const bracketed = /^\[(.*)\]\s*\.?$/s.exec(title);
  if (bracketed?.[1] && !bracketed[1].includes(']')) title = bracketed[1];
  return normalizeText(title);
}

/**
 * Databases cut long titles at a fixed length (Embase at about 200 characters), often inside the
 * citation or translation they appended in brackets. An opening bracket that never closes starts
 * such a cut-off tail; the title before it is what both copies share.
 */
export function cutUnclosedTail(title: string): string {
  const open: number[] = [];
  for (let i = 0; i < title.length; i++) {
    const char = title[i];
    if (char === '(' || char === '[') open.push(i);
    else if ((char === ')' || char === ']') && open.length > 0) open.pop();
  }
  const cut = open[0];
  // A bracket near the start is more likely a typo than a cut-off tail; keep such titles whole.
  if (cut === undefined || cut < 20) return title;
  // A number or a part in the tail may be what tells two works apart ("(Part 2", "(12 months"):
  // dropping it could make different works look identical.
  if (/\d|\b(?:part|phase|paper|type|vol)\b/i.test(title.slice(cut))) return title;
  return title.slice(0, cut).trim();
}

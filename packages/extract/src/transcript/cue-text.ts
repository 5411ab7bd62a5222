import { parseSpeakerLine } from './speaker-line.js';

const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
  lrm: '\u200e',
  rlm: '\u200f',
};

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code =
        name[1] === 'x' || name[1] === 'X' ? Number.parseInt(name.slice(2), 16) : Number(name.slice(1));
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

/**
 * The spoken text of a caption cue and who says it. The speaker comes from a WebVTT voice
 * tag (`<v Jane Smith>`) or a "Jane: " prefix; styling tags (<i>, <c.loud>, <font>, inline
 * timestamps) and SRT's {\an8} position codes are dropped; wrapped caption lines join with a space.
 */
export function cueText(lines: string[]): { speaker: string | undefined; body: string } {
  const raw = lines.join('\n');
  const voice = /<v(?:\.[^\s>]*)?[ \t]+([^>]+)>/.exec(raw)?.[1]?.trim();
  const plain = decodeEntities(raw.replace(/<[^>]*>/g, '').replace(/\{\\[^}]*\}/g, ''))
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .join(' ');
  if (voice) return { speaker: voice, body: plain };
  const prefixed = parseSpeakerLine(plain);
  if (prefixed && prefixed.startMs === undefined) return { speaker: prefixed.speaker, body: prefixed.body };
  return { speaker: undefined, body: plain };
}

import { parseTimestamp } from './timestamp.js';

const TIME = String.raw`\d{1,2}:\d{2}(?::\d{2})?(?:[.,]\d{1,3})?`;
/** One to three words: "P1", "Interviewer", "Jane Smith", "Dr. Jane Smith". */
const NAME = String.raw`[\p{L}\p{N}][\p{L}\p{N}.'’_-]*(?: [\p{L}\p{N}][\p{L}\p{N}.'’_-]*){0,2}`;
const SPEAKER_LINE = new RegExp(
  String.raw`^(?:[\[(]?(${TIME})[\])]?\s+)?(${NAME})(?:\s*[\[(](${TIME})[\])])?\s*:\s+(\S.*)$`,
  'u',
);

/** A speaker on a line of their own, with a colon or a time: "Jane Smith:", "Jane Smith  0:03" (Otter), "P3 (01:02:03)". */
const SPEAKER_HEADING = new RegExp(
  String.raw`^(?:(${NAME})\s*:|(${NAME})(?:\s+|\s*[\[(])(${TIME})[\])]?\s*:?)$`,
  'u',
);

export interface SpeakerLine {
  speaker: string;
  body: string;
  startMs: number | undefined;
}

/** "Jane: text", "[00:01:02] Jane Smith: text", "Jane (01:02): text"; undefined for other lines. */
export function parseSpeakerLine(line: string): SpeakerLine | undefined {
  const match = SPEAKER_LINE.exec(line.trim());
  if (!match) return undefined;
  const [, before, speaker = '', after, body = ''] = match;
  const time = before ?? after;
  return { speaker, body, startMs: time === undefined ? undefined : parseTimestamp(time) };
}

/** A line naming only the speaker, whose words follow on the next lines; undefined otherwise. */
export function parseSpeakerHeading(line: string): Omit<SpeakerLine, 'body'> | undefined {
  const match = SPEAKER_HEADING.exec(line.trim());
  if (!match) return undefined;
  const [, colonName, timedName, time] = match;
  const speaker = colonName ?? timedName ?? '';
  return { speaker, startMs: time === undefined ? undefined : parseTimestamp(time) };
}

const namesSpeaker = (line: string) =>
  parseSpeakerLine(line) !== undefined || parseSpeakerHeading(line) !== undefined;

/**
 * Whether a plain text reads as a speaker transcript: at least two speaker lines, and from
 * the first of them on (a header may precede it) at least half the non-empty lines are
 * speaker lines, or nearly every paragraph opens with one (long answers wrap over lines).
 */
export function looksLikeSpeakerTranscript(text: string): boolean {
  const all = text.split('\n').filter((line) => line.trim() !== '');
  const first = all.findIndex(namesSpeaker);
  if (first < 0) return false;
  const lines = all.slice(first);
  const speakerLines = lines.filter(namesSpeaker).length;
  if (speakerLines < 2) return false;
  if (speakerLines / lines.length >= 0.5) return true;
  const paragraphs = text
    .split(/\n[ \t]*\n/)
    .filter((paragraph) => paragraph.trim() !== '')
    .map((paragraph) => namesSpeaker(paragraph.trim().split('\n', 1)[0] ?? ''));
  const opened = paragraphs.slice(paragraphs.indexOf(true));
  const opening = opened.filter(Boolean);
  return opening.length / opened.length >= 0.8;
}

import type { DecodedDocumentText } from '../decode-document-text.js';
import { ExtractError } from '../extract-error.js';
import type { ExtractedDocument } from '../extracted-document.js';
import { buildTranscript, type Utterance } from './build-transcript.js';
import { cueText } from './cue-text.js';
import { parseTimestamp } from './timestamp.js';

const TIMING = /^(\d+:\d{2}:\d{2}[,.]\d{1,3})[ \t]*-->[ \t]*(\d+:\d{2}:\d{2}[,.]\d{1,3})(?:[ \t].*)?$/;

/**
 * SubRip subtitles: blocks of an index line, a timing line and text lines. One utterance
 * per subtitle; the speaker comes from a "Name:" prefix when there is one.
 */
export function extractSrt(fileName: string, decoded: DecodedDocumentText): ExtractedDocument {
  const lines = decoded.text.split('\n');
  const utterances: Utterance[] = [];
  let i = 0;
  while (i < lines.length) {
    while (i < lines.length && (lines[i] ?? '').trim() === '') i++;
    if (i >= lines.length) break;
    // The index line is customary but some tools omit it; the timing line is what counts.
    if (/^\d+$/.test((lines[i] ?? '').trim())) i++;
    const timing = TIMING.exec((lines[i] ?? '').trim());
    if (!timing)
      throw new ExtractError(
        fileName,
        'syntax',
        `expected a subtitle timing like '00:00:01,000 --> 00:00:04,000', found '${(lines[i] ?? '').trim().slice(0, 60)}'`,
        { line: i + 1 },
      );
    const startMs = parseTimestamp(timing[1] ?? '');
    const endMs = parseTimestamp(timing[2] ?? '');
    if (startMs === undefined || endMs === undefined || endMs < startMs)
      throw new ExtractError(fileName, 'syntax', `impossible subtitle timing '${timing[0]}'`, {
        line: i + 1,
      });
    i++;
    const text: string[] = [];
    while (i < lines.length && (lines[i] ?? '').trim() !== '') text.push(lines[i++] ?? '');
    utterances.push({ ...cueText(text), startMs, endMs });
  }
  if (utterances.every((u) => u.body.trim() === ''))
    throw new ExtractError(fileName, 'no-text', 'the SRT file has no subtitles with text');
  return buildTranscript('srt', utterances, decoded);
}

import type { DecodedDocumentText } from '../decode-document-text.js';
import { ExtractError } from '../extract-error.js';
import type { ExtractedDocument } from '../extracted-document.js';
import { buildTranscript, type Utterance } from './build-transcript.js';
import { cueText } from './cue-text.js';
import { parseTimestamp } from './timestamp.js';

const TIMING = /^(\S+)[ \t]+-->[ \t]+(\S+)(?:[ \t].*)?$/;

/**
 * WebVTT captions (Zoom, Teams, YouTube exports): one utterance per cue, its speaker from
 * the voice tag or a "Name:" prefix, its start and end times from the timing line.
 * NOTE, STYLE and REGION blocks are not speech and are skipped.
 */
export function extractVtt(fileName: string, decoded: DecodedDocumentText): ExtractedDocument {
  const lines = decoded.text.split('\n');
  if (!/^WEBVTT(?:[ \t]|$)/.test(lines[0] ?? ''))
    throw new ExtractError(fileName, 'syntax', "a WebVTT file must start with 'WEBVTT'", { line: 1 });
  const title = lines[0]
    ?.slice(6)
    .replace(/^[ \t-]+/, '')
    .trim();
  const utterances: Utterance[] = [];
  const warnings: string[] = [];

  let i = 1;
  // The header block runs to the first blank line.
  while (i < lines.length && (lines[i] ?? '').trim() !== '') i++;
  while (i < lines.length) {
    while (i < lines.length && (lines[i] ?? '').trim() === '') i++;
    if (i >= lines.length) break;
    const blockStart = i;
    const block: string[] = [];
    while (i < lines.length && (lines[i] ?? '').trim() !== '') block.push(lines[i++] ?? '');
    if (/^(NOTE|STYLE|REGION)(?:[ \t]|$)/.test(block[0] ?? '')) continue;
    const timingIndex = block.findIndex((line) => line.includes('-->'));
    if (timingIndex < 0 || timingIndex > 1) {
      warnings.push(`line ${blockStart + 1}: a block without a cue timing line was skipped`);
      continue;
    }
    const lineNumber = blockStart + timingIndex + 1;
    const timing = TIMING.exec((block[timingIndex] ?? '').trim());
    const startMs = timing ? parseTimestamp(timing[1] ?? '') : undefined;
    const endMs = timing ? parseTimestamp(timing[2] ?? '') : undefined;
    if (startMs === undefined || endMs === undefined || !/\.\d{3}$/.test(timing?.[1] ?? ''))
      throw new ExtractError(
        fileName,
        'syntax',
        `expected a cue timing like '00:00:01.000 --> 00:00:04.000', found '${block[timingIndex]?.trim()}'`,
        { line: lineNumber },
      );
    if (endMs < startMs)
      throw new ExtractError(fileName, 'syntax', 'the cue ends before it starts', { line: lineNumber });
    utterances.push({ ...cueText(block.slice(timingIndex + 1)), startMs, endMs });
  }
  if (utterances.every((u) => u.body.trim() === ''))
    throw new ExtractError(fileName, 'no-text', 'the WebVTT file has no cues with text');
  return buildTranscript('vtt', utterances, decoded, { ...(title ? { title } : {}), warnings });
}

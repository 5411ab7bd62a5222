import type { DecodedDocumentText } from '../decode-document-text.js';
import { ExtractError } from '../extract-error.js';
import type { ExtractedDocument } from '../extracted-document.js';
import { buildTranscript, type Utterance } from './build-transcript.js';
import { parseSpeakerHeading, parseSpeakerLine } from './speaker-line.js';

/**
 * A typed interview transcript: "Interviewer: ..." / "P3: ..." lines, optionally with a
 * timestamp ("[00:01:02] Jane: ..."), or a speaker on a line of their own before their words
 * ("Jane Smith  0:03", as Otter exports, or "Jane:"). Lines that do not name a speaker continue the current
 * utterance (wrapped lines join with a space, a further paragraph with a line break); text
 * before the first speaker is a header and stays as paragraphs.
 */
export function extractSpeakerLines(fileName: string, decoded: DecodedDocumentText): ExtractedDocument {
  const preamble: string[] = [];
  const utterances: Utterance[] = [];
  let current: Utterance | undefined;
  let paragraphBreak = false;
  let preambleParagraph: string[] = [];

  for (const rawLine of decoded.text.split('\n')) {
    const line = rawLine.trim();
    if (line === '') {
      paragraphBreak = true;
      if (preambleParagraph.length > 0) preamble.push(preambleParagraph.join('\n'));
      preambleParagraph = [];
      continue;
    }
    const spoken = parseSpeakerLine(line);
    const heading = spoken ? undefined : parseSpeakerHeading(line);
    if (spoken) {
      current = { speaker: spoken.speaker, body: spoken.body, startMs: spoken.startMs, endMs: undefined };
      utterances.push(current);
    } else if (heading) {
      current = { speaker: heading.speaker, body: '', startMs: heading.startMs, endMs: undefined };
      utterances.push(current);
    } else if (current) {
      const separator = current.body === '' ? '' : paragraphBreak ? '\n' : ' ';
      current.body += `${separator}${line}`;
    } else {
      preambleParagraph.push(line);
    }
    paragraphBreak = false;
  }
  if (preambleParagraph.length > 0) preamble.push(preambleParagraph.join('\n'));
  if (utterances.length === 0)
    throw new ExtractError(fileName, 'syntax', "no 'Speaker: text' lines found; not a speaker transcript");
  return buildTranscript('speaker-lines', utterances, decoded, { preamble });
}

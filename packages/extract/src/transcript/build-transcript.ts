import { assembleBlocks, type BlockPart } from '../assemble-blocks.js';
import type { DecodedDocumentText } from '../decode-document-text.js';
import type { ExtractedDocument, SourceFormat } from '../extracted-document.js';

export interface Utterance {
  speaker: string | undefined;
  body: string;
  startMs: number | undefined;
  endMs: number | undefined;
}

/**
 * The canonical text of a transcript: one utterance per paragraph, "Speaker: text" when
 * the speaker is known. Text before the first utterance (a header) stays as paragraphs.
 */
export function buildTranscript(
  format: Extract<SourceFormat, 'vtt' | 'srt' | 'speaker-lines'>,
  utterances: Utterance[],
  decoded: DecodedDocumentText,
  extra: { preamble?: string[]; title?: string; warnings?: string[] } = {},
): ExtractedDocument {
  const parts: BlockPart[] = (extra.preamble ?? []).map((content) => ({ kind: 'paragraph', content }));
  for (const { speaker, body, startMs, endMs } of utterances) {
    const text = body.trim();
    if (text === '') continue;
    parts.push({
      kind: 'utterance',
      content: speaker ? `${speaker}: ${text}` : text,
      ...(speaker ? { speaker } : {}),
      ...(startMs !== undefined ? { startMs } : {}),
      ...(endMs !== undefined ? { endMs } : {}),
    });
  }
  const { text, structure } = assembleBlocks(parts);
  const speakers = [...new Set(utterances.flatMap((u) => (u.speaker && u.body.trim() ? [u.speaker] : [])))];
  return {
    kind: 'transcript',
    text,
    structure,
    warnings: [...decoded.warnings, ...(extra.warnings ?? [])],
    meta: {
      format,
      ...(extra.title ? { title: extra.title } : {}),
      encoding: decoded.encoding,
      bom: decoded.bom,
      lineEndings: decoded.lineEndings,
      speakers,
    },
  };
}

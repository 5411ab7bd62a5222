import { decodeDocumentText } from './decode-document-text.js';
import { claimedFormat, sniffTextFormat } from './detect-source-format.js';
import { extractDocx } from './docx/extract-docx.js';
import { ExtractError } from './extract-error.js';
import { extractHtml } from './extract-html.js';
import { extractMarkdown } from './extract-markdown.js';
import { extractPdf } from './extract-pdf.js';
import { extractPlainText } from './extract-plain-text.js';
import type { ExtractedDocument, ExtractInput } from './extracted-document.js';
import { extractSpeakerLines } from './transcript/extract-speaker-lines.js';
import { extractSrt } from './transcript/extract-srt.js';
import { extractVtt } from './transcript/extract-vtt.js';
import { looksLikeSpeakerTranscript } from './transcript/speaker-line.js';

/**
 * Turns an uploaded file into a document: canonical text plus structure offsets. The kind
 * comes from `input.kind`, else the file name's extension, else the media type, else the
 * bytes; a file that is not what it claims to be, or cannot be read, throws ExtractError.
 */
export async function extractDocument(input: ExtractInput): Promise<ExtractedDocument> {
  const { fileName, bytes } = input;
  if (bytes.length === 0) throw new ExtractError(fileName, 'empty', 'the file is empty');
  const claimed = claimedFormat(input);
  if (claimed === 'pdf') return extractPdf(fileName, bytes);
  if (claimed === 'docx') return extractDocx(fileName, bytes);

  const decoded = decodeDocumentText(bytes, fileName, input.encoding);
  const format = claimed ?? sniffTextFormat(decoded.text) ?? 'txt';
  let document: ExtractedDocument;
  switch (format) {
    case 'md':
      document = extractMarkdown(decoded);
      break;
    case 'html':
      document = extractHtml(decoded);
      break;
    case 'vtt':
      document = extractVtt(fileName, decoded);
      break;
    case 'srt':
      document = extractSrt(fileName, decoded);
      break;
    default:
      document =
        input.kind === 'transcript' ||
        format === 'speaker-lines' ||
        (input.kind !== 'text' && looksLikeSpeakerTranscript(decoded.text))
          ? extractSpeakerLines(fileName, decoded)
          : extractPlainText(decoded);
  }
  if (document.text === '') throw new ExtractError(fileName, 'no-text', 'the file contains no readable text');
  return document;
}

export { assembleBlocks, type BlockPart } from './assemble-blocks.js';
export { type DecodedDocumentText, decodeDocumentText, detectLineEndings } from './decode-document-text.js';
export {
  claimedFormat,
  extensionOf,
  isTextFormat,
  sniffSignature,
  sniffTextFormat,
} from './detect-source-format.js';
export { documentProblems } from './document-problems.js';
export { extractDocx } from './docx/extract-docx.js';
export { headingLevelOfStyle, readStyleNames, wordXmlToBlocks } from './docx/word-xml-to-blocks.js';
export { extractDocument } from './extract-document.js';
export { ExtractError, type ExtractProblem, isExtractError } from './extract-error.js';
export { extractHtml } from './extract-html.js';
export { extractMarkdown } from './extract-markdown.js';
export { extractPdf } from './extract-pdf.js';
export { extractPlainText } from './extract-plain-text.js';
export type {
  Block,
  BlockKind,
  DocumentKind,
  DocumentMeta,
  ExtractedDocument,
  ExtractInput,
  LineEndings,
  PageSpan,
  SourceFormat,
  TextEncoding,
  TextItem,
} from './extracted-document.js';
export { type HtmlBlocks, htmlToBlocks } from './html-to-blocks.js';
export { buildTranscript, type Utterance } from './transcript/build-transcript.js';
export { cueText } from './transcript/cue-text.js';
export { extractSpeakerLines } from './transcript/extract-speaker-lines.js';
export { extractSrt } from './transcript/extract-srt.js';
export { extractVtt } from './transcript/extract-vtt.js';
export {
  looksLikeSpeakerTranscript,
  parseSpeakerHeading,
  parseSpeakerLine,
  type SpeakerLine,
} from './transcript/speaker-line.js';
export { parseTimestamp } from './transcript/timestamp.js';

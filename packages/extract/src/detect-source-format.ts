import { ExtractError } from './extract-error.js';
import type { DocumentKind, ExtractInput, SourceFormat } from './extracted-document.js';

const BY_EXTENSION: Record<string, SourceFormat> = {
  txt: 'txt',
  text: 'txt',
  md: 'md',
  markdown: 'md',
  mdown: 'md',
  mkd: 'md',
  html: 'html',
  htm: 'html',
  xhtml: 'html',
  docx: 'docx',
  pdf: 'pdf',
  vtt: 'vtt',
  srt: 'srt',
};

const BY_MEDIA_TYPE: Record<string, SourceFormat> = {
  'text/plain': 'txt',
  'text/markdown': 'md',
  'text/x-markdown': 'md',
  'text/html': 'html',
  'application/xhtml+xml': 'html',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
  'application/pdf': 'pdf',
  'text/vtt': 'vtt',
  'application/x-subrip': 'srt',
  'text/srt': 'srt',
};

const SIGNATURES: { bytes: number[]; name: string; format?: SourceFormat }[] = [
  { bytes: [0x25, 0x50, 0x44, 0x46, 0x2d], name: 'a PDF document', format: 'pdf' },
  { bytes: [0x50, 0x4b, 0x03, 0x04], name: 'a ZIP archive (or a Word/Excel file)', format: 'docx' },
  { bytes: [0xd0, 0xcf, 0x11, 0xe0], name: 'an old Microsoft Office document (.doc)' },
  { bytes: [0x1f, 0x8b], name: 'a gzip archive' },
  { bytes: [0x89, 0x50, 0x4e, 0x47], name: 'a PNG image' },
  { bytes: [0xff, 0xd8, 0xff], name: 'a JPEG image' },
  { bytes: [0x7b, 0x5c, 0x72, 0x74, 0x66], name: 'an RTF document' },
];

export function extensionOf(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  return dot < 0 ? '' : fileName.slice(dot + 1).toLowerCase();
}

/** What the first bytes say the file is, when they say anything. */
export function sniffSignature(bytes: Uint8Array): { name: string; format?: SourceFormat } | undefined {
  return SIGNATURES.find((signature) => signature.bytes.every((byte, i) => bytes[i] === byte));
}

/** Formats that are text and go through the text decoder. */
export function isTextFormat(format: SourceFormat): boolean {
  return format !== 'pdf' && format !== 'docx';
}

const FORMAT_OF_KIND: Record<Exclude<DocumentKind, 'transcript'>, SourceFormat> = {
  text: 'txt',
  markdown: 'md',
  docx: 'docx',
  html: 'html',
  pdf: 'pdf',
};

/**
 * Which format the file claims to be: an explicit kind, else its extension, else its media
 * type, else its magic bytes. Undefined means "some text": the content decides. A file whose
 * bytes contradict a text claim (a PDF named .txt) is refused here; binary claims (.pdf,
 * .docx) are checked by their extractors.
 */
export function claimedFormat(input: ExtractInput): SourceFormat | undefined {
  const { fileName, bytes, kind, mediaType } = input;
  const extension = extensionOf(fileName);
  if (extension === 'doc')
    throw new ExtractError(
      fileName,
      'unsupported',
      'old Word .doc files are not supported; save it as .docx',
    );
  const fromName = BY_EXTENSION[extension];
  const fromMediaType = mediaType
    ? BY_MEDIA_TYPE[mediaType.split(';', 1)[0]?.trim().toLowerCase() ?? '']
    : undefined;
  let claimed: SourceFormat | undefined;
  if (kind === 'transcript')
    claimed =
      fromName === 'vtt' || fromName === 'srt'
        ? fromName
        : fromMediaType === 'vtt' || fromMediaType === 'srt'
          ? fromMediaType
          : undefined;
  else if (kind) claimed = FORMAT_OF_KIND[kind];
  else claimed = fromName ?? fromMediaType;

  const signature = sniffSignature(bytes);
  if (claimed === undefined && kind !== 'transcript') {
    if (signature?.format) return signature.format;
    if (signature)
      throw new ExtractError(
        fileName,
        'unsupported',
        `this is ${signature.name}, not a document Weft can read`,
      );
    return undefined;
  }
  if (signature && (claimed === undefined || isTextFormat(claimed)))
    throw new ExtractError(
      fileName,
      'wrong-kind',
      `named as ${claimed ?? 'a transcript'} but this is ${signature.name}`,
    );
  return claimed;
}

/** For text whose format nothing claimed: WebVTT and SRT announce themselves, HTML by its tags. */
export function sniffTextFormat(text: string): SourceFormat | undefined {
  if (/^WEBVTT(?:[ \t]|\n|$)/.test(text)) return 'vtt';
  const head = text.trimStart();
  if (/^\d+\n\d+:\d{2}:\d{2}[,.]\d{1,3}[ \t]*-->/.test(head)) return 'srt';
  if (/^(?:<\?xml[^>]*>\s*)?(?:<!--[\s\S]*?-->\s*)*<(?:!doctype html|html|head|body)[\s>]/i.test(head))
    return 'html';
  return undefined;
}

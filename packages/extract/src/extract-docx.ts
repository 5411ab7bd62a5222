import mammoth from 'mammoth';
import { assembleBlocks } from './assemble-blocks.js';
import { ExtractError } from './extract-error.js';
import type { ExtractedDocument } from './extracted-document.js';
import { htmlToBlocks } from './html-to-blocks.js';

const ZIP_LOCAL_HEADER = [0x50, 0x4b, 0x03, 0x04];
const OLE_COMPOUND = [0xd0, 0xcf, 0x11, 0xe0];

const startsWith = (bytes: Uint8Array, magic: number[]) => magic.every((byte, i) => bytes[i] === byte);

/** Word's title styles carry the document title; mammoth's default map leaves them as plain paragraphs. */
const STYLE_MAP = ["p[style-name='Title'] => h1:fresh", "p[style-name='Subtitle'] => h2:fresh"];

/**
 * A Word document through mammoth, which reads paragraphs, headings (Heading 1–6 styles),
 * lists, tables and footnotes into simple HTML; that HTML is read like any other page.
 * Images are left out (their bytes are not text and would bloat the conversion).
 */
export async function extractDocx(fileName: string, bytes: Uint8Array): Promise<ExtractedDocument> {
  if (bytes.length === 0) throw new ExtractError(fileName, 'empty', 'the file is empty');
  if (startsWith(bytes, OLE_COMPOUND))
    throw new ExtractError(
      fileName,
      'unsupported',
      'this is an old Word .doc file; save it as .docx (Word: File › Save As) and upload that',
    );
  if (!startsWith(bytes, ZIP_LOCAL_HEADER))
    throw new ExtractError(
      fileName,
      'wrong-kind',
      'not a Word .docx file (a .docx is a ZIP archive; this is not)',
    );

  let result: Awaited<ReturnType<typeof mammoth.convertToHtml>>;
  try {
    result = await mammoth.convertToHtml(
      { buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) },
      {
        styleMap: STYLE_MAP,
        externalFileAccess: false,
        convertImage: mammoth.images.imgElement(async () => ({ src: '' })),
      },
    );
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    const reason = /central directory|zip|corrupt|end of data/i.test(detail)
      ? `the ZIP archive is damaged or truncated (${detail})`
      : /Could not find (main )?document|word\/document\.xml/i.test(detail)
        ? 'a ZIP archive without word/document.xml: not a Word document'
        : `not a readable Word document (${detail})`;
    throw new ExtractError(fileName, 'corrupt', reason);
  }

  const { parts } = htmlToBlocks(result.value);
  const { text, structure } = assembleBlocks(parts);
  if (text === '') throw new ExtractError(fileName, 'no-text', 'the Word document contains no text');
  const firstHeading = structure.find((block) => block.kind === 'heading');
  return {
    kind: 'docx',
    text,
    structure,
    warnings: result.messages.map((message) => message.message),
    meta: {
      format: 'docx',
      ...(firstHeading ? { title: text.slice(firstHeading.start, firstHeading.end) } : {}),
    },
  };
}

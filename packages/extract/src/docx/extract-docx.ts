import { unzipSync } from 'fflate';
import { Parser } from 'htmlparser2';
import { assembleBlocks } from '../assemble-blocks.js';
import { ExtractError } from '../extract-error.js';
import type { ExtractedDocument } from '../extracted-document.js';
import { readStyleNames, wordXmlToBlocks } from './word-xml-to-blocks.js';

const ZIP_LOCAL_HEADER = [0x50, 0x4b, 0x03, 0x04];
const OLE_COMPOUND = [0xd0, 0xcf, 0x11, 0xe0];
const OFFICE_DOCUMENT = /\/officeDocument$/;

const startsWith = (bytes: Uint8Array, magic: number[]) => magic.every((byte, i) => bytes[i] === byte);

/** The package part the root relationships name as the main document (word/document.xml in practice). */
function mainDocumentPath(relsXml: string | undefined): string {
  let target: string | undefined;
  if (relsXml) {
    const parser = new Parser(
      {
        onopentag(name, attribs) {
          if (name === 'Relationship' && OFFICE_DOCUMENT.test(attribs.Type ?? '') && !target)
            target = attribs.Target;
        },
      },
      { xmlMode: true },
    );
    parser.write(relsXml);
    parser.end();
  }
  return (target ?? 'word/document.xml').replace(/^\//, '');
}

/** dc:title and dc:creator from docProps/core.xml. */
function readCoreProperties(coreXml: string | undefined): { title?: string; author?: string } {
  const found: Record<string, string> = {};
  if (!coreXml) return found;
  let open: string | undefined;
  const parser = new Parser(
    {
      onopentag(name) {
        open = name === 'dc:title' || name === 'dc:creator' ? name : undefined;
      },
      ontext(text) {
        if (open) found[open] = (found[open] ?? '') + text;
      },
      onclosetag() {
        open = undefined;
      },
    },
    { xmlMode: true },
  );
  parser.write(coreXml);
  parser.end();
  const title = found['dc:title']?.trim();
  const author = found['dc:creator']?.trim();
  return { ...(title ? { title } : {}), ...(author ? { author } : {}) };
}

function unzip(
  fileName: string,
  bytes: Uint8Array,
  wanted: (name: string) => boolean,
): Record<string, Uint8Array> {
  try {
    return unzipSync(bytes, { filter: (file) => wanted(file.name) });
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new ExtractError(fileName, 'corrupt', `the ZIP archive is damaged or truncated (${detail})`);
  }
}

/**
 * A Word document (.docx): paragraphs, headings (Title, Subtitle, Heading 1–6 styles), list
 * items, table rows, text boxes, then footnotes and endnotes. Read straight from the
 * WordprocessingML with a streaming parser: an 18 MB document.xml (a 530 KB NVivo source)
 * takes seconds, where a DOM-based converter took half a minute.
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

  const rels = unzip(fileName, bytes, (name) => name === '_rels/.rels')['_rels/.rels'];
  const decoder = new TextDecoder();
  const mainPath = mainDocumentPath(rels ? decoder.decode(rels) : undefined);
  const folder = mainPath.slice(0, mainPath.lastIndexOf('/') + 1);
  const parts = [
    mainPath,
    `${folder}styles.xml`,
    `${folder}footnotes.xml`,
    `${folder}endnotes.xml`,
    'docProps/core.xml',
  ];
  const files = unzip(fileName, bytes, (name) => parts.includes(name));
  const read = (path: string) => {
    const file = files[path];
    return file ? decoder.decode(file) : undefined;
  };
  const main = read(mainPath);
  if (main === undefined)
    throw new ExtractError(fileName, 'wrong-kind', `a ZIP archive without ${mainPath}: not a Word document`);

  const styleNames = readStyleNames(read(`${folder}styles.xml`));
  const blocks = wordXmlToBlocks(main, styleNames);
  for (const notes of [read(`${folder}footnotes.xml`), read(`${folder}endnotes.xml`)])
    if (notes) blocks.push(...wordXmlToBlocks(notes, styleNames));
  const { text, structure } = assembleBlocks(blocks);
  if (text === '') throw new ExtractError(fileName, 'no-text', 'the Word document contains no text');

  const core = readCoreProperties(read('docProps/core.xml'));
  const firstHeading = structure.find((block) => block.kind === 'heading');
  const title = core.title ?? (firstHeading ? text.slice(firstHeading.start, firstHeading.end) : undefined);
  return {
    kind: 'docx',
    text,
    structure,
    warnings: [],
    meta: { format: 'docx', ...(title ? { title } : {}), ...(core.author ? { author: core.author } : {}) },
  };
}

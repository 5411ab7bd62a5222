import { Parser } from 'htmlparser2';
import type { BlockPart } from '../assemble-blocks.js';

/** Heading level of a paragraph style, by the style's name (ids are localised, names are not). */
export function headingLevelOfStyle(styleName: string | undefined): number | undefined {
  if (!styleName) return undefined;
  const name = styleName.trim().toLowerCase();
  if (name === 'title') return 1;
  if (name === 'subtitle') return 2;
  const heading = /^heading ([1-6])$/.exec(name);
  return heading ? Number(heading[1]) : undefined;
}

/** Style id → style name, from word/styles.xml. */
export function readStyleNames(stylesXml: string | undefined): Map<string, string> {
  const names = new Map<string, string>();
  if (!stylesXml) return names;
  let styleId: string | undefined;
  const parser = new Parser(
    {
      onopentag(name, attribs) {
        if (name === 'w:style') styleId = attribs['w:styleId'];
        else if (name === 'w:name' && styleId !== undefined && attribs['w:val'])
          names.set(styleId, attribs['w:val']);
      },
      onclosetag(name) {
        if (name === 'w:style') styleId = undefined;
      },
    },
    { xmlMode: true },
  );
  parser.write(stylesXml);
  parser.end();
  return names;
}

/** Elements whose text is not the document's current reading text. */
const SKIPPED = new Set([
  'mc:Fallback', // the same content as mc:Choice, for older readers
  'w:moveFrom', // tracked move: the text's old place (its new place is w:moveTo)
  'w:footnoteReference',
  'w:endnoteReference',
  'w:commentReference',
  'w:instrText', // field codes, not field results
  'w:separator',
  'w:continuationSeparator',
]);

interface ParagraphState {
  style: string | undefined;
  content: string;
}

/**
 * Reads WordprocessingML (word/document.xml, footnotes.xml, endnotes.xml) as a stream: one
 * block per paragraph (a heading when its style is Title, Subtitle or Heading 1–6), one per
 * table row with cells separated by tabs. Runs keep their text exactly; w:tab is a tab,
 * w:br and w:cr a line break. Deleted and moved-away revisions and field codes are left out.
 */
export function wordXmlToBlocks(xml: string, styleNames: Map<string, string>): BlockPart[] {
  const parts: BlockPart[] = [];
  const paragraphs: ParagraphState[] = [];
  let skipDepth = 0;
  let inText = false;
  let runDepth = 0;
  let tableDepth = 0;
  let row: string[] | undefined;
  let cell: string[] | undefined;
  /** Separator/continuation footnotes are Word's rule lines, not notes. */
  let skipNote = false;

  const addText = (text: string) => {
    const paragraph = paragraphs.at(-1);
    if (paragraph) paragraph.content += text;
  };

  const parser = new Parser(
    {
      onopentag(name, attribs) {
        if (skipDepth > 0 || SKIPPED.has(name)) {
          skipDepth++;
          return;
        }
        switch (name) {
          case 'w:footnote':
          case 'w:endnote':
            skipNote = attribs['w:type'] === 'separator' || attribs['w:type'] === 'continuationSeparator';
            break;
          case 'w:p':
            paragraphs.push({ style: undefined, content: '' });
            break;
          case 'w:pStyle': {
            const paragraph = paragraphs.at(-1);
            if (paragraph) paragraph.style = styleNames.get(attribs['w:val'] ?? '') ?? attribs['w:val'];
            break;
          }
          case 'w:r':
            runDepth++;
            break;
          case 'w:t':
            inText = runDepth > 0;
            break;
          // Tab stops in w:pPr are also w:tab: only a w:tab inside a run is a tab character.
          case 'w:tab':
            if (runDepth > 0) addText('\t');
            break;
          case 'w:br':
          case 'w:cr':
            if (runDepth > 0) addText('\n');
            break;
          case 'w:noBreakHyphen':
            if (runDepth > 0) addText('-');
            break;
          case 'w:tbl':
            tableDepth++;
            break;
          case 'w:tr':
            if (tableDepth === 1) row = [];
            break;
          case 'w:tc':
            if (tableDepth === 1) cell = [];
            break;
        }
      },
      ontext(text) {
        if (inText && skipDepth === 0) addText(text);
      },
      onclosetag(name) {
        if (skipDepth > 0) {
          skipDepth--;
          return;
        }
        switch (name) {
          case 'w:t':
            inText = false;
            break;
          case 'w:r':
            runDepth--;
            break;
          case 'w:p': {
            const paragraph = paragraphs.pop();
            if (!paragraph || skipNote) break;
            if (paragraphs.length > 0) {
              // A text box inside a paragraph: its own block, ahead of the paragraph holding it.
              parts.push({ kind: 'paragraph', content: paragraph.content });
            } else if (tableDepth > 0) {
              const text = paragraph.content.trim();
              if (text !== '') (cell ?? row)?.push(text);
            } else {
              const level = headingLevelOfStyle(paragraph.style);
              parts.push(
                level
                  ? { kind: 'heading', level, content: paragraph.content }
                  : { kind: 'paragraph', content: paragraph.content },
              );
            }
            break;
          }
          case 'w:tc':
            if (tableDepth === 1 && cell) {
              row?.push(cell.join(' '));
              cell = undefined;
            }
            break;
          case 'w:tr':
            if (tableDepth === 1 && row) {
              parts.push({ kind: 'paragraph', content: row.join('\t') });
              row = undefined;
            }
            break;
          case 'w:tbl':
            tableDepth--;
            break;
          case 'w:footnote':
          case 'w:endnote':
            skipNote = false;
            break;
        }
      },
    },
    { xmlMode: true },
  );
  parser.write(xml);
  parser.end();
  return parts;
}

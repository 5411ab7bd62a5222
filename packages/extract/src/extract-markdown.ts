import type { Nodes, Parents, Root } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { gfm } from 'micromark-extension-gfm';
import { assembleBlocks, type BlockPart } from './assemble-blocks.js';
import type { DecodedDocumentText } from './decode-document-text.js';
import type { ExtractedDocument } from './extracted-document.js';

/** YAML front matter is metadata, not text; its title (if any) becomes the document title. */
function splitFrontMatter(text: string): { body: string; title: string | undefined } {
  const match = /^---\n([\s\S]*?)\n(?:---|\.\.\.)[ \t]*(?:\n|$)/.exec(text);
  if (!match) return { body: text, title: undefined };
  const title = /^title:[ \t]*(.+)$/m
    .exec(match[1] ?? '')?.[1]
    ?.trim()
    .replace(/^(['"])(.*)\1$/, '$2');
  // Blank the front matter rather than cut it so the parser's line numbers stay the file's.
  return { body: match[0].replace(/[^\n]/g, '') + text.slice(match[0].length), title: title || undefined };
}

/** The text a reader sees for inline content: markup gone, soft line breaks as spaces. */
function inlineText(node: Nodes): string {
  switch (node.type) {
    case 'text':
      return node.value.replace(/[ \t]*\n[ \t]*/g, ' ');
    case 'inlineCode':
      return node.value;
    case 'break':
      return '\n';
    case 'image':
    case 'imageReference':
      return node.alt ?? '';
    case 'html':
    case 'footnoteReference':
      return '';
    default:
      return 'children' in node ? node.children.map((child) => inlineText(child as Nodes)).join('') : '';
  }
}

function collectBlocks(parent: Parents, parts: BlockPart[]): void {
  for (const node of parent.children) {
    switch (node.type) {
      case 'heading':
        parts.push({ kind: 'heading', level: node.depth, content: inlineText(node) });
        break;
      case 'paragraph':
        parts.push({ kind: 'paragraph', content: inlineText(node) });
        break;
      case 'code':
        parts.push({ kind: 'paragraph', content: node.value });
        break;
      case 'table':
        // A row reads as one line of cells; a coder codes rows of a table, not the grid.
        for (const row of node.children)
          parts.push({ kind: 'paragraph', content: row.children.map((cell) => inlineText(cell)).join('\t') });
        break;
      case 'blockquote':
      case 'list':
      case 'listItem':
      case 'footnoteDefinition':
        collectBlocks(node, parts);
        break;
      default:
        // thematicBreak, definition, raw html, yaml: no reading text.
        break;
    }
  }
}

/** Markdown renders to its reading text: one block per heading, paragraph, list item, code block, table row. */
export function extractMarkdown(decoded: DecodedDocumentText): ExtractedDocument {
  const { body, title: frontTitle } = splitFrontMatter(decoded.text);
  const tree: Root = fromMarkdown(body, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] });
  const parts: BlockPart[] = [];
  collectBlocks(tree, parts);
  const { text, structure } = assembleBlocks(parts);
  const firstHeading = structure.find((block) => block.kind === 'heading' && block.level === 1);
  const title = frontTitle ?? (firstHeading ? text.slice(firstHeading.start, firstHeading.end) : undefined);
  return {
    kind: 'markdown',
    text,
    structure,
    warnings: decoded.warnings,
    meta: {
      format: 'md',
      ...(title ? { title } : {}),
      encoding: decoded.encoding,
      bom: decoded.bom,
      lineEndings: decoded.lineEndings,
    },
  };
}

import { Parser } from 'htmlparser2';
import { type BlockPart, collapseWhitespace } from './assemble-blocks.js';

/** Elements whose content is not reading text: code, styling, navigation, embedded objects. */
const DROPPED = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'head',
  'title',
  'nav',
  'svg',
  'math',
  'canvas',
  'iframe',
  'object',
  'embed',
  'video',
  'audio',
  'select',
  'button',
]);

/** Elements that start and end a block of text (the rest flow inline). */
const BLOCK = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'body',
  'caption',
  'dd',
  'details',
  'dialog',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'form',
  'header',
  'hgroup',
  'hr',
  'legend',
  'li',
  'main',
  'ol',
  'p',
  'pre',
  'section',
  'summary',
  'table',
  'tbody',
  'tfoot',
  'thead',
  'tr',
  'ul',
]);

const HEADING = /^h([1-6])$/;

export interface HtmlBlocks {
  parts: BlockPart[];
  title: string | undefined;
  author: string | undefined;
}

function isHidden(attribs: Record<string, string>): boolean {
  return (
    'hidden' in attribs ||
    attribs['aria-hidden'] === 'true' ||
    /display\s*:\s*none|visibility\s*:\s*hidden/i.test(attribs.style ?? '')
  );
}

/**
 * Reads HTML as a browser would show it, without scripts, styles, navigation or hidden
 * elements: headings become heading blocks, block elements paragraphs, table rows one
 * paragraph with cells separated by tabs, <br> a line break inside its paragraph.
 */
export function htmlToBlocks(html: string): HtmlBlocks {
  const parts: BlockPart[] = [];
  let current: BlockPart = { kind: 'paragraph', content: '' };
  /** For each open element, whether it (or an ancestor) hides its content. */
  const hidden: boolean[] = [];
  let preDepth = 0;
  /** Inside a table cell, paragraphs (Word puts one in every cell) are runs of the row's line. */
  let cellDepth = 0;
  let inTitle = false;
  let title = '';
  let author: string | undefined;

  const flush = (next: BlockPart = { kind: 'paragraph', content: '' }) => {
    if (current.content.trim() !== '') parts.push(current);
    current = next;
  };
  const append = (text: string) => {
    if (preDepth > 0) {
      current.content += text;
      return;
    }
    let run = collapseWhitespace(text);
    if (current.content === '' || /[ \n\t]$/.test(current.content)) run = run.replace(/^ /, '');
    current.content += run;
  };

  const parser = new Parser(
    {
      onopentag(name, attribs) {
        const skip = (hidden.at(-1) ?? false) || DROPPED.has(name) || isHidden(attribs);
        hidden.push(skip);
        if (name === 'title') inTitle = true;
        if (name === 'meta' && attribs.name?.toLowerCase() === 'author') author = attribs.content?.trim();
        if (skip) return;
        const heading = HEADING.exec(name);
        if (name === 'td' || name === 'th') cellDepth++;
        if (cellDepth > 0 && (heading || (BLOCK.has(name) && name !== 'table' && name !== 'tr'))) {
          if (!/(^|[ \t\n])$/.test(current.content)) current.content += ' ';
        } else if (heading) flush({ kind: 'heading', level: Number(heading[1]), content: '' });
        else if (BLOCK.has(name)) flush();
        else if (name === 'br') current.content = `${current.content.replace(/ $/, '')}\n`;
        else if ((name === 'td' || name === 'th') && current.content.trim() !== '')
          current.content = `${current.content.replace(/ $/, '')}\t`;
        if (name === 'pre') preDepth++;
      },
      ontext(text) {
        if (inTitle) title += text;
        if (!hidden.at(-1)) append(text);
      },
      onclosetag(name) {
        const skip = hidden.pop() ?? false;
        if (name === 'title') inTitle = false;
        if (skip) return;
        if (name === 'pre') preDepth--;
        if (name === 'td' || name === 'th') cellDepth--;
        else if (cellDepth > 0 && name !== 'table' && name !== 'tr') return;
        if (HEADING.test(name) || BLOCK.has(name)) flush();
      },
    },
    { decodeEntities: true },
  );
  parser.write(html);
  parser.end();
  flush();
  const cleanTitle = collapseWhitespace(title).trim();
  return { parts, title: cleanTitle || undefined, author: author || undefined };
}

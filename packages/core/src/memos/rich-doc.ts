import { WeftError } from '../errors.js';

/*
 * Memo content is stored as a ProseMirror JSON document (what the TipTap editor produces), not as
 * HTML: checking a JSON tree against a whitelist needs no HTML parser (core stays pure and small),
 * the editor renders it through its own schema so stored markup can never reach the page as raw
 * HTML, and plain text for search and REFI-QDA export is derived from the tree deterministically.
 * sanitizeRichDoc keeps only the whitelisted nodes, marks and attributes; anything else is unwrapped
 * to its text or dropped, and a link is kept only with a web, mail or in-app address.
 */

export interface RichMark {
  type: string;
  attrs?: Record<string, unknown>;
}

export interface RichNode {
  type: string;
  attrs?: Record<string, unknown>;
  content?: RichNode[];
  marks?: RichMark[];
  text?: string;
}

export interface RichDoc {
  type: 'doc';
  content: RichNode[];
}

/** Blocks holding text, lists, leaf blocks, inline nodes and marks: the whitelist. */
const TEXT_BLOCKS = new Set(['paragraph', 'heading', 'codeBlock']);
const LISTS = new Set(['bulletList', 'orderedList']);
const LEAF_BLOCKS = new Set(['horizontalRule']);
const INLINE = new Set(['text', 'hardBreak']);
const MARKS = new Set(['bold', 'italic', 'strike', 'underline', 'code', 'link']);

export const RICH_TEXT_MAX = 200_000;
const MAX_DEPTH = 40;

type Context = 'block' | 'inline' | 'list';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Web, mail and in-app addresses only: never javascript:, data: or other schemes. */
export function safeHref(href: unknown): string | undefined {
  if (typeof href !== 'string') return undefined;
  const value = href.trim();
  if (/^(https?:\/\/|mailto:)/i.test(value) || /^\/(?!\/)/.test(value) || value.startsWith('#')) return value;
  return undefined;
}

function cleanMarks(marks: unknown): RichMark[] | undefined {
  if (!Array.isArray(marks)) return undefined;
  const kept: RichMark[] = [];
  for (const mark of marks) {
    if (!isRecord(mark) || typeof mark.type !== 'string' || !MARKS.has(mark.type)) continue;
    if (kept.some((k) => k.type === mark.type)) continue;
    if (mark.type === 'link') {
      const href = safeHref(isRecord(mark.attrs) ? mark.attrs.href : undefined);
      if (href) kept.push({ type: 'link', attrs: { href } });
    } else kept.push({ type: mark.type });
  }
  return kept.length > 0 ? kept : undefined;
}

function cleanAttrs(type: string, attrs: unknown): Record<string, unknown> | undefined {
  const a = isRecord(attrs) ? attrs : {};
  if (type === 'heading') {
    const level = typeof a.level === 'number' ? Math.min(Math.max(Math.round(a.level), 1), 4) : 2;
    return { level };
  }
  if (type === 'orderedList') {
    const start = typeof a.start === 'number' && Number.isInteger(a.start) && a.start >= 0 ? a.start : 1;
    return { start };
  }
  return undefined;
}

interface Budget {
  chars: number;
}

function sanitizeNode(raw: unknown, context: Context, budget: Budget, depth: number): RichNode[] {
  if (depth > MAX_DEPTH)
    throw new WeftError('validation', `Memo text is nested more than ${MAX_DEPTH} levels deep.`);
  if (!isRecord(raw) || typeof raw.type !== 'string') return [];
  const type = raw.type;
  const children = Array.isArray(raw.content) ? raw.content : [];
  if (context === 'list') {
    if (type === 'listItem') return [listItem(children, budget, depth)];
    return [listItem([raw], budget, depth)];
  }
  if (type === 'text') {
    if (typeof raw.text !== 'string' || raw.text === '') return [];
    budget.chars += raw.text.length;
    if (budget.chars > RICH_TEXT_MAX)
      throw new WeftError(
        'validation',
        `A memo is at most ${RICH_TEXT_MAX.toLocaleString('en')} characters.`,
      );
    const marks = cleanMarks(raw.marks);
    return [marks ? { type, text: raw.text, marks } : { type, text: raw.text }];
  }
  if (type === 'hardBreak') return [{ type }];
  if (context === 'inline') {
    // A block met where text belongs: keep its words, not its structure.
    return children.flatMap((child) => sanitizeNode(child, 'inline', budget, depth + 1));
  }
  // Block context.
  if (TEXT_BLOCKS.has(type)) {
    const content = sanitizeChildren(children, 'inline', budget, depth + 1);
    const attrs = cleanAttrs(type, raw.attrs);
    return [{ type, ...(attrs ? { attrs } : {}), ...(content.length ? { content } : {}) }];
  }
  if (LISTS.has(type)) {
    const content = sanitizeChildren(children, 'list', budget, depth + 1);
    if (content.length === 0) return [];
    const attrs = cleanAttrs(type, raw.attrs);
    return [{ type, ...(attrs ? { attrs } : {}), content }];
  }
  if (LEAF_BLOCKS.has(type)) return [{ type }];
  if (type === 'blockquote') {
    const content = sanitizeChildren(children, 'block', budget, depth + 1);
    return content.length ? [{ type, content }] : [];
  }
  // Not on the whitelist: keep what it contains.
  return sanitizeChildren(children, 'block', budget, depth + 1);
}

function listItem(children: unknown[], budget: Budget, depth: number): RichNode {
  const content = sanitizeChildren(children, 'block', budget, depth + 1);
  return { type: 'listItem', content: content.length ? content : [{ type: 'paragraph' }] };
}

function sanitizeChildren(children: unknown[], context: Context, budget: Budget, depth: number): RichNode[] {
  const out: RichNode[] = [];
  let loose: RichNode[] = [];
  // Inline nodes met among blocks are gathered into a paragraph.
  const flush = () => {
    if (loose.length) out.push({ type: 'paragraph', content: loose });
    loose = [];
  };
  for (const child of children) {
    const isInline = isRecord(child) && typeof child.type === 'string' && INLINE.has(child.type);
    if (context === 'block' && isInline) {
      loose.push(...sanitizeNode(child, 'inline', budget, depth));
      continue;
    }
    flush();
    out.push(...sanitizeNode(child, context, budget, depth));
  }
  flush();
  return out;
}

/**
 * The whitelisted copy of a rich-text document. Throws a validation error for something that is
 * not a document at all, or is too long or too deep; otherwise never fails.
 */
export function sanitizeRichDoc(input: unknown): RichDoc {
  if (!isRecord(input) || input.type !== 'doc')
    throw new WeftError('validation', 'Memo content must be a rich-text document ({"type":"doc",…}).');
  const budget = { chars: 0 };
  const content = sanitizeChildren(Array.isArray(input.content) ? input.content : [], 'block', budget, 1);
  return { type: 'doc', content: content.length ? content : [{ type: 'paragraph' }] };
}

function textOf(node: RichNode): string {
  if (node.type === 'text') return node.text ?? '';
  if (node.type === 'hardBreak') return '\n';
  return (node.content ?? []).map(textOf).join('');
}

function blockLines(node: RichNode, prefix: string): string[] {
  if (TEXT_BLOCKS.has(node.type)) return [prefix + textOf(node)];
  if (LEAF_BLOCKS.has(node.type)) return [`${prefix}---`];
  if (LISTS.has(node.type)) {
    const start = typeof node.attrs?.start === 'number' ? node.attrs.start : 1;
    return (node.content ?? []).flatMap((item, i) => {
      const bullet = node.type === 'orderedList' ? `${start + i}. ` : '- ';
      const lines = (item.content ?? []).flatMap((b) => blockLines(b, ''));
      const indent = ' '.repeat(bullet.length);
      return lines.map((line, j) => prefix + (j === 0 ? bullet : indent) + line);
    });
  }
  if (node.type === 'blockquote') return (node.content ?? []).flatMap((b) => blockLines(b, `${prefix}> `));
  return [prefix + textOf(node)];
}

/** Plain text of a document: one line per block, list items bulleted, for search and export. */
export function richDocText(doc: RichDoc): string {
  return doc.content
    .flatMap((block) => blockLines(block, ''))
    .join('\n')
    .replace(/\n+$/, '');
}

/** A document of plain text, one paragraph per line (REFI-QDA notes, annotations promoted to memos). */
export function richDocFromText(text: string): RichDoc {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  return {
    type: 'doc',
    content: lines.map((line) =>
      line ? { type: 'paragraph', content: [{ type: 'text', text: line }] } : { type: 'paragraph' },
    ),
  };
}

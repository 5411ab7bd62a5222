import { describe, expect, it } from 'vitest';
import {
  type RichDoc,
  type RichMark,
  type RichNode,
  richDocFromText,
  richDocText,
  sanitizeRichDoc,
} from './rich-doc.js';

const p = (...content: RichNode[]): RichNode => ({ type: 'paragraph', content });
const t = (text: string, marks?: RichMark[]): RichNode =>
  marks ? { type: 'text', text, marks } : { type: 'text', text };

describe('sanitizeRichDoc', () => {
  it('keeps what the editor writes: headings, bold and italic, lists, quotes, safe links', () => {
    const doc = {
      type: 'doc',
      content: [
        { type: 'heading', attrs: { level: 2 }, content: [t('Gardens')] },
        p(t('Money was '), t('always', [{ type: 'bold' }, { type: 'italic' }]), t(' short.')),
        {
          type: 'bulletList',
          content: [{ type: 'listItem', content: [p(t('volunteers'))] }],
        },
        {
          type: 'orderedList',
          attrs: { start: 3 },
          content: [{ type: 'listItem', content: [p(t('land'))] }],
        },
        { type: 'blockquote', content: [p(t('We started the garden'))] },
        p(t('see', [{ type: 'link', attrs: { href: 'https://example.org/a', target: '_blank', rel: 'x' } }])),
        p(t('memo', [{ type: 'link', attrs: { href: '/projects/p/memos?memo=m' } }])),
      ],
    };
    const clean = sanitizeRichDoc(doc);
    expect(clean.content[0]).toEqual({ type: 'heading', attrs: { level: 2 }, content: [t('Gardens')] });
    expect(clean.content[1]).toEqual(doc.content[1]);
    expect(clean.content[2]).toEqual(doc.content[2]);
    // Only the address survives of a link's attributes (target/rel are set by the renderer).
    expect(clean.content[5]).toEqual(
      p(t('see', [{ type: 'link', attrs: { href: 'https://example.org/a' } }])),
    );
    expect(clean.content[6]).toEqual(doc.content[6]);
  });

  it('drops links to script, data and protocol-relative addresses but keeps their words', () => {
    for (const href of [
      'javascript:alert(1)',
      ' JavaScript:alert(1)',
      'data:text/html,<b>',
      '//evil.example',
      'vbscript:x',
    ]) {
      const clean = sanitizeRichDoc({
        type: 'doc',
        content: [p(t('click', [{ type: 'link', attrs: { href } }]))],
      });
      expect(clean).toEqual({ type: 'doc', content: [p(t('click'))] });
    }
  });

  it('unwraps unknown nodes and strips unknown marks and attributes', () => {
    const clean = sanitizeRichDoc({
      type: 'doc',
      content: [
        { type: 'iframe', attrs: { src: 'https://evil.example' } },
        {
          type: 'table',
          content: [{ type: 'tableRow', content: [{ type: 'tableCell', content: [p(t('cell'))] }] }],
        },
        {
          type: 'paragraph',
          attrs: { onclick: 'x()', style: 'color:red' },
          content: [t('x', [{ type: 'script' }, { type: 'bold', attrs: { style: 'a' } }])],
        },
        { type: 'image', attrs: { src: 'x.png' } },
      ],
    });
    expect(clean).toEqual({
      type: 'doc',
      content: [p(t('cell')), p(t('x', [{ type: 'bold' }]))],
    });
  });

  it('gathers loose text among blocks into a paragraph and wraps loose blocks in a list into items', () => {
    const clean = sanitizeRichDoc({
      type: 'doc',
      content: [
        t('loose'),
        { type: 'hardBreak' },
        t('text'),
        { type: 'bulletList', content: [p(t('not an item'))] },
      ],
    });
    expect(clean.content).toEqual([
      p(t('loose'), { type: 'hardBreak' }, t('text')),
      { type: 'bulletList', content: [{ type: 'listItem', content: [p(t('not an item'))] }] },
    ]);
  });

  it('flattens blocks nested in a paragraph to their text', () => {
    const clean = sanitizeRichDoc({
      type: 'doc',
      content: [{ type: 'paragraph', content: [p(t('inner'))] }],
    });
    expect(clean.content).toEqual([p(t('inner'))]);
  });

  it('refuses what is not a document, and documents too deep or too long', () => {
    expect(() => sanitizeRichDoc('<b>html</b>')).toThrow(/rich-text document/);
    expect(() => sanitizeRichDoc({ type: 'paragraph' })).toThrow(/rich-text document/);
    let deep: object = t('x');
    for (let i = 0; i < 60; i++) deep = { type: 'blockquote', content: [deep] };
    expect(() => sanitizeRichDoc({ type: 'doc', content: [deep] })).toThrow(/nested/);
    expect(() => sanitizeRichDoc({ type: 'doc', content: [p(t('a'.repeat(200_001)))] })).toThrow(/at most/);
  });

  it('gives an empty document one empty paragraph', () => {
    expect(sanitizeRichDoc({ type: 'doc' })).toEqual({ type: 'doc', content: [{ type: 'paragraph' }] });
  });
});

describe('richDocText', () => {
  it('writes one line per block, lists bulleted or numbered, quotes marked', () => {
    const doc: RichDoc = {
      type: 'doc',
      content: [
        { type: 'heading', attrs: { level: 1 }, content: [t('Title')] },
        p(t('a '), t('bold', [{ type: 'bold' }]), { type: 'hardBreak' }, t('next')),
        {
          type: 'bulletList',
          content: [
            { type: 'listItem', content: [p(t('one'))] },
            { type: 'listItem', content: [p(t('two'))] },
          ],
        },
        {
          type: 'orderedList',
          attrs: { start: 2 },
          content: [{ type: 'listItem', content: [p(t('b')), p(t('more'))] }],
        },
        { type: 'blockquote', content: [p(t('quoted'))] },
        { type: 'paragraph' },
      ],
    };
    expect(richDocText(doc)).toBe(
      ['Title', 'a bold', 'next', '- one', '- two', '2. b', '   more', '> quoted'].join('\n'),
    );
  });

  it('round-trips plain text through richDocFromText', () => {
    const text = 'First line\n\nThird line';
    expect(richDocText(richDocFromText(text))).toBe(text);
    expect(richDocFromText('a\r\nb').content).toHaveLength(2);
  });
});

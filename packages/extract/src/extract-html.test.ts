import { describe, expect, it } from 'vitest';
import { documentProblems } from './document-problems.js';
import { extractDocument } from './extract-document.js';
import { blocksWithText, fixture } from './testing/fixtures.js';

describe('html', () => {
  it('keeps visible text only: scripts, styles, navigation, hidden elements and buttons are dropped', async () => {
    const document = await extractDocument({
      fileName: 'integrated-care.html',
      bytes: fixture('integrated-care.html'),
    });
    expect(document.kind).toBe('html');
    expect(blocksWithText(document)).toEqual([
      { kind: 'heading', level: 1, text: 'Integrated care & trust' },
      { kind: 'paragraph', text: 'Managers described funding as the main barrier.' },
      { kind: 'heading', level: 2, text: 'Results' },
      { kind: 'paragraph', text: 'Trust grew slowly\nbetween teams.' },
      { kind: 'paragraph', text: 'Shared records' },
      { kind: 'paragraph', text: 'Joint meetings' },
      { kind: 'paragraph', text: 'Site\tManagers' },
      { kind: 'paragraph', text: 'North\t7' },
      { kind: 'paragraph', text: 'kept   as\n  typed' },
      { kind: 'paragraph', text: '© 2026 Journal' },
    ]);
    for (const noise of [
      'script text',
      'injected',
      'styled',
      'Home',
      'Journals',
      'hidden',
      'invisible',
      'Enable',
      'Download',
    ])
      expect(document.text).not.toContain(noise);
    expect(document.meta).toMatchObject({
      format: 'html',
      title: 'Integrated care & trust',
      author: 'A. Reviewer',
    });
    expect(documentProblems(document)).toEqual([]);
  });

  it('recognises an HTML page by its content when the name says nothing', async () => {
    const bytes = new TextEncoder().encode('<!doctype html><title>T</title><p>Hello <b>bold</b> world</p>');
    const document = await extractDocument({ fileName: 'download', bytes });
    expect(document.kind).toBe('html');
    expect(document.text).toBe('Hello bold world');
    expect(document.meta.title).toBe('T');
  });

  it('closes unclosed paragraphs the way a browser does', async () => {
    const bytes = new TextEncoder().encode('<p>one<p>two<li>three');
    const document = await extractDocument({ fileName: 'x.htm', bytes });
    expect(blocksWithText(document).map((block) => block.text)).toEqual(['one', 'two', 'three']);
  });
});

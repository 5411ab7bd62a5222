import { describe, expect, it } from 'vitest';
import { documentProblems } from './document-problems.js';
import { extractDocument } from './extract-document.js';
import { blocksWithText, fixture } from './testing/fixtures.js';

describe('markdown', () => {
  it('renders to reading text without markup, headings as structure, front matter as metadata', async () => {
    const document = await extractDocument({
      fileName: 'integrated-care.md',
      bytes: fixture('integrated-care.md'),
    });
    expect(document.kind).toBe('markdown');
    expect(blocksWithText(document)).toEqual([
      { kind: 'heading', level: 1, text: 'Integrated care' },
      { kind: 'paragraph', text: 'Integrated care is widely promoted but unevenly implemented (WHO 2016).' },
      { kind: 'heading', level: 2, text: 'Barriers' },
      { kind: 'paragraph', text: 'Funding split across agencies' },
      { kind: 'paragraph', text: 'Data could not be shared' },
      { kind: 'paragraph', text: 'Trust takes time.' },
      { kind: 'paragraph', text: 'Site\tManagers' },
      { kind: 'paragraph', text: 'North\t7' },
      { kind: 'paragraph', text: 'code stays verbatim' },
      { kind: 'paragraph', text: 'Last line with a break\nand a chart.' },
    ]);
    expect(document.text).toBe(
      blocksWithText(document)
        .map((block) => block.text)
        .join('\n\n'),
    );
    expect(document.text).not.toContain('raw html');
    expect(document.meta).toEqual({
      format: 'md',
      title: 'Integrated care: notes',
      encoding: 'utf-8',
      bom: false,
      lineEndings: 'lf',
    });
    expect(documentProblems(document)).toEqual([]);
  });

  it('takes the first level-1 heading as title without front matter, and reads CRLF the same', async () => {
    const source = '# Title here\r\n\r\nSome *text*\r\nwrapped.\r\n';
    const document = await extractDocument({
      fileName: 'n.markdown',
      bytes: new TextEncoder().encode(source),
    });
    expect(document.text).toBe('Title here\n\nSome text wrapped.');
    expect(document.meta).toMatchObject({ title: 'Title here', lineEndings: 'crlf' });
  });
});

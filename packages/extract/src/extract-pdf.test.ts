import { describe, expect, it } from 'vitest';
import { documentProblems } from './document-problems.js';
import { extractDocument } from './extract-document.js';
import { ExtractError } from './extract-error.js';
import { blocksWithText, fixture } from './testing/fixtures.js';

/** The three pages build-fixtures.ts draws, as pdf.js reads them back. */
const PAGE_1 =
  'Integrated care: a qualitative study\n\nManagers described funding as the main barrier.\nBudgets stayed with separate agencies.';
const PAGE_2 = 'Results\n\nTrust grew slowly between teams.\n\nShared records helped most.';
const PAGE_3 = 'Page three closes the report.';

describe('pdf', () => {
  it('joins the text layer of each page, pages separated by a blank line, and maps every page exactly', async () => {
    const document = await extractDocument({ fileName: 'report.pdf', bytes: fixture('report.pdf') });
    expect(document.kind).toBe('pdf');
    expect(document.text).toBe(`${PAGE_1}\n\n${PAGE_2}\n\n${PAGE_3}`);
    const page2Start = PAGE_1.length + 2;
    const page3Start = page2Start + PAGE_2.length + 2;
    expect(document.pages).toEqual([
      { page: 1, start: 0, end: PAGE_1.length, width: 420, height: 595 },
      { page: 2, start: page2Start, end: page2Start + PAGE_2.length, width: 420, height: 595 },
      { page: 3, start: page3Start, end: page3Start + PAGE_3.length, width: 420, height: 595 },
    ]);
    expect(document.meta).toEqual({
      format: 'pdf',
      title: 'Integrated care report',
      author: 'Weft fixtures',
      pageCount: 3,
    });
    expect(document.warnings).toEqual([]);
    expect(documentProblems(document)).toEqual([]);
  });

  it('splits pages into paragraphs where the line pitch is wide', async () => {
    const document = await extractDocument({ fileName: 'report.pdf', bytes: fixture('report.pdf') });
    expect(blocksWithText(document)).toEqual([
      { kind: 'page', page: 1, text: PAGE_1 },
      { kind: 'paragraph', page: 1, text: 'Integrated care: a qualitative study' },
      {
        kind: 'paragraph',
        page: 1,
        text: 'Managers described funding as the main barrier.\nBudgets stayed with separate agencies.',
      },
      { kind: 'page', page: 2, text: PAGE_2 },
      { kind: 'paragraph', page: 2, text: 'Results' },
      { kind: 'paragraph', page: 2, text: 'Trust grew slowly between teams.' },
      { kind: 'paragraph', page: 2, text: 'Shared records helped most.' },
      { kind: 'page', page: 3, text: PAGE_3 },
      { kind: 'paragraph', page: 3, text: PAGE_3 },
    ]);
  });

  it('keeps each text item with its box, top-left origin, in points', async () => {
    const document = await extractDocument({ fileName: 'report.pdf', bytes: fixture('report.pdf') });
    const items = document.items ?? [];
    expect(items.map((item) => [item.page, document.text.slice(item.start, item.end)])).toEqual([
      [1, 'Integrated care: a qualitative study'],
      [1, 'Managers described funding as the main barrier.'],
      [1, 'Budgets stayed with separate agencies.'],
      [2, 'Results'],
      [2, 'Trust grew slowly between teams.'],
      [2, 'Shared records helped most.'],
      [3, 'Page three closes the report.'],
    ]);
    // The title was drawn at x 50, baseline 530 pt from the bottom of a 595 pt page, 18 pt high.
    const [title, body] = items;
    expect(title).toMatchObject({ x: 50, y: 595 - 530 - 18, height: 18 });
    expect(body).toMatchObject({ x: 50, y: 595 - 490 - 11, height: 11 });
    // Helvetica 18 pt: pdf.js measures the run from the font's widths (about 275 pt).
    expect(title?.width).toBeGreaterThan(250);
    expect(title?.width).toBeLessThan(300);
  });

  it('warns about pages without a text layer and keeps their (empty) span', async () => {
    const document = await extractDocument({ fileName: 'partly.pdf', bytes: fixture('partly-scanned.pdf') });
    expect(document.text).toBe('Only the first page has text.');
    expect(document.pages?.map(({ page, start, end }) => ({ page, start, end }))).toEqual([
      { page: 1, start: 0, end: 29 },
      { page: 2, start: 29, end: 29 },
    ]);
    expect(document.warnings).toEqual(['page 2 has no text layer (scanned?); its text is missing']);
  });

  it('refuses a PDF with no text at all, a truncated one, and one that is not a PDF', async () => {
    await expect(
      extractDocument({ fileName: 'scan.pdf', bytes: fixture('scanned.pdf') }),
    ).rejects.toMatchObject({
      problem: 'no-text',
      message:
        'scan.pdf: the PDF has no text layer (a scanned document?); run OCR on it first and upload the result',
    });
    const report = fixture('report.pdf');
    await expect(
      extractDocument({ fileName: 'cut.pdf', bytes: report.subarray(0, Math.floor(report.length / 2)) }),
    ).rejects.toThrow(
      new ExtractError(
        'cut.pdf',
        'truncated',
        "the PDF is truncated (no '%%EOF' end marker); upload it again",
      ),
    );
    await expect(
      extractDocument({ fileName: 'fake.pdf', bytes: new TextEncoder().encode('<html>not a pdf</html>') }),
    ).rejects.toMatchObject({
      problem: 'wrong-kind',
      message: "fake.pdf: not a PDF file (no '%PDF-' header)",
    });
  });

  it('refuses a PDF whose body is garbage', async () => {
    const bytes = new TextEncoder().encode('%PDF-1.7\nthis is not a pdf body at all\n%%EOF\n');
    const error = await extractDocument({ fileName: 'junk.pdf', bytes }).catch((e) => e);
    expect(error).toBeInstanceOf(ExtractError);
    expect(error.problem).toBe('corrupt');
    expect(error.message).toMatch(/^junk\.pdf: not a readable PDF \(/);
  });
});

describe('pdf lines', () => {
  it('joins runs on one baseline (a bold word, a superscript) and measures line pitch from the line, not the superscript', async () => {
    const document = await extractDocument({ fileName: 'runs.pdf', bytes: fixture('runs.pdf') });
    expect(document.text).toBe('Trust was essential12\nfor sharing records.');
    expect(blocksWithText(document).filter((block) => block.kind === 'paragraph')).toEqual([
      { kind: 'paragraph', page: 1, text: 'Trust was essential12\nfor sharing records.' },
    ]);
    const superscript = document.items?.find((item) => document.text.slice(item.start, item.end) === '12');
    expect(superscript).toMatchObject({ height: 7, y: 595 - 504 - 7 });
    expect(documentProblems(document)).toEqual([]);
  });
});

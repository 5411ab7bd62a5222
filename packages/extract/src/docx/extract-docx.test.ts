import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { documentProblems } from '../document-problems.js';
import { extractDocument } from '../extract-document.js';
import { ExtractError } from '../extract-error.js';
import { blocksWithText, fixture } from '../testing/fixtures.js';

describe('docx', () => {
  it('reads paragraphs, Title and Heading styles, list items and table rows (fixture built with the docx package)', async () => {
    const document = await extractDocument({
      fileName: 'integrated-care.docx',
      bytes: fixture('integrated-care.docx'),
    });
    expect(document.kind).toBe('docx');
    expect(blocksWithText(document)).toEqual([
      { kind: 'heading', level: 1, text: 'Barriers to integrated care' },
      { kind: 'heading', level: 1, text: 'Background' },
      { kind: 'paragraph', text: 'Integrated care is widely promoted but unevenly implemented.' },
      { kind: 'heading', level: 2, text: 'Methods' },
      { kind: 'paragraph', text: 'We interviewed 12 managers in 2024.' },
      { kind: 'paragraph', text: 'Funding was split across agencies.' },
      { kind: 'paragraph', text: 'Data could not be shared.' },
      { kind: 'paragraph', text: 'Site\tManagers' },
      { kind: 'paragraph', text: 'North\t7' },
      { kind: 'paragraph', text: 'Café culture and naïve “trust” mattered — 😀 too.' },
    ]);
    expect(document.meta).toEqual({
      format: 'docx',
      title: 'Barriers to integrated care',
      author: 'Weft fixtures',
    });
    expect(documentProblems(document)).toEqual([]);
  });

  it('refuses a .docx that is not a ZIP archive', async () => {
    const bytes = new TextEncoder().encode('Just some text saved with the wrong extension');
    await expect(extractDocument({ fileName: 'notes.docx', bytes })).rejects.toThrow(
      new ExtractError(
        'notes.docx',
        'wrong-kind',
        'not a Word .docx file (a .docx is a ZIP archive; this is not)',
      ),
    );
  });

  it('refuses a truncated .docx as a damaged archive', async () => {
    const whole = fixture('integrated-care.docx');
    const error = await extractDocument({ fileName: 'cut.docx', bytes: whole.subarray(0, 4000) }).catch(
      (e) => e,
    );
    expect(error).toBeInstanceOf(ExtractError);
    expect(error.problem).toBe('corrupt');
    expect(error.message).toMatch(/^cut\.docx: the ZIP archive is damaged or truncated/);
  });

  it('refuses a ZIP archive that holds no Word document', async () => {
    const bytes = zipSync({ 'xl/workbook.xml': new TextEncoder().encode('<workbook/>') });
    await expect(extractDocument({ fileName: 'sheet.docx', bytes })).rejects.toThrow(
      'sheet.docx: a ZIP archive without word/document.xml: not a Word document',
    );
  });

  it('refuses an old binary .doc with advice', async () => {
    const bytes = Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]);
    await expect(extractDocument({ fileName: 'old.docx', bytes })).rejects.toThrow(
      'old.docx: this is an old Word .doc file; save it as .docx (Word: File › Save As) and upload that',
    );
    await expect(extractDocument({ fileName: 'old.doc', bytes })).rejects.toMatchObject({
      problem: 'unsupported',
    });
  });
});

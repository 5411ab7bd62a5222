import type { MethodsBlock, MethodsDocument } from '@weft/core';
import {
  BorderStyle,
  Document,
  HeadingLevel,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';

/** The methods record as a Word document a team can paste from: headings, paragraphs, bullet lists, tables. */
export async function methodsRecordDocx(doc: MethodsDocument): Promise<Buffer> {
  const border = { style: BorderStyle.SINGLE, size: 4, color: '999999' };
  const cell = (text: string, bold = false) =>
    new TableCell({
      borders: { top: border, bottom: border, left: border, right: border },
      children: [new Paragraph({ children: [new TextRun({ text, bold })] })],
    });
  const block = (b: MethodsBlock): Array<Paragraph | Table> => {
    if (b.kind === 'paragraph')
      return [new Paragraph({ children: [new TextRun(b.text)], spacing: { after: 160 } })];
    if (b.kind === 'list') return b.items.map((item) => new Paragraph({ text: item, bullet: { level: 0 } }));
    return [
      new Table({
        width: { size: 100, type: WidthType.PERCENTAGE },
        rows: [
          new TableRow({ tableHeader: true, children: b.headers.map((h) => cell(h, true)) }),
          ...b.rows.map((row) => new TableRow({ children: row.map((c) => cell(c)) })),
        ],
      }),
      new Paragraph({ text: '' }),
    ];
  };
  const document = new Document({
    creator: 'Weft',
    title: doc.title,
    sections: [
      {
        children: [
          new Paragraph({ text: doc.title, heading: HeadingLevel.TITLE }),
          new Paragraph({ children: [new TextRun({ text: doc.subtitle, italics: true })] }),
          ...doc.sections.flatMap((section) => [
            new Paragraph({ text: section.heading, heading: HeadingLevel.HEADING_1 }),
            ...section.blocks.flatMap(block),
          ]),
        ],
      },
    ],
  });
  return Packer.toBuffer(document);
}

import { describe, expect, it } from 'vitest';
import { headingLevelOfStyle, readStyleNames, wordXmlToBlocks } from './word-xml-to-blocks.js';

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const body = (inner: string) => `<w:document ${W}><w:body>${inner}</w:body></w:document>`;
const para = (inner: string, style?: string) =>
  `<w:p>${style ? `<w:pPr><w:pStyle w:val="${style}"/></w:pPr>` : ''}${inner}</w:p>`;
const run = (text: string) => `<w:r><w:t xml:space="preserve">${text}</w:t></w:r>`;

describe('wordXmlToBlocks', () => {
  it('maps heading styles by name, whatever the (localised) style id', () => {
    const styles = readStyleNames(
      `<w:styles ${W}><w:style w:styleId="berschrift1"><w:name w:val="heading 1"/></w:style>` +
        `<w:style w:styleId="Titel"><w:name w:val="Title"/></w:style></w:styles>`,
    );
    const parts = wordXmlToBlocks(
      body(para(run('Einleitung'), 'berschrift1') + para(run('Studie'), 'Titel')),
      styles,
    );
    expect(parts).toEqual([
      { kind: 'heading', level: 1, content: 'Einleitung' },
      { kind: 'heading', level: 1, content: 'Studie' },
    ]);
    expect(headingLevelOfStyle('Heading 6')).toBe(6);
    expect(headingLevelOfStyle('Heading 7')).toBeUndefined();
  });

  it('keeps run text exactly, tabs in runs but not tab stops, breaks as line breaks', () => {
    const xml = body(
      '<w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="720"/></w:tabs></w:pPr>' +
        `${run('a  b')}<w:r><w:tab/><w:t>c</w:t><w:br/><w:t>d&amp;e</w:t></w:r></w:p>`,
    );
    expect(wordXmlToBlocks(xml, new Map())).toEqual([{ kind: 'paragraph', content: 'a  b\tc\nd&e' }]);
  });

  it('reads the current revision: deletions, moved-away text, field codes and fallbacks left out', () => {
    const xml = body(
      para(
        run('kept ') +
          '<w:del><w:r><w:delText>deleted </w:delText></w:r></w:del>' +
          '<w:ins><w:r><w:t>inserted </w:t></w:r></w:ins>' +
          '<w:moveFrom><w:r><w:t>moved-away </w:t></w:r></w:moveFrom>' +
          '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r>' +
          '<w:r><w:fldChar w:fldCharType="separate"/></w:r>' +
          run('7') +
          '<w:r><w:fldChar w:fldCharType="end"/></w:r>' +
          '<mc:AlternateContent><mc:Choice Requires="wps">' +
          '<w:r><w:txbxContent><w:p><w:r><w:t>box</w:t></w:r></w:p></w:txbxContent></w:r>' +
          '</mc:Choice><mc:Fallback><w:r><w:t>box again</w:t></w:r></mc:Fallback></mc:AlternateContent>',
      ),
    );
    expect(wordXmlToBlocks(xml, new Map())).toEqual([
      { kind: 'paragraph', content: 'box' },
      { kind: 'paragraph', content: 'kept inserted 7' },
    ]);
  });

  it('makes a table row one block, cells separated by tabs, a cell’s paragraphs by spaces', () => {
    const cell = (...texts: string[]) => `<w:tc>${texts.map((t) => para(run(t))).join('')}</w:tc>`;
    const xml = body(
      `<w:tbl><w:tr>${cell('Site')}${cell('Managers', '(n)')}</w:tr><w:tr>${cell('North')}${cell('7')}</w:tr></w:tbl>`,
    );
    expect(wordXmlToBlocks(xml, new Map())).toEqual([
      { kind: 'paragraph', content: 'Site\tManagers (n)' },
      { kind: 'paragraph', content: 'North\t7' },
    ]);
  });

  it('reads notes but not the separator notes', () => {
    const xml =
      `<w:footnotes ${W}><w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>` +
      `<w:footnote w:id="1">${para(run('A note.'))}</w:footnote></w:footnotes>`;
    expect(wordXmlToBlocks(xml, new Map())).toEqual([{ kind: 'paragraph', content: 'A note.' }]);
  });
});

import { XMLValidator } from 'fast-xml-parser';
import { FormatError } from '../format-error.js';

export interface XmlRecordSlice {
  xml: string;
  line: number;
  index: number;
}

/**
 * Validates the whole document (so a file cut in half fails with the line where it breaks)
 * and slices out each record element with its line, so every record keeps its verbatim
 * XML as provenance and is parsed on its own.
 */
export function sliceXmlRecords(
  text: string,
  element: string,
  fileName: string,
  formatName: string,
): XmlRecordSlice[] {
  if (text.trim() === '') throw new FormatError(fileName, `the file is empty (no ${formatName} records)`);
  const validation = XMLValidator.validate(text);
  if (validation !== true) {
    const { msg, line } = validation.err;
    const unclosed = /^Invalid '(\[.*\])' found/s.exec(msg);
    if (unclosed?.[1]) {
      // fast-xml-parser reports elements still open at the end as line 1; the problem is at the end.
      const open = JSON.parse(unclosed[1]) as string[];
      const lastLine = text.trimEnd().split('\n').length;
      throw new FormatError(
        fileName,
        `the XML is cut off: the file ends with <${open.join('>, <')}> still open`,
        { line: lastLine },
      );
    }
    throw new FormatError(fileName, `the XML is broken: ${msg}`, { line });
  }
  const slices: XmlRecordSlice[] = [];
  const open = new RegExp(`<${element}(?:\\s[^>]*)?>`, 'g');
  const close = `</${element}>`;
  let line = 1;
  let cursor = 0;
  for (let match = open.exec(text); match; match = open.exec(text)) {
    const end = text.indexOf(close, match.index);
    if (end === -1) break;
    for (let i = cursor; i < match.index; i++) if (text.charCodeAt(i) === 10) line++;
    cursor = match.index;
    slices.push({ xml: text.slice(match.index, end + close.length), line, index: slices.length + 1 });
    open.lastIndex = end + close.length;
  }
  return slices;
}

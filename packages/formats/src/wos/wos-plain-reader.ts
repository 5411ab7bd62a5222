import { FormatError, quoteSnippet } from '../format-error.js';
import type { FormatWarning, ParsedRecord } from '../format-plugin.js';
import type { LineRecordReader } from '../support/line-reader.js';
import { parseTable } from '../table/parse-table.js';
import { WOS_TAB_MAPPING } from './wos-tab-plugin.js';

const TAG_LINE = /^([A-Z][A-Z0-9])(?: (.*))?$/;
/** Tags whose continuation lines are further values (one author, address or reference per line). */
const ONE_PER_LINE = new Set(['AU', 'AF', 'BA', 'BF', 'BE', 'CA', 'GP', 'CR', 'C1', 'C3', 'EM', 'RI', 'OI']);

/**
 * Web of Science "Plain text file" (.txt, .ciw): "FN"/"VR" header, two-letter tags,
 * continuation lines indented by three spaces, "ER" after each record, "EF" at the end.
 * Fields map through the same table as the tab-delimited export.
 */
export class WosPlainReader implements LineRecordReader {
  readonly warnings: FormatWarning[] = [];
  private tags: string[] = [];
  private values: string[] = [];
  private lines: string[] = [];
  private startLine = 0;
  private inRecord = false;
  private count = 0;
  private ended = false;

  constructor(private readonly fileName: string) {}

  line(input: string, lineNumber: number): ParsedRecord | undefined {
    const text = lineNumber === 1 ? input.replace(/^\ufeff/, '') : input;
    if (text.trim() === '' || this.ended) return undefined;
    if (/^ {2,3}\S/.test(text) && this.inRecord) {
      const last = this.tags.length - 1;
      const tag = this.tags[last] as string;
      this.values[last] = `${this.values[last]}${ONE_PER_LINE.has(tag) ? '; ' : ' '}${text.trim()}`;
      this.lines.push(text);
      return undefined;
    }
    const match = TAG_LINE.exec(text.trimEnd());
    if (!match) {
      throw new FormatError(
        this.fileName,
        `expected a Web of Science tag like 'PT J', found '${quoteSnippet(text)}'`,
        {
          line: lineNumber,
        },
      );
    }
    const tag = match[1] as string;
    if (!this.inRecord) {
      if (tag === 'FN' || tag === 'VR') return undefined;
      if (tag === 'EF') {
        this.ended = true;
        return undefined;
      }
      if (tag !== 'PT') {
        // RIS lines ("TY  - JOUR") also start with two capitals: only PT opens a Web of Science record.
        throw new FormatError(
          this.fileName,
          `expected a record to start with 'PT ', found '${quoteSnippet(text)}'`,
          {
            line: lineNumber,
          },
        );
      }
      this.inRecord = true;
      this.startLine = lineNumber;
    }
    this.lines.push(text);
    if (tag === 'ER') return this.finish();
    this.tags.push(tag);
    this.values.push(match[2] ?? '');
    return undefined;
  }

  end(): ParsedRecord | undefined {
    if (this.inRecord) {
      this.warnings.push({
        message: `record ${this.count + 1} (from line ${this.startLine}) ends without 'ER'`,
        line: this.startLine,
        record: this.count + 1,
      });
      return this.finish();
    }
    if (this.count === 0) throw new FormatError(this.fileName, 'no Web of Science records found');
    return undefined;
  }

  private finish(): ParsedRecord {
    this.inRecord = false;
    this.count++;
    if (!this.tags.includes('AF')) {
      const au = this.tags.indexOf('AU');
      if (au >= 0) this.tags[au] = 'AF';
    }
    const sourceText = this.lines.join('\n');
    const { records, warnings } = parseTable(
      { headers: this.tags, rows: [this.values], rowLines: [this.startLine], rowText: [sourceText] },
      WOS_TAB_MAPPING,
      { fileName: this.fileName },
    );
    for (const warning of warnings)
      this.warnings.push({ ...warning, line: this.startLine, record: this.count });
    this.tags = [];
    this.values = [];
    this.lines = [];
    const record = records[0] as ParsedRecord;
    return { ...record, index: this.count };
  }
}

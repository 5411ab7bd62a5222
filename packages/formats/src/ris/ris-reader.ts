import { FormatError, quoteSnippet } from '../format-error.js';
import type { FormatWarning, ParsedRecord } from '../format-plugin.js';
import type { LineRecordReader } from '../support/line-reader.js';
import { type RisEntry, risEntriesToRecord } from './ris-record.js';

/**
 * "TY  - JOUR". The specification says two spaces, a hyphen and a space; exports differ
 * (one or three spaces, no space after the hyphen on an empty "ER  -"; a few write "DOI - "),
 * so the match is loose.
 */
const TAG_LINE = /^([A-Z][A-Z0-9]|DOI) {1,3}-(?: (.*)|\s*)$/;

export class RisReader implements LineRecordReader {
  readonly warnings: FormatWarning[] = [];
  private entries: RisEntry[] = [];
  private lines: string[] = [];
  private startLine = 0;
  private inRecord = false;
  private count = 0;
  private sawContent = false;

  constructor(private readonly fileName: string) {}

  line(input: string, lineNumber: number): ParsedRecord | undefined {
    const text = lineNumber === 1 ? input.replace(/^\ufeff/, '') : input;
    const match = TAG_LINE.exec(text);
    if (!this.inRecord) {
      if (text.trim() === '') return undefined;
      if (!match) {
        const where = this.count === 0 ? '' : ' between records';
        throw new FormatError(
          this.fileName,
          `expected a tag like 'TY  - '${where}, found '${quoteSnippet(text)}'`,
          { line: lineNumber },
        );
      }
      this.sawContent = true;
      if (match[1] === 'ER') {
        this.warnings.push({ message: "'ER  - ' without a record before it", line: lineNumber });
        return undefined;
      }
      if (match[1] !== 'TY') {
        this.warnings.push({
          message: `record ${this.count + 1} starts with ${match[1]}, not TY`,
          line: lineNumber,
          record: this.count + 1,
        });
      }
      this.start(lineNumber);
      this.entries.push({ tag: match[1] as string, value: match[2] ?? '', line: lineNumber });
      this.lines.push(text);
      return undefined;
    }
    if (match?.[1] === 'ER') {
      this.lines.push(text);
      return this.finish();
    }
    if (match?.[1] === 'TY') {
      this.warnings.push({
        message: `record ${this.count + 1} has no 'ER  - ' before the next TY`,
        line: lineNumber,
        record: this.count + 1,
      });
      const done = this.finish();
      this.start(lineNumber);
      this.entries.push({ tag: 'TY', value: match[2] ?? '', line: lineNumber });
      this.lines.push(text);
      return done;
    }
    this.lines.push(text);
    if (match) {
      this.entries.push({ tag: match[1] as string, value: match[2] ?? '', line: lineNumber });
    } else if (text.trim() !== '') {
      // A continuation line: wrapped text of the previous tag (Ovid and older EndNote wrap abstracts).
      const last = this.entries[this.entries.length - 1];
      if (last) last.value = `${last.value.trimEnd()} ${text.trim()}`;
    }
    return undefined;
  }

  end(): ParsedRecord | undefined {
    if (this.inRecord) {
      this.warnings.push({
        message: `record ${this.count + 1} (from line ${this.startLine}) ends without 'ER  - '`,
        line: this.startLine,
        record: this.count + 1,
      });
      return this.finish();
    }
    if (this.count === 0) {
      throw new FormatError(
        this.fileName,
        this.sawContent ? 'no RIS records found' : 'the file is empty (no RIS records)',
      );
    }
    return undefined;
  }

  private start(lineNumber: number): void {
    this.inRecord = true;
    this.startLine = lineNumber;
    this.entries = [];
    this.lines = [];
  }

  private finish(): ParsedRecord {
    this.inRecord = false;
    this.count++;
    while (this.lines.length > 0 && (this.lines[this.lines.length - 1] ?? '').trim() === '') this.lines.pop();
    const record = risEntriesToRecord(this.entries, this.count, this.warnings);
    return { record, sourceText: this.lines.join('\n'), line: this.startLine, index: this.count };
  }
}

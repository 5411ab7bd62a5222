import { FormatError, quoteSnippet } from '../format-error.js';
import type { FormatWarning, ParsedRecord } from '../format-plugin.js';
import type { LineRecordReader } from '../support/line-reader.js';
import { type NbibEntry, nbibEntriesToRecord } from './nbib-record.js';

/** "PMID- 31234567", "TI  - …", "FAU - …": a tag of up to four characters padded to four, then "- ". */
const TAG_LINE = /^([A-Z][A-Z0-9 ]{3})-(?: (.*))?$/;

/**
 * MEDLINE/PubMed text (.nbib, .medline, .txt). Records are separated by blank lines;
 * long values wrap onto continuation lines indented by six spaces.
 */
export class NbibReader implements LineRecordReader {
  readonly warnings: FormatWarning[] = [];
  private entries: NbibEntry[] = [];
  private lines: string[] = [];
  private startLine = 0;
  private count = 0;

  constructor(private readonly fileName: string) {}

  line(input: string, lineNumber: number): ParsedRecord | undefined {
    const text = lineNumber === 1 ? input.replace(/^\ufeff/, '') : input;
    if (text.trim() === '') return this.entries.length > 0 ? this.finish() : undefined;
    const continuation = /^\s/.test(text);
    const match = continuation ? null : TAG_LINE.exec(text);
    if (continuation) {
      const last = this.entries[this.entries.length - 1];
      if (!last) {
        throw new FormatError(this.fileName, `continuation line outside a record: '${quoteSnippet(text)}'`, {
          line: lineNumber,
        });
      }
      last.value = `${last.value} ${text.trim()}`;
      this.lines.push(text);
      return undefined;
    }
    if (!match) {
      throw new FormatError(
        this.fileName,
        `expected a MEDLINE tag like 'PMID- ', found '${quoteSnippet(text)}'`,
        {
          line: lineNumber,
        },
      );
    }
    const tag = (match[1] as string).trim();
    // RIS lines look the same ("TI  - "): a MEDLINE file is told apart by its first PMID.
    if (this.count === 0 && this.entries.length === 0 && tag !== 'PMID') {
      throw new FormatError(
        this.fileName,
        `expected the first record to start with 'PMID- ', found '${quoteSnippet(text)}'`,
        { line: lineNumber },
      );
    }
    let done: ParsedRecord | undefined;
    if (tag === 'PMID' && this.entries.length > 0) done = this.finish();
    if (this.entries.length === 0) this.startLine = lineNumber;
    this.entries.push({ tag, value: match[2] ?? '', line: lineNumber });
    this.lines.push(text);
    return done;
  }

  end(): ParsedRecord | undefined {
    if (this.entries.length > 0) return this.finish();
    if (this.count === 0) throw new FormatError(this.fileName, 'the file is empty (no PubMed records)');
    return undefined;
  }

  private finish(): ParsedRecord {
    this.count++;
    const record = nbibEntriesToRecord(this.entries, this.count, this.warnings);
    const parsed = { record, sourceText: this.lines.join('\n'), line: this.startLine, index: this.count };
    this.entries = [];
    this.lines = [];
    return parsed;
  }
}

import type { FormatWarning, ParsedRecord } from '../format-plugin.js';

/**
 * A line-at-a-time reader for line-tagged formats (RIS, MEDLINE). The same reader drives
 * whole-file parsing and streaming, so both see identical records, warnings and errors.
 */
export interface LineRecordReader {
  /** Feeds one line (without its line ending); returns a record when this line completed one. */
  line(text: string, lineNumber: number): ParsedRecord | undefined;
  /** Flushes the last record; throws when the whole input held no record. */
  end(): ParsedRecord | undefined;
  readonly warnings: FormatWarning[];
}

/** Runs a reader over a whole text. */
export function readAllLines(reader: LineRecordReader, text: string): ParsedRecord[] {
  const records: ParsedRecord[] = [];
  let lineNumber = 0;
  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    lineNumber++;
    const done = reader.line(text.slice(start, end), lineNumber);
    if (done) records.push(done);
    start = end + 1;
  }
  const last = reader.end();
  if (last) records.push(last);
  return records;
}

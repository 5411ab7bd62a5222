import { WeftError } from '@weft/core';

/**
 * An unrecoverable problem in an import file. The message always names the file and,
 * when known, the line (or record) so a reviewer can open the file and look:
 * "refs.ris, line 12: expected a tag like 'TY  - ', found 'hello'".
 */
export class FormatError extends WeftError {
  readonly fileName: string;
  readonly line: number | undefined;
  readonly recordNumber: number | undefined;
  readonly reason: string;

  constructor(fileName: string, reason: string, position: { line?: number; record?: number } = {}) {
    const where =
      position.line !== undefined
        ? `, line ${position.line}`
        : position.record !== undefined
          ? `, record ${position.record}`
          : '';
    super('bad-input', `${fileName}${where}: ${reason}`, {
      fileName,
      line: position.line,
      record: position.record,
    });
    this.name = 'FormatError';
    this.fileName = fileName;
    this.line = position.line;
    this.recordNumber = position.record;
    this.reason = reason;
  }
}

export function isFormatError(error: unknown): error is FormatError {
  return error instanceof FormatError;
}

/** Shortens a line for quoting inside an error message. */
export function quoteSnippet(text: string, max = 40): string {
  const oneLine = text.replace(/[\t\n\r]+/g, ' ').trim();
  return oneLine.length > max ? `${oneLine.slice(0, max)}…` : oneLine;
}

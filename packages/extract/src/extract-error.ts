import { WeftError } from '@weft/core';

/** Why a file could not be turned into a document; stable for the server and CLI to branch on. */
export type ExtractProblem =
  | 'empty'
  | 'wrong-kind'
  | 'unsupported'
  | 'corrupt'
  | 'truncated'
  | 'encrypted'
  | 'encoding'
  | 'syntax'
  | 'no-text';

/**
 * A file that cannot be extracted. The message names the file and, for line-based formats,
 * the line: "interview.srt, line 14: expected a timing line like '00:00:01,000 --> 00:00:04,000'".
 * The core code is 'bad-input' (what the server maps to 400); `problem` says which kind.
 */
export class ExtractError extends WeftError {
  readonly fileName: string;
  readonly problem: ExtractProblem;
  readonly reason: string;
  readonly line: number | undefined;

  constructor(fileName: string, problem: ExtractProblem, reason: string, position: { line?: number } = {}) {
    const where = position.line !== undefined ? `, line ${position.line}` : '';
    super('bad-input', `${fileName}${where}: ${reason}`, { fileName, problem, line: position.line });
    this.name = 'ExtractError';
    this.fileName = fileName;
    this.problem = problem;
    this.reason = reason;
    this.line = position.line;
  }
}

export function isExtractError(error: unknown): error is ExtractError {
  return error instanceof ExtractError;
}

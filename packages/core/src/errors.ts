/**
 * Typed domain errors. Each carries a stable `code` the server maps to an HTTP problem
 * response and the CLI prints as one line.
 */
export type WeftErrorCode =
  | 'validation'
  | 'unauthenticated'
  | 'forbidden'
  | 'not-found'
  | 'conflict'
  | 'stale-version'
  | 'rate-limited'
  | 'store-locked'
  | 'schema-too-new'
  | 'setup-required'
  | 'setup-done'
  | 'bad-input';

export class WeftError extends Error {
  readonly code: WeftErrorCode;
  readonly details: Record<string, unknown> | undefined;
  constructor(code: WeftErrorCode, message: string, details?: Record<string, unknown>) {
    super(message);
    this.name = 'WeftError';
    this.code = code;
    this.details = details;
  }
}

export function isWeftError(error: unknown): error is WeftError {
  return error instanceof WeftError;
}

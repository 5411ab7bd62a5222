import { isWeftError } from '@weft/core';

/** node-postgres and socket codes that mean "the PostgreSQL in DATABASE_URL is not usable". */
const CONNECTION_PROBLEMS: Record<string, string> = {
  ECONNREFUSED: 'nothing is listening there',
  ENOTFOUND: 'the host name is unknown',
  ETIMEDOUT: 'the connection timed out',
  ECONNRESET: 'the server closed the connection',
  '28P01': 'the password was refused',
  '28000': 'the server refused the login',
  '3D000': 'the database does not exist',
};

/**
 * One line for the user when the error is theirs (bad input, a locked or unreachable store);
 * undefined when it is a bug, which the caller reports with its stack.
 */
export function describeUserError(error: unknown): string | undefined {
  if (isWeftError(error)) return error.message;
  const code = (error as { code?: unknown } | undefined)?.code;
  if (typeof code === 'string' && code in CONNECTION_PROBLEMS) {
    return `Cannot use the PostgreSQL server in DATABASE_URL: ${CONNECTION_PROBLEMS[code]} (${(error as Error).message}).`;
  }
  return undefined;
}

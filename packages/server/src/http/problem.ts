import type { WeftErrorCode } from '@weft/core';
import type { Problem } from '@weft/protocol';

const STATUS: Record<WeftErrorCode | 'internal', number> = {
  validation: 400,
  'bad-input': 400,
  unauthenticated: 401,
  forbidden: 403,
  'setup-required': 403,
  'not-found': 404,
  conflict: 409,
  'stale-version': 409,
  'setup-done': 409,
  'rate-limited': 429,
  'store-locked': 503,
  'schema-too-new': 503,
  internal: 500,
};

const TITLE: Record<number, string> = {
  400: 'Bad request',
  401: 'Not signed in',
  403: 'Not allowed',
  404: 'Not found',
  409: 'Conflict',
  429: 'Too many requests',
  500: 'Internal error',
  503: 'Unavailable',
};

export function statusOf(code: WeftErrorCode | 'internal'): number {
  return STATUS[code];
}

export function problem(
  code: WeftErrorCode | 'internal',
  detail: string,
  extra: Partial<Problem> = {},
): Problem {
  const status = STATUS[code];
  return {
    type: `https://weft.dev/problems/${code}`,
    title: TITLE[status] ?? 'Error',
    status,
    code,
    detail,
    ...extra,
  };
}

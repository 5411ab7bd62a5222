import type { Problem } from '@weft/protocol';

/** An API failure, carrying the server's RFC 9457 problem object (or one made up for network errors). */
export class ApiError extends Error {
  readonly problem: Problem;
  constructor(problem: Problem) {
    super(problem.detail || problem.title);
    this.name = 'ApiError';
    this.problem = problem;
  }
  get status(): number {
    return this.problem.status;
  }
  get code(): string {
    return this.problem.code;
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

/** A sentence to show the user for any error. */
export function errorMessage(error: unknown): string {
  if (isApiError(error)) return error.problem.detail || error.problem.title;
  if (error instanceof Error) return error.message;
  return 'Something went wrong.';
}

/** Field-level messages from a validation problem, keyed by the last path segment. */
export function fieldErrors(error: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (!isApiError(error)) return out;
  for (const issue of error.problem.issues ?? []) {
    const key = issue.path.split(/[./]/).filter(Boolean).pop() ?? issue.path;
    out[key] ??= issue.message;
  }
  return out;
}

export async function toProblem(response: Response): Promise<Problem> {
  const fallback: Problem = {
    type: 'about:blank',
    status: response.status,
    code: response.status === 401 ? 'unauthenticated' : 'http-error',
    title: response.statusText || `HTTP ${response.status}`,
    detail: '',
  };
  try {
    const body = (await response.json()) as Partial<Problem>;
    return { ...fallback, ...body, status: body.status ?? response.status };
  } catch {
    return fallback;
  }
}

import { CSRF_HEADER } from '@weft/protocol';
import { ApiError, toProblem } from './problem';

/**
 * The one place the app talks HTTP: same-origin cookies, the CSRF header on every
 * state-changing request, and problem objects turned into `ApiError`s.
 */
let csrfToken: string | null = null;
const unauthorizedListeners = new Set<() => void>();

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Called when any request (other than the session probe) comes back 401: the session has ended. */
export function onUnauthorized(listener: () => void): () => void {
  unauthorizedListeners.add(listener);
  return () => unauthorizedListeners.delete(listener);
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface RequestOptions {
  body?: unknown;
  signal?: AbortSignal;
  /** Do not announce a 401 (used by the session probe and login). */
  quiet401?: boolean;
}

const CSRF_EXEMPT = new Set(['POST /api/session', 'POST /api/setup']);

export async function request<T>(method: Method, path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && !CSRF_EXEMPT.has(`${method} ${path}`) && csrfToken)
    headers[CSRF_HEADER] = csrfToken;
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError({
      type: 'about:blank',
      status: 0,
      code: 'network',
      title: 'Cannot reach the Weft server',
      detail: 'Cannot reach the Weft server. Check your connection and try again.',
    });
  }
  if (!response.ok) {
    const problem = await toProblem(response);
    if (response.status === 401 && !options.quiet401)
      for (const listener of unauthorizedListeners) listener();
    throw new ApiError(problem);
  }
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

export const api = {
  get: <T>(path: string, options?: RequestOptions) => request<T>('GET', path, options),
  post: <T>(path: string, body?: unknown, options?: RequestOptions) =>
    request<T>('POST', path, { ...options, body }),
  delete: <T>(path: string, options?: RequestOptions) => request<T>('DELETE', path, options),
};

/** Send a file's bytes as the request body (uploads), with the CSRF header like any mutation. */
export async function postBytes<T>(path: string, body: Blob): Promise<T> {
  const headers: Record<string, string> = {
    accept: 'application/json',
    'content-type': 'application/octet-stream',
  };
  if (csrfToken) headers[CSRF_HEADER] = csrfToken;
  let response: Response;
  try {
    response = await fetch(path, { method: 'POST', headers, credentials: 'same-origin', body });
  } catch {
    throw new ApiError({
      type: 'about:blank',
      status: 0,
      code: 'network',
      title: 'Cannot reach the Weft server',
      detail: 'Cannot reach the Weft server. Check your connection and try again.',
    });
  }
  if (!response.ok) {
    const problem = await toProblem(response);
    if (response.status === 401) for (const listener of unauthorizedListeners) listener();
    throw new ApiError(problem);
  }
  return (await response.json()) as T;
}

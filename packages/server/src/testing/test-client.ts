import { randomUUID } from 'node:crypto';
import type { CommandResponse, CommandType, Problem } from '@weft/protocol';
import WebSocket from 'ws';

export interface HttpResult<T = unknown> {
  status: number;
  body: T;
}

/** A minimal browser stand-in: keeps the session cookie and sends the CSRF token. */
export class TestClient {
  private cookie: string | undefined;
  csrfToken: string | undefined;

  constructor(readonly baseUrl: string) {}

  async request<T = unknown>(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ) {
    const response = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers: {
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...(this.cookie ? { cookie: this.cookie } : {}),
        ...(this.csrfToken && method !== 'GET' ? { 'x-csrf-token': this.csrfToken } : {}),
        ...headers,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const setCookie = response.headers.get('set-cookie');
    if (setCookie) this.cookie = setCookie.split(';')[0];
    const text = await response.text();
    return {
      status: response.status,
      body: (text ? JSON.parse(text) : undefined) as T,
    } satisfies HttpResult<T>;
  }

  /** A GET whose body is a file (CSV, PNG…), not JSON. */
  async download(path: string): Promise<{ status: number; contentType: string; bytes: Buffer }> {
    const response = await fetch(`${this.baseUrl}${path}`, {
      headers: this.cookie ? { cookie: this.cookie } : {},
    });
    return {
      status: response.status,
      contentType: response.headers.get('content-type') ?? '',
      bytes: Buffer.from(await response.arrayBuffer()),
    };
  }

  async login(username: string, password: string): Promise<HttpResult> {
    const result = await this.request<{ csrfToken: string }>('POST', '/api/session', { username, password });
    if (result.status === 200) this.csrfToken = result.body.csrfToken;
    return result;
  }

  async setup(username: string, displayName: string, password: string): Promise<HttpResult> {
    const result = await this.request<{ csrfToken: string }>('POST', '/api/setup', {
      username,
      displayName,
      password,
    });
    if (result.status === 200) this.csrfToken = result.body.csrfToken;
    return result;
  }

  command<R = unknown>(type: CommandType, payload: unknown, projectId?: string, id: string = randomUUID()) {
    return this.request<CommandResponse<R> & Partial<Problem>>('POST', '/api/commands', {
      id,
      type,
      projectId,
      payload,
    });
  }

  /** Uploads a file's raw bytes (the import wizard's first step). */
  async upload<T = unknown>(
    projectId: string,
    fileName: string,
    bytes: Uint8Array | string,
    /** `documents/uploads` for a coding document (reviewers may upload those). */
    route = 'uploads',
  ): Promise<HttpResult<T>> {
    const response = await fetch(
      `${this.baseUrl}/api/projects/${projectId}/${route}?fileName=${encodeURIComponent(fileName)}`,
      {
        method: 'POST',
        headers: {
          'content-type': 'application/octet-stream',
          ...(this.cookie ? { cookie: this.cookie } : {}),
          ...(this.csrfToken ? { 'x-csrf-token': this.csrfToken } : {}),
        },
        body: typeof bytes === 'string' ? Buffer.from(bytes, 'utf8') : bytes,
      },
    );
    const text = await response.text();
    return { status: response.status, body: (text ? JSON.parse(text) : undefined) as T };
  }

  /** Opens the live feed; collects every message until closed. */
  openFeed(projectId: string, after = 0): LiveFeed {
    const url = `${this.baseUrl.replace(/^http/, 'ws')}/api/projects/${projectId}/events?after=${after}`;
    return new LiveFeed(new WebSocket(url, { headers: this.cookie ? { cookie: this.cookie } : {} }));
  }
}

export interface FeedEvent {
  seq: number;
  eventType: string;
  payload: Record<string, unknown>;
}

export class LiveFeed {
  readonly events: FeedEvent[] = [];
  ready = false;
  closed = false;
  readonly opened: Promise<void>;

  constructor(readonly socket: WebSocket) {
    socket.on('message', (data) => {
      const message = JSON.parse(String(data)) as { kind: string; event?: FeedEvent };
      if (message.kind === 'event' && message.event) this.events.push(message.event);
      if (message.kind === 'ready') this.ready = true;
    });
    socket.on('close', () => {
      this.closed = true;
    });
    this.opened = new Promise((resolve, reject) => {
      socket.once('open', () => resolve());
      socket.once('error', reject);
      socket.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
    });
  }

  lastSeq(): number {
    return this.events.at(-1)?.seq ?? 0;
  }

  close(): void {
    this.socket.close();
  }
}

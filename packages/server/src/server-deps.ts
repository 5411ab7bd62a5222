import type { Store } from '@weft/storage';
import type { EventHub } from './live/event-hub.js';

/** What routes need, passed in explicitly rather than hung on the Fastify instance. */
export interface ServerDeps {
  store: Store;
  hub: EventHub;
  version: string;
  /** Whether to mark cookies Secure (behind HTTPS). */
  secureCookies: boolean;
  loginRateLimit: { max: number; timeWindow: number };
}

import type { ProjectEvent } from '@weft/core';
import { EVENTS_CHANNEL, readEvents, type Store, type Unsubscribe } from '@weft/storage';

export interface Subscriber {
  /** Highest seq already delivered to this subscriber. */
  lastSeq: number;
  send(event: ProjectEvent): void;
}

interface ProjectFeed {
  subscribers: Set<Subscriber>;
  pumping: boolean;
  again: boolean;
}

/**
 * Fans a project's events out to the WebSocket subscribers of this server instance.
 * Instances learn of new events through PostgreSQL NOTIFY (sent by whichever instance
 * committed), then read the events themselves from the log: the log, not the notification,
 * is the source of truth, so a lost notification delays delivery but never loses an event.
 */
export class EventHub {
  private readonly feeds = new Map<string, ProjectFeed>();
  private unlisten: Unsubscribe | undefined;
  private sweep: NodeJS.Timeout | undefined;

  constructor(
    private readonly store: Store,
    private readonly onError: (error: unknown) => void = () => undefined,
    /** Safety net for notifications lost while a LISTEN connection was down. */
    private readonly sweepMs = 5000,
  ) {}

  async start(): Promise<void> {
    this.unlisten = await this.store.listen(EVENTS_CHANNEL, (payload) => {
      try {
        const { projectId } = JSON.parse(payload) as { projectId: string };
        if (this.feeds.has(projectId)) this.pump(projectId);
      } catch (error) {
        this.onError(error);
      }
    });
    this.sweep = setInterval(() => {
      for (const projectId of this.feeds.keys()) this.pump(projectId);
    }, this.sweepMs);
    this.sweep.unref();
  }

  async stop(): Promise<void> {
    if (this.sweep) clearInterval(this.sweep);
    await this.unlisten?.();
    this.feeds.clear();
  }

  /** Replays every event after `subscriber.lastSeq`, then keeps delivering new ones. */
  subscribe(projectId: string, subscriber: Subscriber): () => void {
    let feed = this.feeds.get(projectId);
    if (!feed) {
      feed = { subscribers: new Set(), pumping: false, again: false };
      this.feeds.set(projectId, feed);
    }
    feed.subscribers.add(subscriber);
    this.pump(projectId);
    return () => {
      const current = this.feeds.get(projectId);
      current?.subscribers.delete(subscriber);
      if (current && current.subscribers.size === 0) this.feeds.delete(projectId);
    };
  }

  /** Resolves once every subscriber of the project has been sent everything committed so far. */
  async flush(projectId: string): Promise<void> {
    const feed = this.feeds.get(projectId);
    if (!feed) return;
    this.pump(projectId);
    while (feed.pumping) await new Promise((resolve) => setTimeout(resolve, 2));
  }

  private pump(projectId: string): void {
    const feed = this.feeds.get(projectId);
    if (!feed) return;
    if (feed.pumping) {
      feed.again = true;
      return;
    }
    feed.pumping = true;
    void this.drain(projectId, feed)
      .catch(this.onError)
      .finally(() => {
        feed.pumping = false;
        if (feed.again) {
          feed.again = false;
          this.pump(projectId);
        }
      });
  }

  /** One read per batch serves every subscriber; each gets only what it has not seen. */
  private async drain(projectId: string, feed: ProjectFeed): Promise<void> {
    for (;;) {
      if (feed.subscribers.size === 0) return;
      const from = Math.min(...[...feed.subscribers].map((s) => s.lastSeq));
      const events = await readEvents(this.store.db, projectId, from, 500);
      if (events.length === 0) return;
      for (const subscriber of feed.subscribers) {
        for (const event of events) {
          if (event.seq === subscriber.lastSeq + 1) {
            subscriber.send(event);
            subscriber.lastSeq = event.seq;
          }
        }
      }
      if (events.length < 500) return;
    }
  }
}

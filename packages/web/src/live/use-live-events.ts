import type { ProjectEvent } from '@weft/core';
import type { LiveMessage } from '@weft/protocol';
import { useEffect, useRef, useState } from 'react';
import { endpoints } from '../api/endpoints';
import { appendEvents, liveEventsUrl } from './event-buffer';

export type LiveStatus = 'connecting' | 'live' | 'reconnecting' | 'failed';

export interface LiveEvents {
  /** The most recent events, oldest first, without gaps or duplicates. */
  events: ProjectEvent[];
  status: LiveStatus;
  /** Seq of the newest event seen (0 when none). */
  lastSeq: number;
  error: string | null;
}

const HISTORY = 50;
const CAP = 200;
const MAX_BACKOFF_MS = 10_000;

/**
 * The project's event log, live: the last few events, then every new one as it happens,
 * over the events WebSocket. Reconnects with `after=<last seq seen>` so nothing is missed
 * or shown twice.
 */
export function useLiveEvents(projectId: string | undefined): LiveEvents {
  const [events, setEvents] = useState<ProjectEvent[]>([]);
  const [status, setStatus] = useState<LiveStatus>('connecting');
  const [error, setError] = useState<string | null>(null);
  const lastSeqRef = useRef(0);

  useEffect(() => {
    if (!projectId) return;
    let disposed = false;
    let socket: WebSocket | null = null;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let attempts = 0;
    lastSeqRef.current = 0;
    setEvents([]);
    setStatus('connecting');
    setError(null);

    const accept = (incoming: ProjectEvent[]) => {
      const fresh = incoming.filter((e) => e.seq > lastSeqRef.current);
      if (fresh.length === 0) return;
      lastSeqRef.current = Math.max(lastSeqRef.current, ...fresh.map((e) => e.seq));
      setEvents((current) => appendEvents(current, fresh, CAP));
    };

    const scheduleReconnect = () => {
      if (disposed) return;
      setStatus('reconnecting');
      const delay = Math.min(MAX_BACKOFF_MS, 500 * 2 ** attempts);
      attempts++;
      timer = setTimeout(connect, delay);
    };

    const connect = () => {
      if (disposed) return;
      const ws = new WebSocket(liveEventsUrl(projectId, lastSeqRef.current));
      socket = ws;
      ws.onmessage = (message) => {
        let data: LiveMessage;
        try {
          data = JSON.parse(String(message.data)) as LiveMessage;
        } catch {
          return;
        }
        if (data.kind === 'event') accept([data.event]);
        else if (data.kind === 'ready') {
          attempts = 0;
          setStatus('live');
          setError(null);
        } else if (data.kind === 'error') {
          setError(data.message);
        }
      };
      ws.onclose = (close) => {
        if (socket !== ws || disposed) return;
        socket = null;
        // 1008 (policy) or 44xx: the session ended or access was withdrawn; retrying will not help.
        if (close.code === 1008 || (close.code >= 4400 && close.code < 4500)) {
          setStatus('failed');
          setError((current) => current ?? 'The live feed was closed by the server.');
          return;
        }
        scheduleReconnect();
      };
    };

    const start = async () => {
      try {
        // Only the latest events are shown: ask where the log ends, then replay from just before.
        const { lastSeq } = await endpoints.events(projectId, 0, 1);
        if (disposed) return;
        lastSeqRef.current = Math.max(0, lastSeq - HISTORY);
      } catch {
        if (disposed) return;
      }
      connect();
    };

    const online = () => {
      if (socket === null && !disposed) {
        clearTimeout(timer);
        attempts = 0;
        connect();
      }
    };
    window.addEventListener('online', online);
    void start();

    return () => {
      disposed = true;
      clearTimeout(timer);
      window.removeEventListener('online', online);
      const ws = socket;
      socket = null;
      ws?.close();
    };
  }, [projectId]);

  const lastSeq = events.length ? (events[events.length - 1]?.seq ?? 0) : 0;
  return { events, status, lastSeq, error };
}

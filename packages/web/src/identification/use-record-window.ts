import type { RecordsQuery, RecordView } from '@weft/protocol';
import { useCallback, useEffect, useRef, useState } from 'react';
import { identificationApi } from '../api/identification';

/** Rows per request: a screenful or two, so a scroll costs one small query. */
export const RECORD_PAGE = 100;
/** How long the visible range must stay put before its rows are fetched (dragging the scrollbar). */
const SETTLE_MS = 60;

export type RecordFilters = Omit<RecordsQuery, 'offset' | 'limit'>;

interface WindowState {
  key: string;
  total: number | null;
  pages: Map<number, RecordView[]>;
}

/**
 * The rows of a large, filtered, sorted record list, fetched by range as they scroll into view.
 * Pages are cached per filter set; changing the filters starts again. Rows never fetched read as
 * undefined (the table shows a placeholder).
 */
export function useRecordWindow(projectId: string, filters: RecordFilters) {
  const key = `${projectId}|${JSON.stringify(filters)}`;
  const [state, setState] = useState<WindowState>({ key, total: null, pages: new Map() });
  const [error, setError] = useState<unknown>(undefined);
  const [lastQueryMs, setLastQueryMs] = useState<number | null>(null);
  const inFlight = useRef(new Set<string>());
  const wanted = useRef<[number, number]>([0, 0]);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const current = useRef({ key, projectId, filters });
  current.current = { key, projectId, filters };
  const pagesRef = useRef(state);
  pagesRef.current = state;

  const reloadVisible = useRef<() => void>(() => {});

  const fetchPage = useCallback(async (page: number, replace = false) => {
    const { key: forKey, projectId: pid, filters: f } = current.current;
    const flightKey = `${forKey}#${page}`;
    if (inFlight.current.has(flightKey)) return;
    if (!replace && pagesRef.current.key === forKey && pagesRef.current.pages.has(page)) return;
    inFlight.current.add(flightKey);
    const started = performance.now();
    try {
      const response = await identificationApi.records(pid, {
        ...f,
        offset: page * RECORD_PAGE,
        limit: RECORD_PAGE,
      });
      setLastQueryMs(Math.round(performance.now() - started));
      setError(undefined);
      const before = pagesRef.current;
      const moved = before.key === forKey && before.total !== null && before.total !== response.total;
      setState((previous) => {
        // An answer for filters the user has since changed is dropped.
        if (current.current.key !== forKey) return previous;
        const pages = new Map(previous.key === forKey ? previous.pages : []);
        // The total moved (an import, a merge): cached rows may be shifted, keep only this page.
        if (previous.key === forKey && previous.total !== null && previous.total !== response.total)
          pages.clear();
        pages.set(page, response.records);
        return { key: forKey, total: response.total, pages };
      });
      if (moved) setTimeout(() => reloadVisible.current(), 0);
    } catch (failure) {
      if (current.current.key === forKey) setError(failure);
    } finally {
      inFlight.current.delete(flightKey);
    }
  }, []);

  const loadWanted = useCallback(() => {
    const [start, end] = wanted.current;
    for (let page = Math.floor(start / RECORD_PAGE); page <= Math.floor(end / RECORD_PAGE); page++)
      void fetchPage(page);
  }, [fetchPage]);

  reloadVisible.current = loadWanted;

  /** Say which rows are on screen; missing pages are fetched once the range settles. */
  const ensureRange = useCallback(
    (start: number, end: number) => {
      wanted.current = [Math.max(0, start), Math.max(0, end)];
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(loadWanted, SETTLE_MS);
    },
    [loadWanted],
  );

  useEffect(() => {
    setState({ key, total: null, pages: new Map() });
    wanted.current = [0, RECORD_PAGE - 1];
    void key;
    void fetchPage(0);
  }, [key, fetchPage]);

  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );

  /** Fetch the visible pages again (someone imported or merged), keeping the rows on screen meanwhile. */
  const refresh = useCallback(() => {
    const [start, end] = wanted.current;
    for (let page = Math.floor(start / RECORD_PAGE); page <= Math.floor(end / RECORD_PAGE); page++)
      void fetchPage(page, true);
  }, [fetchPage]);

  const fresh = state.key === key;
  const getRow = useCallback(
    (index: number): RecordView | undefined =>
      fresh ? state.pages.get(Math.floor(index / RECORD_PAGE))?.[index % RECORD_PAGE] : undefined,
    [fresh, state],
  );

  return {
    total: fresh ? state.total : null,
    getRow,
    ensureRange,
    refresh,
    error,
    lastQueryMs,
  };
}

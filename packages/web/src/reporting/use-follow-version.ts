import { useEffect, useRef } from 'react';

/**
 * Calls `reload` whenever `version` moves on after the first render: a list refetches in place
 * (keeping its rows on screen) when the project changes, instead of blanking to a loader.
 */
export function useFollowVersion(version: number, reload: () => Promise<void>): void {
  const seen = useRef(version);
  const reloadRef = useRef(reload);
  reloadRef.current = reload;
  useEffect(() => {
    if (seen.current === version) return;
    seen.current = version;
    void reloadRef.current();
  }, [version]);
}

import { useMemo, useRef } from 'react';

// biome-ignore lint/suspicious/noExplicitAny: any function signature is kept as it is
type Actions<T> = { [K in keyof T]: (...args: any[]) => unknown };

/**
 * One object, the same on every render, whose functions call the latest `handlers`: passed to
 * memoised children, it never makes them render again, yet they never call stale state.
 */
export function useStableActions<T extends Actions<T>>(handlers: T): T {
  const latest = useRef(handlers);
  latest.current = handlers;
  // biome-ignore lint/correctness/useExhaustiveDependencies: the keys are fixed for a component's life
  return useMemo(
    () =>
      Object.fromEntries(
        Object.keys(handlers).map((key) => [
          key,
          (...args: unknown[]) => (latest.current[key as keyof T] as (...a: unknown[]) => unknown)(...args),
        ]),
      ) as T,
    [],
  );
}

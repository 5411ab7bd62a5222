import { useEffect, useState } from 'react';

/*
 * Code that loads on first use (TipTap, pdf.js), without React.lazy. A lazy component's fallback
 * is replaced by a React "retry" render, and retry renders have no deadline (their lanes never
 * expire), so on a busy page they can wait behind other updates: under CPU load a memo stayed on
 * its fallback for over 10 s although its code had long arrived. Storing the loaded module as
 * state re-renders at normal priority instead.
 */

export interface LazyModule<M> {
  /** The module once it has loaded (a later mount renders it at once, with no loading step). */
  loaded: M | undefined;
  load: () => Promise<M>;
}

/** A module fetched once, by whichever component first needs it. */
export function lazyModule<M>(importModule: () => Promise<M>): LazyModule<M> {
  let loading: Promise<M> | undefined;
  const lazy: LazyModule<M> = {
    loaded: undefined,
    load() {
      loading ??= importModule().then(
        (module) => {
          lazy.loaded = module;
          return module;
        },
        (error: unknown) => {
          loading = undefined; // a later mount tries again
          throw error;
        },
      );
      return loading;
    },
  };
  return lazy;
}

/** The module, or `failed` when its code could not be fetched; undefined while it loads. */
export function useLazyModule<M>(lazy: LazyModule<M>): { module: M | undefined; failed: boolean } {
  const [module, setModule] = useState(lazy.loaded);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    if (module) return;
    let mounted = true;
    lazy.load().then(
      (m) => mounted && setModule(m),
      () => mounted && setFailed(true),
    );
    return () => {
      mounted = false;
    };
  }, [lazy, module]);
  return { module, failed };
}

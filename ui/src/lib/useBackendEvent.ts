import { useEffect, useRef } from "react";

/**
 * Listens to a backend event while the component is mounted. `subscribe` is one of backend.ts's
 * `on…` functions (resolving to the unsubscribe function); `handler` may change on every render.
 */
export function useBackendEvent<T>(subscribe: (cb: (payload: T) => void) => Promise<() => void>, handler: (payload: T) => void) {
  const latest = useRef(handler);
  useEffect(() => {
    latest.current = handler;
  });

  useEffect(() => {
    let unlisten: (() => void) | undefined;
    let stopped = false;
    Promise.resolve(subscribe((payload) => latest.current(payload)))
      .then((fn) => {
        if (typeof fn !== "function") return;
        if (stopped) fn();
        else unlisten = fn;
      })
      .catch(() => {
        // No event channel (plain browser without the fake): nothing will come.
      });
    return () => {
      stopped = true;
      unlisten?.();
    };
  }, [subscribe]);
}

import { useEffect, useState } from "react";
import { onTransferProgress, type TransferProgress } from "../backend";

/** How long a finished transfer stays visible. */
const KEEP_FINISHED_MS = 1500;

/**
 * The transfers in progress, from the backend's "transfer-progress" events.
 * A first step: the queue, cancel and history come later.
 */
export function useTransfers(): TransferProgress[] {
  const [active, setActive] = useState<Record<string, TransferProgress>>({});

  useEffect(() => {
    let unlisten: (() => void) | undefined;
    let stopped = false;
    const timers = new Set<ReturnType<typeof setTimeout>>();
    const onProgress = (p: TransferProgress) => {
      setActive((prev) => ({ ...prev, [p.transferId]: p }));
      if (p.bytesTotal !== null && p.bytesDone >= p.bytesTotal) {
        const timer = setTimeout(() => {
          timers.delete(timer);
          setActive(({ [p.transferId]: _done, ...rest }) => rest);
        }, KEEP_FINISHED_MS);
        timers.add(timer);
      }
    };
    Promise.resolve(onTransferProgress(onProgress))
      .then((fn) => {
        if (typeof fn !== "function") return;
        if (stopped) fn();
        else unlisten = fn;
      })
      .catch(() => {
        // No event channel (plain browser without the fake): nothing to show.
      });
    return () => {
      stopped = true;
      unlisten?.();
      timers.forEach(clearTimeout);
    };
  }, []);

  return Object.values(active);
}

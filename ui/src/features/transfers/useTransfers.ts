import { createContext, useContext, useEffect, useRef, useState } from "react";
import { onTransferProgress, type TransferProgress } from "../../backend";
import { useBackendEvent } from "../../lib/useBackendEvent";

/** How long a finished transfer stays visible. */
const KEEP_FINISHED_MS = 1500;

/**
 * The transfers in progress, from the backend's "transfer-progress" events. Listened to once,
 * in the app frame (TransfersProvider), so that the status bar and the Transfers page show the
 * same list whenever they are opened. A first step: the queue, cancel and history come later.
 */
export function useTransferEvents(): TransferProgress[] {
  const [active, setActive] = useState<Record<string, TransferProgress>>({});
  const timers = useRef(new Set<ReturnType<typeof setTimeout>>());

  useBackendEvent(onTransferProgress, (p) => {
    setActive((prev) => ({ ...prev, [p.transferId]: p }));
    if (p.bytesTotal !== null && p.bytesDone >= p.bytesTotal) {
      const timer = setTimeout(() => {
        timers.current.delete(timer);
        setActive(({ [p.transferId]: _done, ...rest }) => rest);
      }, KEEP_FINISHED_MS);
      timers.current.add(timer);
    }
  });
  useEffect(() => {
    const pending = timers.current;
    return () => pending.forEach(clearTimeout);
  }, []);

  return Object.values(active);
}

export const TransfersContext = createContext<TransferProgress[]>([]);

/** The running transfers (empty outside a TransfersProvider). */
export function useTransfers(): TransferProgress[] {
  return useContext(TransfersContext);
}

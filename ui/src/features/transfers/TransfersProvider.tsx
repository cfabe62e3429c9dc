import { useEffect, useState, type ReactNode } from "react";
import { api, onTransfersChanged } from "../../backend";
import { useBackendEvent } from "../../lib/useBackendEvent";
import { TransferStore } from "./store";
import { TransfersContext } from "./useTransfers";

/**
 * The transfer list for the whole app (in the frame above the routes): read once from
 * listTransfers, then merged with every transfersChanged update.
 */
export function TransfersProvider({ children }: { children: ReactNode }) {
  const [store] = useState(() => new TransferStore(() => api.listTransfers()));
  useBackendEvent(onTransfersChanged, store.onUpdate);
  useEffect(() => {
    store.start();
    return () => store.stop();
  }, [store]);
  return <TransfersContext.Provider value={store}>{children}</TransfersContext.Provider>;
}

import type { ReactNode } from "react";
import { TransfersContext, useTransferEvents } from "./useTransfers";

/** Listens to transfer progress for the whole app. */
export function TransfersProvider({ children }: { children: ReactNode }) {
  const transfers = useTransferEvents();
  return <TransfersContext.Provider value={transfers}>{children}</TransfersContext.Provider>;
}

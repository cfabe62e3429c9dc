import { createContext, useContext, useSyncExternalStore } from "react";
import type { TransferView } from "../../backend";
import { TransferStore } from "./store";

/** Outside a TransfersProvider (tests of one screen): an empty list that takes puts. */
export const TransfersContext = createContext<TransferStore>(new TransferStore());

/** The store itself: for `put` after a command, `get` of one transfer. */
export function useTransferStore(): TransferStore {
  return useContext(TransfersContext);
}

/** Every transfer the engine knows, newest first, kept current. */
export function useTransfers(): readonly TransferView[] {
  const store = useTransferStore();
  return useSyncExternalStore(store.subscribe, store.getSnapshot);
}

/** One transfer, kept current; undefined when unknown (not listed yet, or cleared). */
export function useTransfer(id: number | null | undefined): TransferView | undefined {
  const transfers = useTransfers();
  return id === null || id === undefined ? undefined : transfers.find((t) => t.id === id);
}

import { useState } from "react";
import type { TransferView } from "../../backend";
import { useTransferStore } from "./useTransfers";

/**
 * Runs one transfer command (pause, resume, a conflict decision…): the transfer it returns goes
 * into the list at once (the engine's update follows), and a refusal is kept for the caller to show.
 */
export function useTransferCommand() {
  const store = useTransferStore();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const run = async (call: () => Promise<TransferView>): Promise<boolean> => {
    setBusy(true);
    setError(null);
    try {
      store.put(await call());
      return true;
    } catch (e) {
      setError(e);
      return false;
    } finally {
      setBusy(false);
    }
  };

  return { run, busy, error, clearError: () => setError(null) };
}

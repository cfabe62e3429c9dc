import { useState } from "react";

/**
 * One "Create" action of a sharing tab: runs it, keeps its answer (with what it was made for, so a
 * changed form hides a stale answer) or its error.
 */
export function useCreate<T>() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [made, setMade] = useState<{ value: T; for: string } | null>(null);
  const run = async (forWhat: string, action: () => Promise<T>) => {
    setBusy(true);
    setError(null);
    try {
      setMade({ value: await action(), for: forWhat });
    } catch (e) {
      setMade(null);
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  const resultFor = (forWhat: string): T | null => (made && made.for === forWhat ? made.value : null);
  return { busy, error, run, resultFor };
}

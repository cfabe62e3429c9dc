import type { TransferProgress } from "../../backend";

/** Percent done, or null when the total is unknown. */
export function percentDone(p: TransferProgress): number | null {
  return p.bytesTotal ? Math.min(100, (p.bytesDone / p.bytesTotal) * 100) : null;
}

// What the panel derives from a TransferView (pure: no React, no backend).
import type { Place, TransferState, TransferView } from "../../backend";

/** Done or cancelled: nothing more will happen to it (Clear finished removes it). */
export function isFinished(state: TransferState): boolean {
  return state === "done" || state === "cancelled";
}

/** Queued or running: what the engine counts as active. */
export function isActive(state: TransferState): boolean {
  return state === "queued" || state === "running";
}

/** Waiting for the user: unfinished from the last run, or files that exist at the destination. */
export function isWaiting(state: TransferState): boolean {
  return state === "interrupted" || state === "needsDecision";
}

/**
 * Percent of the bytes done (0–100, whole), or null while the total is unknown (still finding
 * files with nothing found yet). A done transfer is 100 % even if files were skipped (their
 * bytes stay in the total but are never sent).
 */
export function percentDone(v: Pick<TransferView, "state" | "bytesDone" | "bytesTotal" | "discovering">): number | null {
  if (v.state === "done") return 100;
  if (v.bytesTotal === 0) return v.discovering ? null : 0;
  return Math.min(100, Math.floor((v.bytesDone / v.bytesTotal) * 100));
}

/** Files not transferred yet (nor skipped): what a cancel would leave out. */
export function filesLeft(v: Pick<TransferView, "filesTotal" | "filesDone" | "filesSkipped">): number {
  return Math.max(0, v.filesTotal - v.filesDone - v.filesSkipped);
}

/** Newest first (the order of the panel). */
export function newestFirst(a: TransferView, b: TransferView): number {
  return b.createdAt - a.createdAt || b.id - a.id;
}

export interface Totals {
  /** Running or queued. */
  active: number;
  /** Interrupted, or waiting for a conflict decision. */
  waiting: number;
  bytesDone: number;
  bytesTotal: number;
  bytesPerSecond: number;
}

/** The figures of the status bar: active transfers, their bytes and speed, and those waiting. */
export function totalsOf(transfers: readonly TransferView[]): Totals {
  const totals: Totals = { active: 0, waiting: 0, bytesDone: 0, bytesTotal: 0, bytesPerSecond: 0 };
  for (const v of transfers) {
    if (isActive(v.state)) {
      totals.active++;
      totals.bytesDone += v.bytesDone;
      totals.bytesTotal += v.bytesTotal;
      totals.bytesPerSecond += v.bytesPerSecond;
    } else if (isWaiting(v.state)) totals.waiting++;
  }
  return totals;
}

/**
 * The places (bucket and prefix) whose listings a transfer changes, from the engine's `storedIn`
 * and `takenFrom`: where an upload, copy or move writes, and for a move also where it reads (its
 * objects disappear from there). A download changes none.
 */
export function changedPlaces(v: Pick<TransferView, "direction" | "takenFrom" | "storedIn">): Place[] {
  const places: Place[] = [];
  if (v.direction !== "download" && v.storedIn) places.push(v.storedIn);
  if (v.direction === "move" && v.takenFrom) places.push(v.takenFrom);
  return places;
}

// Shared fixtures of the transfer tests.
import { act } from "@testing-library/react";
import { vi } from "vitest";
import { onTransfersChanged, type Place, type TransfersUpdate, type TransferView } from "../../backend";
import { totalsOf } from "./model";

const MIB = 1024 * 1024;

/**
 * A running upload of 10,000 files; override what the test is about. Unless given, `storedIn`
 * and `takenFrom` say what the engine would for the `destination` and `source` given (a bucket
 * and prefix for the server's side, null for the local one).
 */
export function transfer(overrides: Partial<TransferView> = {}): TransferView {
  const direction = overrides.direction ?? "upload";
  const destination = overrides.destination ?? "bkt/2024/";
  const source = overrides.source ?? "/home/me/photos";
  return {
    takenFrom: direction === "upload" ? null : place(source),
    storedIn: direction === "download" ? null : place(destination),
    id: 1,
    direction: "upload",
    profileId: "p1",
    bucket: "bkt",
    source: "/home/me/photos",
    destination: "bkt/2024/",
    state: "running",
    discovering: false,
    filesTotal: 10_000,
    filesDone: 37,
    filesFailed: 0,
    filesSkipped: 0,
    filesConflict: 0,
    bytesTotal: 1024 * MIB,
    bytesDone: 12.3 * MIB,
    bytesPerSecond: 3.2 * MIB,
    etaSeconds: 300,
    retries: 0,
    error: null,
    conflictPolicy: "ask",
    createdAt: Date.UTC(2026, 0, 2, 3, 4),
    ...overrides,
  };
}

/** "bkt/a/b/" → {bucket: "bkt", prefix: "a/b/"} (only for the fixture's defaults). */
function place(shown: string): Place {
  const slash = shown.indexOf("/");
  return slash < 0 ? { bucket: shown, prefix: "" } : { bucket: shown.slice(0, slash), prefix: shown.slice(slash + 1) };
}

/** An update as the engine sends it: these changed, the totals over `all`. */
export function update(changed: TransferView[], all: TransferView[] = changed, removed: number[] = []): TransfersUpdate {
  const t = totalsOf(all);
  return { changed, removed, totals: { active: t.active, waiting: t.waiting, bytesDone: t.bytesDone, bytesTotal: t.bytesTotal, bytesPerSecond: t.bytesPerSecond } };
}

/** Captures the transfersChanged listener (backend mocked); returns a function that sends one update. */
export function listenToTransfers() {
  let emit: ((u: TransfersUpdate) => void) | undefined;
  vi.mocked(onTransfersChanged).mockImplementation(async (cb) => {
    emit = cb;
    return () => {};
  });
  return (u: TransfersUpdate) => act(() => emit?.(u));
}

// Shared fixtures of the transfer tests.
import { act } from "@testing-library/react";
import { vi } from "vitest";
import { onTransfersChanged, type TransfersUpdate, type TransferView } from "../../backend";
import { totalsOf } from "./model";

const MIB = 1024 * 1024;

/** A running upload of 10,000 files; override what the test is about. */
export function transfer(overrides: Partial<TransferView> = {}): TransferView {
  return {
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

import { afterEach, describe, expect, it, vi } from "vitest";
import type { TransferView } from "../../backend";
import { RESYNC_INTERVAL_MS, TransferStore } from "./store";
import { transfer, update } from "./testing";

function deferred<T>() {
  let resolve!: (v: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

const ids = (store: TransferStore) => store.getSnapshot().map((v) => `${v.id}:${v.state}:${v.filesDone}`);

describe("TransferStore", () => {
  afterEach(() => vi.useRealTimers());

  it("starts from the full list and merges updates by id, newest first", async () => {
    const a = transfer({ id: 1, createdAt: 1, state: "running", filesDone: 1 });
    const b = transfer({ id: 2, createdAt: 2, state: "queued", filesDone: 0 });
    const store = new TransferStore(async () => [a, b]);
    await store.sync();
    expect(ids(store)).toEqual(["2:queued:0", "1:running:1"]);

    const listener = vi.fn();
    store.subscribe(listener);
    const a2 = { ...a, filesDone: 5 };
    store.onUpdate(update([a2], [a2, b]));
    expect(ids(store)).toEqual(["2:queued:0", "1:running:5"]);
    expect(listener).toHaveBeenCalledTimes(1);

    // Only what changed comes; the others stay as they were. Removed ones go.
    const c = transfer({ id: 3, createdAt: 3, state: "done", filesDone: 2 });
    store.onUpdate(update([c], [a2, c], [2]));
    expect(ids(store)).toEqual(["3:done:2", "1:running:5"]);
  });

  it("keeps its snapshot until something changes", async () => {
    const store = new TransferStore(async () => [transfer()]);
    await store.sync();
    const first = store.getSnapshot();
    expect(store.getSnapshot()).toBe(first);
    store.put(transfer({ filesDone: 99 }));
    expect(store.getSnapshot()).not.toBe(first);
    expect(store.get(1)?.filesDone).toBe(99);
  });

  it("applies updates that come while the list is read on top of it", async () => {
    const list = deferred<TransferView[]>();
    const store = new TransferStore(() => list.promise);
    const syncing = store.sync();
    const newer = transfer({ id: 1, state: "done", filesDone: 10_000 });
    store.onUpdate(update([newer]));
    expect(store.getSnapshot()).toEqual([]); // not before the list
    list.resolve([transfer({ id: 1, state: "running", filesDone: 37 })]);
    await syncing;
    expect(ids(store)).toEqual(["1:done:10000"]);
    expect(store.ready).toBe(true);
  });

  it("reads the list again, at most once a second, when it disagrees with the engine's totals", async () => {
    vi.useFakeTimers();
    const running = transfer({ id: 1, state: "running" });
    const load = vi.fn(async () => [running]);
    const store = new TransferStore(load);
    await store.sync();
    expect(load).toHaveBeenCalledTimes(1);

    // The engine counts 2 active transfers, the list knows one: an update was missed.
    const other = transfer({ id: 2, state: "queued" });
    store.onUpdate({ ...update([running]), totals: { ...update([running, other]).totals } });
    load.mockResolvedValue([running, other]);
    expect(load).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(RESYNC_INTERVAL_MS);
    expect(load).toHaveBeenCalledTimes(2);
    expect(ids(store)).toEqual(["2:queued:37", "1:running:37"]);

    // Consistent updates read nothing again.
    store.onUpdate(update([running], [running, other]));
    await vi.advanceTimersByTimeAsync(5 * RESYNC_INTERVAL_MS);
    expect(load).toHaveBeenCalledTimes(2);
  });

  it("takes the transfers a command returned, and removes cleared ones", () => {
    const store = new TransferStore();
    store.put(transfer({ id: 7, state: "paused" }));
    expect(ids(store)).toEqual(["7:paused:37"]);
    store.remove([7]);
    expect(store.getSnapshot()).toEqual([]);
  });
});

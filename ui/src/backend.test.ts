import { describe, expect, expectTypeOf, it, vi } from "vitest";

// backend.ts is the one module that sees the generated bindings: test its unwrapping against a
// stand-in `commands` object (the types still come from the real bindings.ts).
const commands = vi.hoisted(() => ({
  listBuckets: vi.fn(),
  deleteBucket: vi.fn(),
  getBucketVersioning: vi.fn(),
  // Infallible in Rust: the generated wrapper gives the data, not a Result.
  listTransfers: vi.fn(),
  getTransferSettings: vi.fn(),
}));
const events = vi.hoisted(() => ({
  transfersChanged: { listen: vi.fn() },
  filesDropped: { listen: vi.fn() },
  filesDragOver: { listen: vi.fn() },
}));

vi.mock("./bindings", () => ({ commands, events }));

import {
  api,
  BackendError,
  onFilesDropped,
  onTransfersChanged,
  unwrapAll,
  type AppError,
  type BackendEvents,
  type BucketSummary,
  type BucketVersioning,
  type FilesDropped,
  type Result,
  type TransfersUpdate,
  type TransferView,
} from "./backend";

describe("api", () => {
  it("has every generated command, with no wrapper written by hand", () => {
    expect(Object.keys(api).sort()).toEqual(Object.keys(commands).sort());
  });

  it("returns the data of an ok result", async () => {
    commands.listBuckets.mockResolvedValue({ status: "ok", data: [{ name: "b1", creationDate: null }] });
    await expect(api.listBuckets("p1")).resolves.toEqual([{ name: "b1", creationDate: null }]);
    expect(commands.listBuckets).toHaveBeenCalledWith("p1");
  });

  it("throws a BackendError carrying the AppError fields", async () => {
    const appError = { code: "BucketNotEmpty", serverCode: null, status: 409, requestId: "tx1", detail: "not empty" };
    commands.deleteBucket.mockResolvedValue({ status: "error", error: appError });
    const err = await api.deleteBucket("p1", "b1").catch((e: unknown) => e);
    expect(err).toBeInstanceOf(BackendError);
    expect(err).toBeInstanceOf(Error);
    expect(err).toMatchObject(appError);
  });

  it("keeps the server's own code", async () => {
    const appError = { code: "Unknown", serverCode: "XQuotaExceeded", status: 403, requestId: null, detail: "quota" };
    commands.deleteBucket.mockResolvedValue({ status: "error", error: appError });
    await expect(api.deleteBucket("p1", "b1")).rejects.toMatchObject(appError);
  });

  it("turns a thrown IPC failure into BackendError Unknown", async () => {
    commands.listBuckets.mockRejectedValue(new TypeError("IPC unavailable"));
    await expect(api.listBuckets("p1")).rejects.toMatchObject({ code: "Unknown", detail: "IPC unavailable" });
  });

  it("passes the answer of an infallible command through, and still throws a BackendError when IPC fails", async () => {
    commands.listTransfers.mockResolvedValue([{ id: 1 }]);
    await expect(api.listTransfers()).resolves.toEqual([{ id: 1 }]);
    // Settings are an object, not a Result: not mistaken for one.
    const settings = { concurrency: 16, multipartThresholdMib: 16, partSizeMib: 16, bandwidthLimitKibPerSecond: null, conflictPolicy: "ask" };
    commands.getTransferSettings.mockResolvedValue(settings);
    await expect(api.getTransferSettings()).resolves.toEqual(settings);
    commands.listTransfers.mockRejectedValue(new TypeError("IPC unavailable"));
    await expect(api.listTransfers()).rejects.toMatchObject({ code: "Unknown", detail: "IPC unavailable" });
    expectTypeOf(api.listTransfers).returns.resolves.toEqualTypeOf<TransferView[]>();
  });

  it("is typed from the bindings: arguments in, data out", () => {
    expectTypeOf(api.listBuckets).parameters.toEqualTypeOf<[profileId: string]>();
    expectTypeOf(api.listBuckets).returns.resolves.toEqualTypeOf<BucketSummary[]>();
    expectTypeOf(api.getBucketVersioning).returns.resolves.toEqualTypeOf<BucketVersioning | null>();
  });
});

describe("unwrapAll", () => {
  const source = {
    double: async (n: number): Promise<Result<number, AppError>> => ({ status: "ok", data: n * 2 }),
    refuse: async (): Promise<Result<null, AppError>> => ({
      status: "error",
      error: { code: "AccessDenied", serverCode: null, status: 403, requestId: "tx9", detail: "no" },
    }),
  };

  it("unwraps any object of commands", async () => {
    const unwrapped = unwrapAll(source);
    expectTypeOf(unwrapped.double).toEqualTypeOf<(n: number) => Promise<number>>();
    await expect(unwrapped.double(21)).resolves.toBe(42);
    await expect(unwrapped.refuse()).rejects.toMatchObject({ code: "AccessDenied", requestId: "tx9" });
  });

  it("calls the replacement implementation when one is given", async () => {
    const replacement = { ...source, double: async (n: number): Promise<Result<number, AppError>> => ({ status: "ok", data: -n }) };
    const unwrapped = unwrapAll(source, () => Promise.resolve(replacement));
    await expect(unwrapped.double(2)).resolves.toBe(-2);
  });
});

describe("events", () => {
  it("hands what was dropped to the listener and resolves to the unsubscribe function", async () => {
    const unlisten = vi.fn();
    let emit: ((e: { payload: FilesDropped }) => void) | undefined;
    events.filesDropped.listen.mockImplementation(async (cb: typeof emit) => {
      emit = cb;
      return unlisten;
    });
    const got = vi.fn();
    const stop = await onFilesDropped(got);
    const drop: FilesDropped = {
      files: [
        { handle: "h1", name: "a.txt", size: 3, isFolder: false },
        { handle: "h2", name: "photos", size: null, isFolder: true },
      ],
      position: { x: 120.5, y: 44 },
    };
    emit?.({ payload: drop });
    expect(got).toHaveBeenCalledWith(drop);
    stop();
    expect(unlisten).toHaveBeenCalled();
  });

  it("types each event's payload from the bindings", async () => {
    expectTypeOf<BackendEvents["transfersChanged"]>().toEqualTypeOf<TransfersUpdate>();
    expectTypeOf<BackendEvents["filesDropped"]>().toEqualTypeOf<FilesDropped>();
    let emit: ((e: { payload: TransfersUpdate }) => void) | undefined;
    events.transfersChanged.listen.mockImplementation(async (cb: typeof emit) => {
      emit = cb;
      return () => {};
    });
    const got = vi.fn();
    await onTransfersChanged(got);
    const u: TransfersUpdate = { changed: [], removed: [3], totals: { active: 0, bytesTotal: 0, bytesDone: 0, bytesPerSecond: 0, waiting: 0 } };
    emit?.({ payload: u });
    expect(got).toHaveBeenCalledWith(u);
  });
});

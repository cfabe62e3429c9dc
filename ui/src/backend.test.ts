import { beforeEach, describe, expect, it, vi } from "vitest";

// backend.ts is the one module that sees the generated bindings: test its unwrapping against a
// stand-in `commands` object, and its dialog seam.
const commands = vi.hoisted(() => ({
  listBuckets: vi.fn(),
  deleteBucket: vi.fn(),
}));
const dialog = vi.hoisted(() => ({ open: vi.fn(), save: vi.fn() }));

vi.mock("./bindings", () => ({ commands, events: {} }));
vi.mock("@tauri-apps/plugin-dialog", () => dialog);

import { BackendError, deleteBucket, listBuckets, pickFileToUpload, pickSaveLocation } from "./backend";

describe("backend", () => {
  beforeEach(() => {
    delete window.__ZOS_TEST_DIALOG__;
  });

  it("returns the data of an ok result", async () => {
    commands.listBuckets.mockResolvedValue({ status: "ok", data: [{ name: "b1", creationDate: null }] });
    await expect(listBuckets("p1")).resolves.toEqual([{ name: "b1", creationDate: null }]);
    expect(commands.listBuckets).toHaveBeenCalledWith("p1");
  });

  it("throws a BackendError carrying the AppError fields", async () => {
    const appError = { code: "BucketNotEmpty", status: 409, requestId: "tx1", detail: "not empty" };
    commands.deleteBucket.mockResolvedValue({ status: "error", error: appError });
    const err = await deleteBucket("p1", "b1").catch((e: unknown) => e);
    expect(err).toBeInstanceOf(BackendError);
    expect(err).toBeInstanceOf(Error);
    expect(err).toMatchObject(appError);
  });

  it("turns a thrown IPC failure into BackendError Unknown", async () => {
    commands.listBuckets.mockRejectedValue(new TypeError("IPC unavailable"));
    await expect(listBuckets("p1")).rejects.toMatchObject({ code: "Unknown", detail: "IPC unavailable" });
  });

  it("uses the native dialogs normally", async () => {
    dialog.open.mockResolvedValue("/home/u/a.txt");
    dialog.save.mockResolvedValue(null);
    await expect(pickFileToUpload()).resolves.toBe("/home/u/a.txt");
    await expect(pickSaveLocation("a.txt")).resolves.toBeNull();
    expect(dialog.save).toHaveBeenCalledWith({ defaultPath: "a.txt" });
  });

  it("answers the dialogs from window.__ZOS_TEST_DIALOG__ when set (end-to-end tests)", async () => {
    window.__ZOS_TEST_DIALOG__ = { open: () => "/tmp/upload.bin", save: (name) => `/tmp/out/${name}` };
    await expect(pickFileToUpload()).resolves.toBe("/tmp/upload.bin");
    await expect(pickSaveLocation("x.txt")).resolves.toBe("/tmp/out/x.txt");
    expect(dialog.open).not.toHaveBeenCalled();
    expect(dialog.save).not.toHaveBeenCalled();
  });
});

import { afterEach, describe, expect, it, vi } from "vitest";
import type { TransfersUpdate, TransferView } from "../backend";

// The browser mock's fake engine moves transfers the way the real one reports them: a smoke test,
// so that `npm run dev:mock` keeps showing a working panel.
describe("the fake transfer engine", () => {
  afterEach(() => vi.useRealTimers());

  it("runs an upload to the end, asks about existing objects, and takes the decision", async () => {
    vi.useFakeTimers();
    const { fakeCommands, onFakeEvent } = await import("./fakeBackend");
    const updates: TransfersUpdate[] = [];
    onFakeEvent("transfersChanged", (u) => updates.push(u));
    const data = <T>(r: { status: "ok"; data: T } | { status: "error"; error: unknown }): T => {
      if (r.status !== "ok") throw new Error(JSON.stringify(r.error));
      return r.data;
    };
    const latest = (id: number): TransferView | undefined =>
      updates.flatMap((u) => u.changed).filter((v) => v.id === id).at(-1);

    // The unfinished transfer "of the last run" is there from the start.
    expect((await fakeCommands.listTransfers()).map((v) => v.state)).toContain("interrupted");

    const files = data(await fakeCommands.pickFilesToUpload());
    const first = data(await fakeCommands.uploadLocal("p-dev", "team-share", "", files.map((f) => f.handle), null, null));
    await vi.advanceTimersByTimeAsync(3000);
    expect(latest(first.id)).toMatchObject({ state: "done", filesDone: files.length });

    // The same files again: they exist now, and the default policy asks.
    const again = data(await fakeCommands.uploadLocal("p-dev", "team-share", "", files.map((f) => f.handle), null, null));
    await vi.advanceTimersByTimeAsync(3000);
    expect(latest(again.id)).toMatchObject({ state: "needsDecision", filesConflict: files.length });
    data(await fakeCommands.resolveTransferConflicts(again.id, "skip"));
    await vi.advanceTimersByTimeAsync(1000);
    expect(latest(again.id)).toMatchObject({ state: "done", filesSkipped: files.length });

    const page = data(await fakeCommands.transferItems(again.id, "skipped", 0, 10));
    expect(page.total).toBe(files.length);
    expect(await fakeCommands.clearFinishedTransfers()).toEqual(expect.arrayContaining([first.id, again.id]));
  });
});

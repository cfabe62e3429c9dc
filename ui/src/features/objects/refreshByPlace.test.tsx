import { act, screen } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { api } from "../../backend";
import { queryKeys } from "../../lib/queryKeys";
import { renderWithProviders } from "../../test/render";
import { listenToTransfers, transfer, update } from "../transfers/testing";
import { TransfersProvider } from "../transfers/TransfersProvider";
import { ObjectBrowser } from "./ObjectBrowser";
import { obj, page } from "./testing";

vi.mock("../../backend");

// The listing to refresh comes from the engine's places (storedIn, and takenFrom for a move),
// never from the display strings: these transfers' `destination` says something else on purpose.
const here = { bucket: "bkt", prefix: "docs/" };
const elsewhere = { bucket: "bkt", prefix: "else/" };

beforeEach(() => {
  vi.mocked(api.headObject).mockReturnValue(new Promise(() => {}));
  vi.mocked(api.listObjects).mockResolvedValue(page("docs/", [], [obj("docs/a.txt")]));
});

afterEach(() => vi.useRealTimers());

async function shown() {
  const emit = listenToTransfers();
  const r = renderWithProviders(
    <TransfersProvider>
      <ObjectBrowser profileId="p1" bucket="bkt" prefix="docs/" onNavigate={vi.fn()} />
    </TransfersProvider>,
  );
  await screen.findByTestId("object-row-docs/a.txt");
  await act(async () => {});
  vi.useFakeTimers();
  /**
   * Shows the transfer as it was when the listing was read (nothing done), then one file done;
   * says whether the shown listing was read again.
   */
  const reloads = async (v: ReturnType<typeof transfer>) => {
    emit(update([{ ...v, filesDone: 0 }]));
    await act(async () => vi.advanceTimersByTimeAsync(1100));
    const before = vi.mocked(api.listObjects).mock.calls.length;
    emit(update([v]));
    await act(async () => vi.advanceTimersByTimeAsync(1100));
    return vi.mocked(api.listObjects).mock.calls.length > before;
  };
  return { ...r, reloads };
}

describe("the listing is read again where a transfer changes it", () => {
  it("where an upload or copy stores objects (storedIn), whatever its display string says", async () => {
    const { reloads } = await shown();
    expect(await reloads(transfer({ id: 1, destination: "bkt/else/", storedIn: here, filesDone: 1, createdAt: 0 }))).toBe(true);
    expect(await reloads(transfer({ id: 2, destination: "bkt/docs/", storedIn: elsewhere, filesDone: 1, createdAt: 0 }))).toBe(false);
    // A rename of one object: storedIn is the new key, under the shown folder.
    expect(
      await reloads(
        transfer({ id: 3, direction: "copy", takenFrom: elsewhere, storedIn: { bucket: "bkt", prefix: "docs/new.txt" }, filesDone: 1, createdAt: 0 }),
      ),
    ).toBe(true);
  });

  it("where a move takes objects from (takenFrom), but not where a copy or download reads", async () => {
    const { reloads } = await shown();
    expect(await reloads(transfer({ id: 4, direction: "move", takenFrom: here, storedIn: elsewhere, filesDone: 1, createdAt: 0 }))).toBe(true);
    expect(await reloads(transfer({ id: 5, direction: "copy", takenFrom: here, storedIn: elsewhere, filesDone: 1, createdAt: 0 }))).toBe(false);
    expect(await reloads(transfer({ id: 6, direction: "download", takenFrom: here, storedIn: null, filesDone: 1, createdAt: 0 }))).toBe(false);
  });

  it("marks the listings of another bucket written to as stale, without reading them now", async () => {
    const { reloads, queryClient } = await shown();
    const other = queryKeys.objects("p1", "other", "in/");
    queryClient.setQueryData(other, { pages: [], pageParams: [] });
    expect(
      await reloads(transfer({ id: 7, direction: "copy", takenFrom: here, storedIn: { bucket: "other", prefix: "in/" }, filesDone: 1, createdAt: 0 })),
    ).toBe(false);
    expect(queryClient.getQueryState(other)?.isInvalidated).toBe(true);
    expect(api.listObjects).not.toHaveBeenCalledWith("p1", "other", expect.anything(), expect.anything(), expect.anything());
  });
});

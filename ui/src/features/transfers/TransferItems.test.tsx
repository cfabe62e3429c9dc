import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { api, type ItemState, type ItemView } from "../../backend";
import { AppProviders } from "../../AppProviders";
import { renderWithProviders } from "../../test/render";
import { ITEMS_PAGE, TransferItems } from "./TransferItems";
import { transfer } from "./testing";

vi.mock("../../backend");

const TOTAL = 250;

function item(n: number, state: ItemState = "done"): ItemView {
  return {
    id: n,
    key: `2024/photos/IMG_${String(n).padStart(4, "0")}.jpg`,
    localName: `/home/me/photos/IMG_${String(n).padStart(4, "0")}.jpg`,
    size: 2048,
    bytesDone: state === "done" ? 2048 : 0,
    state,
    error: state === "failed" ? { code: "AccessDenied", serverCode: null, status: 403, requestId: null, detail: "Access Denied" } : null,
  };
}

beforeEach(() => {
  // 250 files; number 7 and 200 failed.
  vi.mocked(api.transferItems).mockImplementation(async (_id, only, offset, limit) => {
    const all = Array.from({ length: TOTAL }, (_, i) => item(i + 1, i + 1 === 7 || i + 1 === 200 ? "failed" : "done"));
    const matching = all.filter((i) => only === null || i.state === only);
    return { items: matching.slice(offset, offset + limit), total: matching.length };
  });
});

const names = () => screen.getAllByTestId("transfer-item").map((r) => r.querySelector(".item-name")?.textContent);

describe("the files of a transfer", () => {
  it("come a page at a time", async () => {
    renderWithProviders(<TransferItems id="x" transfer={transfer({ state: "failed", filesTotal: TOTAL, filesDone: 248, filesFailed: 2 })} />);
    await waitFor(() => expect(screen.getAllByTestId("transfer-item")).toHaveLength(ITEMS_PAGE));
    expect(api.transferItems).toHaveBeenLastCalledWith(1, null, 0, ITEMS_PAGE);
    expect(screen.getByTestId("transfer-items-range").textContent).toBe("1–100 of 250");
    expect((screen.getByTestId("transfer-items-previous") as HTMLButtonElement).disabled).toBe(true);

    fireEvent.click(screen.getByTestId("transfer-items-next"));
    await waitFor(() => expect(screen.getByTestId("transfer-items-range").textContent).toBe("101–200 of 250"));
    expect(api.transferItems).toHaveBeenLastCalledWith(1, null, 100, ITEMS_PAGE);
    expect(names()[0]).toBe("2024/photos/IMG_0101.jpg");

    fireEvent.click(screen.getByTestId("transfer-items-next"));
    await waitFor(() => expect(screen.getByTestId("transfer-items-range").textContent).toBe("201–250 of 250"));
    expect(screen.getAllByTestId("transfer-item")).toHaveLength(50);
    expect((screen.getByTestId("transfer-items-next") as HTMLButtonElement).disabled).toBe(true);

    fireEvent.click(screen.getByTestId("transfer-items-previous"));
    await waitFor(() => expect(screen.getByTestId("transfer-items-range").textContent).toBe("101–200 of 250"));
  });

  it("show only the failed ones, from the first page, with why", async () => {
    renderWithProviders(<TransferItems id="x" transfer={transfer({ state: "failed", filesTotal: TOTAL, filesDone: 248, filesFailed: 2 })} />);
    await waitFor(() => expect(screen.getAllByTestId("transfer-item")).toHaveLength(ITEMS_PAGE));
    fireEvent.click(screen.getByTestId("transfer-items-next"));
    await waitFor(() => expect(screen.getByTestId("transfer-items-range").textContent).toBe("101–200 of 250"));

    const failed = screen.getByTestId("transfer-items-failed");
    expect(failed.textContent).toBe("Failed 2");
    fireEvent.click(failed);
    await waitFor(() => expect(screen.getByTestId("transfer-items-range").textContent).toBe("1–2 of 2"));
    expect(api.transferItems).toHaveBeenLastCalledWith(1, "failed", 0, ITEMS_PAGE);
    expect(failed.getAttribute("aria-pressed")).toBe("true");
    expect(names()).toEqual(["2024/photos/IMG_0007.jpg", "2024/photos/IMG_0200.jpg"]);
    const first = screen.getAllByTestId("transfer-item")[0];
    expect(within(first).getByText(/Access denied/).textContent).toContain("Access Denied");
  });

  it("are read again when the transfer's counts change", async () => {
    const { rerender, queryClient } = renderWithProviders(<TransferItems id="x" transfer={transfer({ state: "paused", filesTotal: TOTAL, filesDone: 10 })} />);
    await waitFor(() => expect(screen.getAllByTestId("transfer-item")).toHaveLength(ITEMS_PAGE));
    const calls = vi.mocked(api.transferItems).mock.calls.length;
    rerender(
      <AppProviders queryClient={queryClient} locale="en">
        <TransferItems id="x" transfer={transfer({ state: "paused", filesTotal: TOTAL, filesDone: 11 })} />
      </AppProviders>,
    );
    await waitFor(() => expect(vi.mocked(api.transferItems).mock.calls.length).toBeGreaterThan(calls));
  });

  it("name the file on disk of a download", async () => {
    vi.mocked(api.transferItems).mockResolvedValue({ items: [{ ...item(1), localName: "photos/IMG_0001.jpg" }], total: 1 });
    renderWithProviders(<TransferItems id="x" transfer={transfer({ direction: "download", state: "done" })} />);
    await waitFor(() => expect(names()).toEqual(["photos/IMG_0001.jpg"]));
  });
});

import { act, screen } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { onTransferProgress, type TransferProgress } from "../../backend";
import { renderWithProviders } from "../../test/render";
import { TransfersPage } from "./TransfersPage";
import { TransfersProvider } from "./TransfersProvider";
import { TransferStatus } from "./TransferStatus";

vi.mock("../../backend");

function listen() {
  let emit: ((p: TransferProgress) => void) | undefined;
  vi.mocked(onTransferProgress).mockImplementation(async (cb) => {
    emit = cb;
    return () => {};
  });
  return (p: TransferProgress) => act(() => emit?.(p));
}

describe("transfers", () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it("lists running transfers on the page and in the status bar, from the same events", async () => {
    const emit = listen();
    renderWithProviders(
      <TransfersProvider>
        <TransfersPage />
        <TransferStatus />
      </TransfersProvider>,
    );
    expect(screen.getByTestId("transfer-list-empty").textContent).toBe("No transfer is running.");
    await act(async () => {});
    emit({ transferId: "t1", key: "docs/big.iso", bytesDone: 1024 * 1024, bytesTotal: 4 * 1024 * 1024 });
    emit({ transferId: "t2", key: "stream.bin", bytesDone: 2048, bytesTotal: null });
    const row = screen.getByTestId("transfer-t1");
    expect(row.textContent).toContain("docs/big.iso");
    expect(row.textContent).toContain("1.0 MiB of 4.0 MiB");
    expect(row.querySelector('[role="progressbar"]')?.getAttribute("aria-valuenow")).toBe("25");
    expect(screen.getByTestId("transfer-t2").textContent).toContain("2.0 KiB");
    expect(screen.getByTestId("transfers").textContent).toContain("big.iso: 1.0 MiB of 4.0 MiB");
  });

  it("drops a finished transfer after a moment", async () => {
    const emit = listen();
    renderWithProviders(
      <TransfersProvider>
        <TransfersPage />
      </TransfersProvider>,
    );
    await act(async () => {});
    vi.useFakeTimers();
    emit({ transferId: "t1", key: "a.txt", bytesDone: 10, bytesTotal: 10 });
    expect(screen.getByTestId("transfer-t1")).toBeTruthy();
    act(() => vi.advanceTimersByTime(2000));
    expect(screen.queryByTestId("transfer-t1")).toBeNull();
    expect(screen.getByTestId("transfer-list-empty")).toBeTruthy();
  });
});

import { act, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { api } from "../../backend";
import { BackendError } from "../../errors";
import { renderWithProviders } from "../../test/render";
import { listenToTransfers, transfer, update } from "./testing";
import { TransfersPage } from "./TransfersPage";
import { TransfersProvider } from "./TransfersProvider";
import { TransferStatus } from "./TransferStatus";

vi.mock("../../backend");

function renderPanel(locale: "en" | "zh-CN" = "en") {
  return renderWithProviders(
    <TransfersProvider>
      <TransfersPage />
      <TransferStatus onOpen={() => {}} />
    </TransfersProvider>,
    locale,
  );
}

const row = (id: number) => screen.getByTestId(`transfer-${id}`);

describe("transfer panel", () => {
  beforeEach(() => {
    vi.mocked(api.listTransfers).mockResolvedValue([]);
  });

  it("lists the engine's transfers with their progress, and follows its updates", async () => {
    const emit = listenToTransfers();
    vi.mocked(api.listTransfers).mockResolvedValue([transfer()]);
    renderPanel();
    const r = await screen.findByTestId("transfer-1");
    expect(within(r).getByTestId("transfer-source").textContent).toBe("/home/me/photos");
    expect(within(r).getByTestId("transfer-destination").textContent).toBe("bkt/2024/");
    expect(within(r).getByTestId("transfer-state").textContent).toBe("Running");
    expect(within(r).getByTestId("transfer-bytes").textContent).toBe("12.3 MiB of 1.0 GiB");
    expect(within(r).getByTestId("transfer-files").textContent).toBe("37 of 10,000 files");
    expect(within(r).getByTestId("transfer-speed").textContent).toBe("3.2 MiB/s");
    expect(within(r).getByTestId("transfer-eta").textContent).toBe("5 min 00 s left");
    expect(within(r).getByRole("progressbar").getAttribute("aria-valuenow")).toBe("1");
    expect(screen.getByTestId("transfers").textContent).toContain("1 transfer");

    const later = transfer({ bytesDone: 512 * 1024 * 1024, filesDone: 5_000, retries: 2 });
    emit(update([later]));
    expect(within(row(1)).getByRole("progressbar").getAttribute("aria-valuenow")).toBe("50");
    expect(within(row(1)).getByTestId("transfer-files").textContent).toBe("5,000 of 10,000 files");
    expect(within(row(1)).getByTestId("transfer-retries").textContent).toBe("2 retries");
    expect(screen.getByTestId("transfers-percent").textContent).toBe("50 %");

    const done = transfer({ state: "done", bytesDone: 1024 ** 3, filesDone: 10_000, bytesPerSecond: 0, etaSeconds: null });
    emit(update([done]));
    expect(within(row(1)).getByTestId("transfer-state").textContent).toBe("Done");
    expect(within(row(1)).getByRole("progressbar").getAttribute("aria-valuenow")).toBe("100");
    expect(within(row(1)).queryByTestId("transfer-speed")).toBeNull();
    expect(within(row(1)).queryByTestId("transfer-pause")).toBeNull();
    expect(within(row(1)).queryByTestId("transfer-cancel")).toBeNull();
    expect(screen.queryByTestId("transfers")).toBeNull(); // nothing runs or waits
  });

  it("offers what each state allows", async () => {
    vi.mocked(api.listTransfers).mockResolvedValue([
      transfer({ id: 1, state: "running" }),
      transfer({ id: 2, state: "paused" }),
      transfer({ id: 3, state: "failed", filesFailed: 3, error: { code: "AccessDenied", serverCode: null, status: 403, requestId: "tx1", detail: "" } }),
      transfer({ id: 4, state: "interrupted" }),
      transfer({ id: 5, state: "cancelled" }),
    ]);
    renderPanel();
    await screen.findByTestId("transfer-1");
    const actions = (id: number) =>
      ["pause", "resume", "retry", "cancel"].filter((a) => within(row(id)).queryByTestId(`transfer-${a}`) !== null);
    expect(actions(1)).toEqual(["pause", "cancel"]);
    expect(actions(2)).toEqual(["resume", "cancel"]);
    expect(actions(3)).toEqual(["retry", "cancel"]);
    expect(actions(4)).toEqual(["resume", "cancel"]);
    expect(actions(5)).toEqual([]);
    expect(within(row(3)).getByTestId("error-context").textContent).toBe("3 files could not be transferred.");
    expect(within(row(3)).getByTestId("error-code").textContent).toBe("AccessDenied");

    vi.mocked(api.pauseTransfer).mockResolvedValue(transfer({ id: 1, state: "paused" }));
    fireEvent.click(within(row(1)).getByTestId("transfer-pause"));
    await waitFor(() => expect(within(row(1)).getByTestId("transfer-state").textContent).toBe("Paused"));
    expect(api.pauseTransfer).toHaveBeenCalledWith(1);

    vi.mocked(api.retryTransfer).mockResolvedValue(transfer({ id: 3, state: "queued" }));
    fireEvent.click(within(row(3)).getByTestId("transfer-retry"));
    await waitFor(() => expect(api.retryTransfer).toHaveBeenCalledWith(3));
  });

  it("asks before cancelling while files remain", async () => {
    vi.mocked(api.listTransfers).mockResolvedValue([transfer({ id: 1, filesTotal: 10, filesDone: 4, filesSkipped: 1 })]);
    vi.mocked(api.cancelTransfer).mockResolvedValue(transfer({ id: 1, state: "cancelled" }));
    renderPanel();
    fireEvent.click(within(await screen.findByTestId("transfer-1")).getByTestId("transfer-cancel"));
    const dialog = screen.getByTestId("confirm-dialog");
    expect(dialog.textContent).toContain("5 files are not transferred yet and will not be.");
    expect(screen.getByTestId("confirm-cancel").textContent).toBe("Keep it");
    fireEvent.click(screen.getByTestId("confirm-cancel"));
    expect(api.cancelTransfer).not.toHaveBeenCalled();

    fireEvent.click(within(row(1)).getByTestId("transfer-cancel"));
    fireEvent.click(screen.getByTestId("confirm-ok"));
    await waitFor(() => expect(within(row(1)).getByTestId("transfer-state").textContent).toBe("Cancelled"));
    expect(api.cancelTransfer).toHaveBeenCalledWith(1);
  });

  it.each([
    ["conflict-overwrite", "overwrite"],
    ["conflict-skip", "skip"],
    ["conflict-keepBoth", "keepBoth"],
  ] as const)("decides the conflicts once for all files: %s sends %s", async (button, policy) => {
    vi.mocked(api.listTransfers).mockResolvedValue([transfer({ id: 4, state: "needsDecision", filesConflict: 12 })]);
    vi.mocked(api.resolveTransferConflicts).mockResolvedValue(transfer({ id: 4, state: "queued" }));
    renderPanel();
    const decision = within(await screen.findByTestId("transfer-4")).getByTestId("conflict-decision");
    expect(decision.textContent).toContain("12 files already exist at the destination.");
    fireEvent.click(within(decision).getByTestId(button));
    await waitFor(() => expect(api.resolveTransferConflicts).toHaveBeenCalledWith(4, policy));
    await waitFor(() => expect(within(row(4)).queryByTestId("conflict-decision")).toBeNull());
  });

  it("shows a refused decision in the row", async () => {
    vi.mocked(api.listTransfers).mockResolvedValue([transfer({ id: 4, state: "needsDecision", filesConflict: 1 })]);
    vi.mocked(api.resolveTransferConflicts).mockRejectedValue(new BackendError({ code: "InvalidInput", status: null, requestId: null, detail: "no transfer 4" }));
    renderPanel();
    fireEvent.click(within(await screen.findByTestId("transfer-4")).getByTestId("conflict-skip"));
    expect((await within(row(4)).findByTestId("error-context")).textContent).toBe("Could not change the transfer.");
  });

  it("clears the finished transfers", async () => {
    vi.mocked(api.listTransfers).mockResolvedValue([transfer({ id: 1, state: "done" }), transfer({ id: 2, state: "running" })]);
    vi.mocked(api.clearFinishedTransfers).mockResolvedValue([1]);
    renderPanel();
    await screen.findByTestId("transfer-1");
    fireEvent.click(screen.getByTestId("transfers-clear"));
    await waitFor(() => expect(screen.queryByTestId("transfer-1")).toBeNull());
    expect(screen.getByTestId("transfer-2")).toBeTruthy();
    expect((screen.getByTestId("transfers-clear") as HTMLButtonElement).disabled).toBe(true);
  });

  it("names the direction of copies and moves too", async () => {
    vi.mocked(api.listTransfers).mockResolvedValue([
      transfer({ id: 1, direction: "copy", source: "bkt/a.txt", destination: "other/" }),
      transfer({ id: 2, direction: "move", source: "bkt/b/", destination: "bkt/c/" }),
    ]);
    renderPanel();
    expect((await screen.findByTestId("transfer-1")).textContent).toContain("Copy");
    expect(row(2).textContent).toContain("Move");
    expect(row(2).querySelector(".transfer-direction.move")).not.toBeNull();
  });

  it("says so when there is nothing", async () => {
    renderPanel();
    expect((await screen.findByTestId("transfer-list-empty")).textContent).toContain("No transfers.");
  });

  it("speaks Chinese", async () => {
    vi.mocked(api.listTransfers).mockResolvedValue([transfer({ state: "needsDecision", filesConflict: 2 })]);
    renderPanel("zh-CN");
    const r = await screen.findByTestId("transfer-1");
    expect(within(r).getByTestId("transfer-state").textContent).toBe("等待您的决定");
    expect(within(r).getByTestId("transfer-files").textContent).toBe("37 / 10,000 个文件");
    expect(within(r).getByTestId("conflict-decision").textContent).toContain("目标位置已存在 2 个文件。");
    expect(screen.getByTestId("transfers").textContent).toContain("1 个等待处理");
  });
});

describe("unfinished transfers of the last run", () => {
  it("resumes them all, or dismisses them after asking", async () => {
    const { InterruptedBanner } = await import("./InterruptedBanner");
    vi.mocked(api.listTransfers).mockResolvedValue([transfer({ id: 1, state: "interrupted" }), transfer({ id: 2, state: "interrupted" }), transfer({ id: 3, state: "done" })]);
    vi.mocked(api.resumeTransfer).mockImplementation(async (id) => transfer({ id, state: "queued" }));
    vi.mocked(api.cancelTransfer).mockImplementation(async (id) => transfer({ id, state: "cancelled" }));
    renderWithProviders(
      <TransfersProvider>
        <InterruptedBanner />
      </TransfersProvider>,
    );
    const banner = await screen.findByTestId("transfers-interrupted");
    expect(banner.textContent).toContain("2 transfers did not finish last time.");
    fireEvent.click(screen.getByTestId("transfers-dismiss-interrupted"));
    expect(screen.getByTestId("confirm-dialog").textContent).toContain("Dismiss the unfinished transfers?");
    fireEvent.click(screen.getByTestId("confirm-cancel"));
    expect(api.cancelTransfer).not.toHaveBeenCalled();

    fireEvent.click(screen.getByTestId("transfers-resume-all"));
    await waitFor(() => expect(screen.queryByTestId("transfers-interrupted")).toBeNull());
    expect(vi.mocked(api.resumeTransfer).mock.calls).toEqual([[1], [2]]);
    await act(async () => {});
  });
});

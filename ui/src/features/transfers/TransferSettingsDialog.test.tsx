import { fireEvent, screen, waitFor } from "@testing-library/react";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { api, type TransferSettings } from "../../backend";
import { BackendError } from "../../errors";
import { renderWithProviders } from "../../test/render";
import { fieldOfRefusal, parseWhole } from "./settingsForm";
import { TransferSettingsDialog } from "./TransferSettingsDialog";

vi.mock("../../backend");

const DEFAULTS: TransferSettings = {
  concurrency: 16,
  multipartThresholdMib: 16,
  partSizeMib: 16,
  bandwidthLimitKibPerSecond: null,
  conflictPolicy: "ask",
};

const field = (id: string) => screen.getByTestId(id) as HTMLInputElement;
const type = (id: string, value: string) => fireEvent.change(field(id), { target: { value } });

describe("transfer settings", () => {
  beforeEach(() => {
    vi.mocked(api.getTransferSettings).mockResolvedValue(DEFAULTS);
  });

  it("shows the engine's settings and saves the edited ones", async () => {
    const onClose = vi.fn();
    vi.mocked(api.setTransferSettings).mockImplementation(async (s) => s);
    renderWithProviders(<TransferSettingsDialog onClose={onClose} />);
    expect((await screen.findByTestId("transfer-settings-concurrency") as HTMLInputElement).value).toBe("16");
    expect(field("transfer-settings-unlimited").checked).toBe(true);
    expect(field("transfer-settings-bandwidth").disabled).toBe(true);

    type("transfer-settings-concurrency", "8");
    type("transfer-settings-part-size", " 64 ");
    fireEvent.click(screen.getByTestId("transfer-settings-unlimited"));
    type("transfer-settings-bandwidth", "2048");
    fireEvent.change(screen.getByTestId("transfer-settings-conflict"), { target: { value: "keepBoth" } });
    fireEvent.click(screen.getByTestId("transfer-settings-save"));
    await waitFor(() => expect(onClose).toHaveBeenCalled());
    expect(api.setTransferSettings).toHaveBeenCalledWith({
      concurrency: 8,
      partSizeMib: 64,
      multipartThresholdMib: 16,
      bandwidthLimitKibPerSecond: 2048,
      conflictPolicy: "keepBoth",
    });
  });

  it("says under the field what Rust refused, and sends nothing that is not a number", async () => {
    const onClose = vi.fn();
    vi.mocked(api.setTransferSettings).mockRejectedValue(
      new BackendError({ code: "InvalidInput", status: null, requestId: null, detail: "concurrency must be between 1 and 64" }),
    );
    renderWithProviders(<TransferSettingsDialog onClose={onClose} />);
    await screen.findByTestId("transfer-settings-concurrency");

    type("transfer-settings-part-size", "big");
    fireEvent.click(screen.getByTestId("transfer-settings-save"));
    expect((await screen.findByTestId("transfer-settings-part-size-error")).textContent).toBe("Enter a whole number.");
    expect(api.setTransferSettings).not.toHaveBeenCalled();

    type("transfer-settings-part-size", "16");
    expect(screen.queryByTestId("transfer-settings-part-size-error")).toBeNull();
    type("transfer-settings-concurrency", "100");
    fireEvent.click(screen.getByTestId("transfer-settings-save"));
    const error = await screen.findByTestId("transfer-settings-concurrency-error");
    expect(error.textContent).toBe("Not accepted: concurrency must be between 1 and 64");
    expect(onClose).not.toHaveBeenCalled();
    // Typing again clears it.
    type("transfer-settings-concurrency", "64");
    expect(screen.queryByTestId("transfer-settings-concurrency-error")).toBeNull();
  });

  it("speaks Chinese, with Rust's detail as it is", async () => {
    vi.mocked(api.setTransferSettings).mockRejectedValue(
      new BackendError({ code: "InvalidInput", status: null, requestId: null, detail: "a bandwidth limit must be above 0" }),
    );
    renderWithProviders(<TransferSettingsDialog onClose={() => {}} />, "zh-CN");
    await screen.findByTestId("transfer-settings-concurrency");
    fireEvent.click(screen.getByTestId("transfer-settings-unlimited"));
    type("transfer-settings-bandwidth", "0");
    fireEvent.click(screen.getByTestId("transfer-settings-save"));
    expect((await screen.findByTestId("transfer-settings-bandwidth-error")).textContent).toBe("未被接受： a bandwidth limit must be above 0");
  });
});

describe("the settings form", () => {
  it("reads whole numbers only", () => {
    expect(parseWhole("16")).toBe(16);
    expect(parseWhole(" 5 ")).toBe(5);
    for (const bad of ["", "1.5", "-3", "1e3", "abc", "99999999999"]) expect(parseWhole(bad)).toBeNull();
  });

  it("finds the field Rust's refusal is about", () => {
    expect(fieldOfRefusal("concurrency must be between 1 and 64")).toBe("concurrency");
    expect(fieldOfRefusal("the part size must be between 5 MiB and 5 GiB")).toBe("partSizeMib");
    expect(fieldOfRefusal("the multipart threshold must be between 5 MiB and 5 GiB")).toBe("multipartThresholdMib");
    expect(fieldOfRefusal("a bandwidth limit must be above 0")).toBe("bandwidthLimitKibPerSecond");
    expect(fieldOfRefusal("something else")).toBeNull();
  });
});

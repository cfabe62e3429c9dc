import { act, fireEvent, screen, waitFor } from "@testing-library/react";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { api, type ConfigDocument, type ObjectLockConfiguration, type Problem } from "../../../backend";
import { renderWithProviders } from "../../../test/render";
import { ObjectLockTab } from "./ObjectLockTab";

vi.mock("../../../backend");

const problem = (field: string, code: Problem["code"], limit: number | null = null): Problem => ({
  field,
  code,
  limit,
  line: null,
  column: null,
  detail: "",
});

/**
 * A server that keeps what is put, and a stand-in for Rust's check that knows two rules (the real
 * ones are Rust's; the UI only shows what it answers).
 */
function server(initial: ObjectLockConfiguration | null) {
  let state = initial;
  vi.mocked(api.getBucketObjectLock).mockImplementation(async () => state);
  vi.mocked(api.putBucketObjectLock).mockImplementation(async (_p, _b, config) => {
    state = config;
    return null;
  });
  vi.mocked(api.checkConfig).mockImplementation(async (doc: ConfigDocument) => {
    if (doc.kind !== "objectLock") return [];
    const r = doc.value.Rule?.DefaultRetention;
    if (!r) return [];
    if (r.Days == null && r.Years == null) return [problem("Rule.DefaultRetention.Days", "Required")];
    if (r.Years != null && r.Years < 1) return [problem("Rule.DefaultRetention.Years", "OutOfRange", 1)];
    return [];
  });
  vi.mocked(api.printConfig).mockImplementation(async (doc: ConfigDocument) => JSON.stringify(doc.value, null, 2));
  vi.mocked(api.parseConfig).mockImplementation(async (kind, text) => ({
    document: { kind, value: JSON.parse(text) } as ConfigDocument,
    problems: [],
  }));
}

const el = <T extends HTMLElement = HTMLInputElement>(testId: string) => screen.getByTestId(testId) as T;
const governance30: ObjectLockConfiguration = {
  ObjectLockEnabled: true,
  Rule: { DefaultRetention: { Mode: "GOVERNANCE", Days: 30 } },
};

describe("ObjectLockTab", () => {
  beforeEach(() => {
    vi.clearAllMocks();
    server(governance30);
  });

  it("says plainly that a bucket created without object lock cannot get it, with nothing to edit", async () => {
    server(null);
    renderWithProviders(<ObjectLockTab profileId="p1" bucket="b1" />);
    expect((await screen.findByTestId("lock-off")).textContent).toContain("can only be turned on when a bucket is created");
    expect(screen.queryByTestId("lock-save")).toBeNull();
    expect(screen.queryByTestId("lock-default-none")).toBeNull();
  });

  it("shows that lock is on and the governance default of 30 days", async () => {
    renderWithProviders(<ObjectLockTab profileId="p1" bucket="b1" />);
    expect((await screen.findByTestId("lock-on")).textContent).toBe("Object lock is on (it cannot be turned off).");
    expect(el("lock-default-governance").checked).toBe(true);
    expect(el<HTMLSelectElement>("lock-default-unit").value).toBe("days");
    expect(el("lock-default-period").value).toBe("30");
    expect(screen.getByTestId("settings-objectLock").textContent).toContain("Users with the bypass permission");
  });

  it("switching to years sends Years and no Days, then shows what the server holds", async () => {
    renderWithProviders(<ObjectLockTab profileId="p1" bucket="b1" />);
    fireEvent.change(await screen.findByTestId("lock-default-unit"), { target: { value: "years" } });
    fireEvent.change(el("lock-default-period"), { target: { value: "2" } });
    fireEvent.click(el("lock-save"));
    await screen.findByTestId("lock-saved");
    expect(api.putBucketObjectLock).toHaveBeenCalledWith("p1", "b1", {
      ObjectLockEnabled: true,
      Rule: { DefaultRetention: { Mode: "GOVERNANCE", Years: 2 } },
    });
    expect(vi.mocked(api.putBucketObjectLock).mock.calls[0][2].Rule?.DefaultRetention).not.toHaveProperty("Days");
    expect(api.getBucketObjectLock).toHaveBeenCalledTimes(2);
    expect(el<HTMLSelectElement>("lock-default-unit").value).toBe("years");
    expect(el("lock-default-period").value).toBe("2");
  });

  it("shows a missing period at its field and sends nothing", async () => {
    renderWithProviders(<ObjectLockTab profileId="p1" bucket="b1" />);
    fireEvent.change(await screen.findByTestId("lock-default-period"), { target: { value: "" } });
    expect((await screen.findByTestId("problem-Rule.DefaultRetention.Days")).textContent).toBe("Required.");
    expect(screen.getByTestId("config-problems")).toBeTruthy();
    expect(el<HTMLButtonElement>("lock-save").disabled).toBe(true);
    fireEvent.click(el("lock-save"));
    await act(async () => {});
    expect(api.putBucketObjectLock).not.toHaveBeenCalled();
  });

  it("asks before saving COMPLIANCE, and sends nothing when cancelled", async () => {
    renderWithProviders(<ObjectLockTab profileId="p1" bucket="b1" />);
    fireEvent.click(await screen.findByTestId("lock-default-compliance"));
    fireEvent.click(el("lock-save"));
    const dialog = await screen.findByTestId("confirm-dialog");
    expect(dialog.textContent).toContain("locked for 30 days");
    expect(dialog.textContent).toContain("not even the account owner");
    expect(document.activeElement).toBe(screen.getByTestId("confirm-cancel"));
    fireEvent.click(screen.getByTestId("confirm-cancel"));
    await waitFor(() => expect(screen.queryByTestId("confirm-dialog")).toBeNull());
    expect(api.putBucketObjectLock).not.toHaveBeenCalled();

    fireEvent.click(el("lock-save"));
    fireEvent.click(await screen.findByTestId("confirm-ok"));
    await screen.findByTestId("lock-saved");
    expect(api.putBucketObjectLock).toHaveBeenCalledWith("p1", "b1", {
      ObjectLockEnabled: true,
      Rule: { DefaultRetention: { Mode: "COMPLIANCE", Days: 30 } },
    });
    expect(screen.queryByTestId("confirm-dialog")).toBeNull();
    expect(el("lock-default-compliance").checked).toBe(true);
  });

  it("saves no default retention without asking", async () => {
    renderWithProviders(<ObjectLockTab profileId="p1" bucket="b1" />);
    fireEvent.click(await screen.findByTestId("lock-default-none"));
    expect(screen.queryByTestId("lock-default-period")).toBeNull();
    fireEvent.click(el("lock-save"));
    await screen.findByTestId("lock-saved");
    expect(api.putBucketObjectLock).toHaveBeenCalledWith("p1", "b1", { ObjectLockEnabled: true, Rule: null });
  });

  it("edits the same configuration as JSON", async () => {
    renderWithProviders(<ObjectLockTab profileId="p1" bucket="b1" />);
    await screen.findByTestId("lock-default-period");
    fireEvent.click(el("config-view-json"));
    await screen.findByTestId("lock-json");
    expect(api.printConfig).toHaveBeenCalledWith({ kind: "objectLock", value: governance30 });
    fireEvent.click(el("config-view-form"));
    expect(((await screen.findByTestId("lock-default-period")) as HTMLInputElement).value).toBe("30");
  });

  it("speaks Chinese", async () => {
    renderWithProviders(<ObjectLockTab profileId="p1" bucket="b1" />, "zh-CN");
    expect((await screen.findByTestId("lock-on")).textContent).toBe("对象锁定已开启（无法关闭）。");
  });
});

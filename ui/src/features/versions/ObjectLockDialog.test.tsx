import { fireEvent, screen, waitFor } from "@testing-library/react";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { api } from "../../backend";
import { BackendError } from "../../errors";
import { renderWithProviders } from "../../test/render";
import { obj, page, renderBrowser } from "../objects/testing";
import { ObjectLockDialog } from "./ObjectLockDialog";
import { q3, useFakeVersions } from "./testing";

vi.mock("../../backend");

beforeEach(() => {
  useFakeVersions();
});

const checkbox = (id: string) => screen.getByTestId<HTMLInputElement>(id);
const save = () => screen.getByTestId<HTMLButtonElement>("lock-save");

function renderDialog(objectKey: string, versionId: string | null, onClose = vi.fn()) {
  renderWithProviders(<ObjectLockDialog profileId="p1" bucket="backups" objectKey={objectKey} versionId={versionId} onClose={onClose} />);
  return onClose;
}

describe("ObjectLockDialog", () => {
  it("turns a legal hold on and sets a retention ending at UTC midnight, reading both back", async () => {
    const summary = { bucket: "backups", key: "reports/summary.txt", versionId: "s-1" };
    renderDialog("reports/summary.txt", "s-1");
    expect(screen.getByTestId("object-lock-dialog").querySelector("h2")?.textContent).toBe("Object lock of “summary.txt”");
    expect(screen.getByTestId("lock-key").textContent).toBe("backups/reports/summary.txt");
    // Never set (null) reads as off; no retention yet.
    await waitFor(() => expect(checkbox("lock-legal-hold").disabled).toBe(false));
    expect(api.getLegalHold).toHaveBeenCalledWith("p1", summary);
    expect(checkbox("lock-legal-hold").checked).toBe(false);
    expect((await screen.findByTestId("lock-retention-now")).textContent).toBe("On the server now: no retention");
    expect(screen.getByTestId<HTMLSelectElement>("lock-retention-mode").value).toBe("");
    expect(checkbox("lock-retention-until").disabled).toBe(true);
    expect(screen.queryByTestId("lock-bypass")).toBeNull();
    expect(save().disabled).toBe(true);

    fireEvent.click(checkbox("lock-legal-hold"));
    expect(save().disabled).toBe(false);
    fireEvent.click(save());
    await waitFor(() => expect(api.putLegalHold).toHaveBeenCalledWith("p1", summary, true));
    expect(api.putObjectRetention).not.toHaveBeenCalled();
    expect((await screen.findByTestId("lock-saved")).textContent).toBe("Saved. The server now holds: legal hold on; no retention.");
    expect(api.getLegalHold).toHaveBeenCalledTimes(2);
    expect(checkbox("lock-legal-hold").checked).toBe(true);

    // A mode without a day cannot be saved.
    fireEvent.change(screen.getByTestId("lock-retention-mode"), { target: { value: "GOVERNANCE" } });
    expect(screen.queryByTestId("lock-saved")).toBeNull();
    expect(screen.getByText("Choose the day the retention ends.")).toBeTruthy();
    expect(save().disabled).toBe(true);
    fireEvent.change(checkbox("lock-retention-until"), { target: { value: "2027-03-01" } });
    fireEvent.click(save());
    await waitFor(() =>
      expect(api.putObjectRetention).toHaveBeenCalledWith("p1", summary, { mode: "GOVERNANCE", retainUntil: "2027-03-01T00:00:00Z" }, false),
    );
    expect(api.putLegalHold).toHaveBeenCalledTimes(1);
    expect((await screen.findByTestId("lock-saved")).textContent).toBe(
      "Saved. The server now holds: legal hold on; GOVERNANCE until 2027-03-01 00:00 UTC.",
    );
    expect(screen.getByTestId("lock-retention-now").textContent).toBe("On the server now: GOVERNANCE until 2027-03-01 00:00 UTC");
    expect(checkbox("lock-retention-until").value).toBe("2027-03-01");
    // Both read back after each save.
    expect(api.getObjectRetention).toHaveBeenCalledTimes(3);
    expect(api.getLegalHold).toHaveBeenCalledTimes(3);
  });

  it("reads a legal hold that is on, and turns it off", async () => {
    renderDialog("reports/q3.pdf", "v-1");
    await waitFor(() => expect(checkbox("lock-legal-hold").checked).toBe(true));
    fireEvent.click(checkbox("lock-legal-hold"));
    fireEvent.click(save());
    await waitFor(() => expect(api.putLegalHold).toHaveBeenCalledWith("p1", q3("v-1"), false));
    expect((await screen.findByTestId("lock-saved")).textContent).toContain("legal hold off");
  });

  it("explains COMPLIANCE before it is set", async () => {
    renderDialog("reports/q3.pdf", "v-3");
    await screen.findByTestId("lock-retention-now");
    fireEvent.change(screen.getByTestId("lock-retention-mode"), { target: { value: "COMPLIANCE" } });
    const hint = screen.getByTestId("lock-compliance-hint").textContent ?? "";
    expect(hint).toContain("not even the account's root user");
    expect(hint).toContain("shorten the retention or remove it");
    expect(hint).toContain("cannot be undone");
  });

  it("shortens a GOVERNANCE retention only with the bypass, confirmed once more", async () => {
    renderDialog("reports/q3.pdf", "v-2");
    expect((await screen.findByTestId("lock-retention-now")).textContent).toBe("On the server now: GOVERNANCE until 2027-01-01 00:00 UTC");
    expect(screen.getByTestId<HTMLSelectElement>("lock-retention-mode").value).toBe("GOVERNANCE");
    expect(checkbox("lock-retention-until").value).toBe("2027-01-01");
    // An existing retention cannot be removed here.
    expect(screen.getByRole<HTMLOptionElement>("option", { name: "None" }).disabled).toBe(true);

    fireEvent.change(checkbox("lock-retention-until"), { target: { value: "2026-12-01" } });
    expect(screen.getByTestId("lock-bypass-needed").textContent).toContain("needs “Bypass governance”");
    expect(save().disabled).toBe(true);

    fireEvent.click(checkbox("lock-bypass"));
    expect(screen.queryByTestId("lock-bypass-needed")).toBeNull();
    fireEvent.click(save());
    const confirm = screen.getByTestId("confirm-dialog");
    expect(confirm.textContent).toContain("The retention would end on 2026-12-01 00:00 UTC instead of 2027-01-01 00:00 UTC.");
    expect(confirm.textContent).toContain("Only users allowed to bypass governance retention");
    expect(api.putObjectRetention).not.toHaveBeenCalled();
    fireEvent.click(screen.getByTestId("confirm-ok"));
    await waitFor(() =>
      expect(api.putObjectRetention).toHaveBeenCalledWith("p1", q3("v-2"), { mode: "GOVERNANCE", retainUntil: "2026-12-01T00:00:00Z" }, true),
    );
    await waitFor(() =>
      expect(screen.getByTestId("lock-retention-now").textContent).toBe("On the server now: GOVERNANCE until 2026-12-01 00:00 UTC"),
    );
    expect(checkbox("lock-bypass").checked).toBe(false);
  });

  it("extends a retention without the bypass, keeping the server's instant when only the mode changes", async () => {
    renderDialog("reports/q3.pdf", "v-2");
    await screen.findByTestId("lock-retention-now");
    fireEvent.change(screen.getByTestId("lock-retention-mode"), { target: { value: "COMPLIANCE" } });
    fireEvent.click(save());
    await waitFor(() =>
      expect(api.putObjectRetention).toHaveBeenCalledWith("p1", q3("v-2"), { mode: "COMPLIANCE", retainUntil: "2027-01-01T00:00:00Z" }, false),
    );
    expect(screen.queryByTestId("confirm-dialog")).toBeNull();
  });

  it("shows a refusal and keeps the form", async () => {
    vi.mocked(api.putLegalHold).mockRejectedValue(
      new BackendError({ code: "AccessDenied", status: 403, requestId: "tx1", detail: "not allowed to put a legal hold" }),
    );
    renderDialog("reports/q3.pdf", "v-3");
    await waitFor(() => expect(checkbox("lock-legal-hold").disabled).toBe(false));
    fireEvent.click(checkbox("lock-legal-hold"));
    fireEvent.click(save());
    expect((await screen.findByTestId("error-message")).textContent).toContain("not allowed to put a legal hold");
    expect(checkbox("lock-legal-hold").checked).toBe(true);
    expect(screen.queryByTestId("lock-saved")).toBeNull();
  });
});

describe("the object table's row menu", () => {
  beforeEach(() => {
    vi.mocked(api.headObject).mockReturnValue(new Promise(() => {}));
    vi.mocked(api.listObjects).mockResolvedValue(page("", [], [obj("a/report.pdf")]));
  });

  it("opens the object lock of the current version", async () => {
    renderBrowser();
    fireEvent.contextMenu(await screen.findByTestId("object-row-a/report.pdf"), { clientX: 40, clientY: 50, button: 2 });
    const item = await screen.findByTestId("row-menu-lock");
    expect(item.textContent).toBe("Object lock…");
    // Tags and ACL stay in the menu.
    expect(screen.getByTestId("row-menu-tags")).toBeTruthy();
    expect(screen.getByTestId("row-menu-acl")).toBeTruthy();
    fireEvent.click(item);
    expect(await screen.findByTestId("object-lock-dialog")).toBeTruthy();
    expect(screen.getByTestId("lock-version").textContent).toBe("the current version");
    await waitFor(() => expect(api.getLegalHold).toHaveBeenCalledWith("p1", { bucket: "bkt", key: "a/report.pdf", versionId: null }));
    expect(api.getObjectRetention).toHaveBeenCalledWith("p1", { bucket: "bkt", key: "a/report.pdf", versionId: null });
  });

  it("switches the folder to its versions and back", async () => {
    renderBrowser();
    await screen.findByTestId("object-row-a/report.pdf");
    const toggle = screen.getByTestId("toggle-versions");
    expect(toggle.getAttribute("aria-pressed")).toBe("false");
    fireEvent.click(toggle);
    expect(toggle.getAttribute("aria-pressed")).toBe("true");
    await screen.findByTestId("versions-view");
    expect(api.listObjectVersions).toHaveBeenCalledWith("p1", "bkt", "", null, null);
    expect(screen.queryByTestId("object-table")).toBeNull();
    fireEvent.click(toggle);
    expect(toggle.getAttribute("aria-pressed")).toBe("false");
    expect(screen.queryByTestId("versions-view")).toBeNull();
    expect(await screen.findByTestId("object-row-a/report.pdf")).toBeTruthy();
  });
});

import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { api } from "../../backend";
import { renderWithProviders } from "../../test/render";
import { q3, useFakeVersions } from "./testing";
import { VersionsTable } from "./VersionsTable";

vi.mock("../../backend");

beforeEach(() => {
  useFakeVersions();
});

const renderTable = (prefix = "reports/") => renderWithProviders(<VersionsTable profileId="p1" bucket="backups" prefix={prefix} />);

/** The version ids of the rows, top to bottom. */
const shownVersions = () =>
  [...screen.getByTestId("versions-table").querySelectorAll<HTMLElement>("tr[data-version-row]")].map((r) =>
    (r.dataset.testid ?? "").replace(/^version-row-/, ""),
  );

describe("VersionsTable", () => {
  it("lists the versions of reports/q3.pdf newest first, with the delete marker and latest badges", async () => {
    renderTable();
    await screen.findByTestId("versions-table");
    expect(api.listObjectVersions).toHaveBeenCalledWith("p1", "backups", "reports/", null, null);
    expect(shownVersions()).toEqual(["m-3", "v-3", "v-2", "v-1"]);
    for (const id of ["m-3", "v-3", "v-2", "v-1"]) expect(screen.getByTestId(`version-row-${id}`).dataset.key).toBe("reports/q3.pdf");
    // The key heads its group, relative to the folder.
    expect(screen.getAllByTestId("version-key").map((k) => k.textContent)).toEqual(["q3.pdf"]);

    expect(screen.getByTestId("version-latest-m-3").textContent).toBe("latest");
    expect(screen.getByTestId("version-marker-m-3").textContent).toBe("delete marker");
    expect(screen.queryByTestId("version-latest-v-3")).toBeNull();
    expect(screen.queryByTestId("version-marker-v-3")).toBeNull();

    const v3 = screen.getByTestId("version-row-v-3");
    expect(within(v3).getByText("2.3 MiB")).toBeTruthy();
    expect(within(v3).getByText("STANDARD")).toBeTruthy();
    expect(within(v3).getByTitle("v-3").textContent).toBe("v-3");
    // Restore is for older versions; a delete marker can only be removed.
    expect(screen.queryByTestId("version-restore-m-3")).toBeNull();
    expect(screen.queryByTestId("version-lock-m-3")).toBeNull();
    expect(screen.getByTestId("version-delete-m-3")).toBeTruthy();
    expect(screen.getByTestId("version-restore-v-3").getAttribute("aria-label")).toBe("Restore version v-3 of “q3.pdf”");
    expect(screen.getByTestId("version-lock-v-1")).toBeTruthy();
    // Rows take the keyboard focus; Down moves to the next one.
    expect(screen.getByTestId("version-row-m-3").tabIndex).toBe(0);
    screen.getByTestId("version-row-m-3").focus();
    fireEvent.keyDown(screen.getByTestId("version-row-m-3"), { key: "ArrowDown" });
    expect(document.activeElement).toBe(v3);
  });

  it("loads the next page with both markers", async () => {
    renderTable();
    await screen.findByTestId("versions-table");
    expect(screen.getByTestId("versions-loaded").textContent).toBe("4 versions loaded");
    fireEvent.click(screen.getByTestId("versions-load-more"));
    await screen.findByTestId("version-row-s-1");
    expect(api.listObjectVersions).toHaveBeenLastCalledWith("p1", "backups", "reports/", "reports/q3.pdf", "v-1");
    expect(shownVersions()).toEqual(["m-3", "v-3", "v-2", "v-1", "s-1"]);
    expect(screen.getByTestId("version-row-s-1").dataset.key).toBe("reports/summary.txt");
    expect(screen.getByTestId("version-latest-s-1")).toBeTruthy();
    expect(screen.getAllByTestId("version-key").map((k) => k.textContent)).toEqual(["q3.pdf", "summary.txt"]);
    expect(screen.queryByTestId("versions-load-more")).toBeNull();
    expect(screen.getByTestId("versions-loaded").textContent).toBe("5 versions loaded");
  });

  it("restores a version after a confirmation, then lists again", async () => {
    renderTable();
    fireEvent.click(await screen.findByTestId("version-restore-v-2"));
    const dialog = screen.getByTestId("confirm-dialog");
    expect(dialog.textContent).toContain("Make this version the current one? A copy becomes the newest version; nothing is deleted.");
    expect(document.activeElement).toBe(screen.getByTestId("confirm-cancel"));
    fireEvent.click(screen.getByTestId("confirm-ok"));
    await waitFor(() => expect(api.restoreObjectVersion).toHaveBeenCalledWith("p1", q3("v-2")));
    expect((await screen.findByTestId("versions-done")).textContent).toBe("Version v-2 of “q3.pdf” is now the current one (as a new copy).");
    expect(screen.queryByTestId("confirm-dialog")).toBeNull();
    // Listed again from the first page: the copy is the newest version, the marker no longer latest.
    await waitFor(() => expect(shownVersions()[0]).toMatch(/^r-/));
    const copy = shownVersions()[0];
    expect(screen.getByTestId(`version-latest-${copy}`)).toBeTruthy();
    expect(screen.queryByTestId("version-latest-m-3")).toBeNull();
    expect(vi.mocked(api.listObjectVersions).mock.calls.filter((c) => c[3] === null)).toHaveLength(2);
  });

  it("explains a delete refused by a legal hold, without offering a bypass", async () => {
    renderTable();
    fireEvent.click(await screen.findByTestId("version-delete-v-1"));
    const dialog = screen.getByTestId("confirm-dialog");
    expect(dialog.textContent).toContain("Version v-1 of “q3.pdf” will be deleted permanently.");
    expect(dialog.textContent).toContain("This cannot be undone.");
    expect(document.activeElement).toBe(screen.getByTestId("confirm-cancel"));
    fireEvent.click(screen.getByTestId("confirm-ok"));

    const locked = await screen.findByTestId("version-locked-error");
    expect(api.deleteObjectVersion).toHaveBeenCalledWith("p1", q3("v-1"), false);
    expect(locked.textContent).toContain("The server refused: this version is locked (object lock).");
    expect(screen.getByTestId("version-locked-detail").textContent).toBe(
      "a legal hold is on this version: nobody can delete it until the hold is removed",
    );
    expect(screen.queryByTestId("version-bypass")).toBeNull();
    expect(screen.getByTestId<HTMLButtonElement>("confirm-ok").disabled).toBe(true);
    expect(api.deleteObjectVersion).toHaveBeenCalledTimes(1);

    // The lock dialog is one click away.
    fireEvent.click(screen.getByTestId("version-locked-open-lock"));
    expect(await screen.findByTestId("object-lock-dialog")).toBeTruthy();
    expect(screen.getByTestId("lock-version").textContent).toBe("v-1");
    await waitFor(() => expect(screen.getByTestId<HTMLInputElement>("lock-legal-hold").checked).toBe(true));
  });

  it("offers to bypass a GOVERNANCE retention, with a second confirmation that sends the bypass", async () => {
    renderTable();
    fireEvent.click(await screen.findByTestId("version-delete-v-2"));
    fireEvent.click(screen.getByTestId("confirm-ok"));
    await screen.findByTestId("version-locked-error");
    expect(screen.getByTestId("version-locked-detail").textContent).toBe("GOVERNANCE retention until 2027-01-01T00:00:00Z");
    expect(screen.getByTestId("version-locked-error").textContent).toContain("Users who are allowed to bypass governance retention");

    fireEvent.click(screen.getByTestId("version-bypass"));
    const second = await screen.findByTestId("confirm-dialog");
    expect(second.textContent).toContain("Delete bypassing governance?");
    expect(second.textContent).toContain("Only users allowed to bypass governance retention");
    expect(second.textContent).toContain("logged");
    expect(screen.queryByTestId("version-locked-error")).toBeNull();
    expect(document.activeElement).toBe(screen.getByTestId("confirm-cancel"));
    expect(api.deleteObjectVersion).toHaveBeenCalledTimes(1);

    fireEvent.click(screen.getByTestId("confirm-ok"));
    await waitFor(() => expect(api.deleteObjectVersion).toHaveBeenLastCalledWith("p1", q3("v-2"), true));
    expect((await screen.findByTestId("versions-done")).textContent).toBe("Version v-2 of “q3.pdf” was deleted.");
    await waitFor(() => expect(shownVersions()).toEqual(["m-3", "v-3", "v-1", "s-1"]));
  });

  it("removes a delete marker after saying that it brings the object back", async () => {
    renderTable();
    fireEvent.click(await screen.findByTestId("version-delete-m-3"));
    expect(screen.getByTestId("confirm-dialog").textContent).toContain("Removing a delete marker brings the object back");
    fireEvent.click(screen.getByTestId("confirm-ok"));
    await waitFor(() => expect(api.deleteObjectVersion).toHaveBeenCalledWith("p1", q3("m-3"), false));
    expect((await screen.findByTestId("versions-done")).textContent).toBe("The delete marker of “q3.pdf” was removed.");
    await waitFor(() => expect(screen.queryByTestId("version-row-m-3")).toBeNull());
  });

  it("cancelling a delete sends nothing", async () => {
    renderTable();
    fireEvent.click(await screen.findByTestId("version-delete-v-3"));
    fireEvent.click(screen.getByTestId("confirm-cancel"));
    expect(screen.queryByTestId("confirm-dialog")).toBeNull();
    expect(api.deleteObjectVersion).not.toHaveBeenCalled();
  });

  it("speaks Chinese", async () => {
    renderWithProviders(<VersionsTable profileId="p1" bucket="backups" prefix="reports/" />, "zh-CN");
    await screen.findByTestId("versions-table");
    expect(screen.getByTestId("version-latest-m-3").textContent).toBe("最新");
    expect(screen.getByTestId("version-marker-m-3").textContent).toBe("删除标记");
    expect(screen.getByTestId("version-restore-v-3").textContent).toBe("恢复");
  });

  it("downloads one old version into the file chosen in Rust's save dialog", async () => {
    vi.mocked(api.pickSaveLocation).mockResolvedValue({ handle: "save-1", name: "q3.pdf", size: null, isFolder: false } as Awaited<ReturnType<typeof api.pickSaveLocation>>);
    vi.mocked(api.downloadVersionToFile).mockResolvedValue({ id: 9 } as Awaited<ReturnType<typeof api.downloadVersionToFile>>);
    renderTable();
    await screen.findByTestId("versions-table");
    expect(screen.queryByTestId("version-download-m-3")).toBeNull();
    fireEvent.click(screen.getByTestId("version-download-v-2"));
    await waitFor(() => expect(api.downloadVersionToFile).toHaveBeenCalledWith("p1", "backups", "reports/q3.pdf", "v-2", "save-1"));
    expect(api.pickSaveLocation).toHaveBeenCalledWith("q3.pdf");
    expect((await screen.findByTestId("versions-done")).textContent).toContain("v-2");
  });
});

import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { beforeEach, describe, expect, it, vi } from "vitest";
import * as backend from "../backend";
import { BackendError } from "../errors";
import { renderWithProviders } from "../test/render";
import { ObjectBrowser } from "./ObjectBrowser";

vi.mock("../backend");

beforeEach(() => {
  // Details are fetched on selection; tests that do not look at them leave HEAD pending.
  vi.mocked(backend.headObject).mockReturnValue(new Promise(() => {}));
});

const obj = (key: string, size = 1024): backend.ObjectEntry => ({
  key,
  size,
  lastModified: Date.UTC(2025, 2, 4, 14, 5),
  storageClass: "STANDARD",
  etag: '"d41d8cd98f00b204e9800998ecf8427e"',
});

function page(prefix: string, folders: string[], objects: backend.ObjectEntry[], nextToken: string | null): backend.ObjectPage {
  return { bucket: "bkt", prefix, folders, objects, nextToken };
}

/** The names shown in the table, top to bottom. */
function shownNames(): string[] {
  return screen
    .getAllByRole("row")
    .filter((r) => r.dataset.testid?.startsWith("object-row-"))
    .map((r) => r.querySelector(".name-text")?.textContent ?? "");
}

function renderBrowser(prefix = "", onNavigate = vi.fn()) {
  return { onNavigate, ...renderWithProviders(<ObjectBrowser profileId="p1" bucket="bkt" prefix={prefix} onNavigate={onNavigate} />) };
}

describe("object table", () => {
  beforeEach(() => {
    vi.mocked(backend.listObjects).mockImplementation(async (_p, _b, prefix, token) => {
      if (token === null) {
        return page(prefix, [`${prefix}images/`, `${prefix}docs/`], [obj(`${prefix}b.bin`, 1572864), obj(`${prefix}a.txt`, 12)], "tok-1");
      }
      return page(prefix, [`${prefix}zz/`], [obj(`${prefix}c.txt`, 3000)], null);
    });
    vi.mocked(backend.headObject).mockResolvedValue({
      key: "b.bin",
      size: 1572864,
      contentType: "application/octet-stream",
      lastModified: "2025-03-04T14:05:00Z",
      etag: '"abc"',
      versionId: null,
      storageClass: "STANDARD",
      objectType: "Appendable",
      metadata: { owner: "alice" },
    });
  });

  it("shows folders first, then files, and loads the next page", async () => {
    renderBrowser();
    await screen.findByTestId("object-row-c.txt");
    expect(backend.listObjects).toHaveBeenNthCalledWith(1, "p1", "bkt", "", null, 1000);
    expect(backend.listObjects).toHaveBeenNthCalledWith(2, "p1", "bkt", "", "tok-1", 1000);
    // Folders of every page stay on top, in their order; files follow in server order.
    expect(shownNames()).toEqual(["images", "docs", "zz", "b.bin", "a.txt", "c.txt"]);
    expect(screen.getByTestId("loaded-count").textContent).toBe("6 items loaded");
    expect(within(screen.getByTestId("object-row-b.bin")).getByText("1.5 MiB")).toBeTruthy();
    expect(backend.listObjects).toHaveBeenCalledTimes(2);
  });

  it("shows only the last path segment and keys rows by the full key", async () => {
    renderBrowser("photos/");
    const folder = await screen.findByTestId("object-row-photos/images/");
    expect(folder.textContent).toContain("images");
    expect(folder.textContent).not.toContain("photos/");
    expect(screen.getByTestId("object-row-photos/a.txt").querySelector(".name-text")?.textContent).toBe("a.txt");
    expect(screen.getByTestId("breadcrumb").textContent).toContain("photos");
  });

  it("sorts loaded rows on header click, folders staying on top", async () => {
    renderBrowser();
    await screen.findByTestId("object-row-c.txt");
    fireEvent.click(screen.getByTestId("sort-size"));
    expect(shownNames()).toEqual(["docs", "images", "zz", "a.txt", "c.txt", "b.bin"]);
    fireEvent.click(screen.getByTestId("sort-size"));
    expect(shownNames()).toEqual(["docs", "images", "zz", "b.bin", "c.txt", "a.txt"]);
    fireEvent.click(screen.getByTestId("sort-name"));
    expect(shownNames()).toEqual(["docs", "images", "zz", "a.txt", "b.bin", "c.txt"]);
    fireEvent.click(screen.getByTestId("sort-name"));
    expect(shownNames()).toEqual(["zz", "images", "docs", "c.txt", "b.bin", "a.txt"]);
  });

  it("opens a folder on double-click and jumps to a typed prefix", async () => {
    const { onNavigate } = renderBrowser();
    fireEvent.doubleClick(await screen.findByTestId("object-row-docs/"));
    expect(onNavigate).toHaveBeenLastCalledWith("docs/");
    const input = screen.getByTestId("path-input");
    fireEvent.change(input, { target: { value: "/logs/2025" } });
    fireEvent.keyDown(input, { key: "Enter" });
    expect(onNavigate).toHaveBeenLastCalledWith("logs/2025/");
  });

  it("goes up one level", async () => {
    const { onNavigate } = renderBrowser("a/b/");
    fireEvent.click(screen.getByTestId("path-up"));
    expect(onNavigate).toHaveBeenLastCalledWith("a/");
  });

  it("shows the details of the selected object", async () => {
    renderBrowser();
    fireEvent.click(await screen.findByTestId("object-row-b.bin"));
    expect((await screen.findByTestId("details-objectType")).textContent).toBe("Appendable");
    expect(screen.getByTestId("details-contentType").textContent).toBe("application/octet-stream");
    expect(screen.getByTestId("details-size").textContent).toBe("1.5 MiB");
    expect(screen.getByTestId("details-metadata").textContent).toContain("alice");
    expect(backend.headObject).toHaveBeenCalledWith("p1", "bkt", "b.bin");
  });
});

describe("delete", () => {
  beforeEach(() => {
    vi.mocked(backend.listObjects).mockResolvedValue(page("", ["dir/"], [obj("a.txt"), obj("b.txt"), obj("c.txt"), obj("d.txt")], null));
  });

  it("asks with the count and deletes only after confirming", async () => {
    vi.mocked(backend.deleteObjects).mockResolvedValue({
      deleted: ["a.txt", "b.txt"],
      failed: [{ key: "c.txt", code: "AccessDenied", message: "Access Denied" }],
    });
    renderBrowser();
    fireEvent.click(await screen.findByTestId("object-row-a.txt"));
    fireEvent.click(screen.getByTestId("object-row-c.txt"), { shiftKey: true });
    fireEvent.click(screen.getByTestId("object-row-d.txt"), { ctrlKey: true });
    fireEvent.click(screen.getByTestId("object-row-d.txt"), { ctrlKey: true }); // toggled off again
    fireEvent.click(screen.getByTestId("object-delete"));

    const dialog = screen.getByTestId("confirm-dialog");
    expect(dialog.textContent).toContain("Delete 3 objects?");
    // Enter in a destructive question lands on Cancel, not on Delete.
    expect(document.activeElement).toBe(screen.getByTestId("confirm-cancel"));
    fireEvent.click(screen.getByTestId("confirm-cancel"));
    expect(screen.queryByTestId("confirm-dialog")).toBeNull();
    expect(backend.deleteObjects).not.toHaveBeenCalled();

    fireEvent.click(screen.getByTestId("object-delete"));
    fireEvent.click(screen.getByTestId("confirm-ok"));
    await waitFor(() => expect(backend.deleteObjects).toHaveBeenCalledWith("p1", "bkt", ["a.txt", "b.txt", "c.txt"]));
    const notice = await screen.findByTestId("notice");
    expect(notice.textContent).toContain("Deleted 2 objects.");
    expect(notice.textContent).toContain("1 object could not be deleted:");
    expect(within(screen.getByTestId("delete-failures")).getByText("c.txt")).toBeTruthy();
    expect(notice.textContent).toContain("Access denied");
  });

  it("says the count in Chinese too, and leaves folders out", async () => {
    renderWithProviders(<ObjectBrowser profileId="p1" bucket="bkt" prefix="" onNavigate={() => {}} />, "zh-CN");
    fireEvent.click(await screen.findByTestId("object-row-dir/"));
    fireEvent.click(screen.getByTestId("object-row-a.txt"), { ctrlKey: true });
    fireEvent.click(screen.getByTestId("object-delete"));
    expect(screen.getByTestId("confirm-dialog").textContent).toContain("删除 1 个对象？");
    expect(screen.getByTestId("confirm-dialog").textContent).toContain("文件夹不会被删除");
  });
});

describe("upload", () => {
  beforeEach(() => {
    vi.mocked(backend.listObjects).mockResolvedValue(page("docs/", [], [obj("docs/report.pdf")], null));
    vi.mocked(backend.pickFileToUpload).mockResolvedValue("/home/u/report.pdf");
  });

  it("uploads to prefix + file name", async () => {
    vi.mocked(backend.uploadFile).mockResolvedValue(obj("docs/new.txt"));
    vi.mocked(backend.pickFileToUpload).mockResolvedValue("/home/u/new.txt");
    renderBrowser("docs/");
    fireEvent.click(screen.getByTestId("object-upload"));
    expect((await screen.findByTestId("notice")).textContent).toContain("Uploaded new.txt.");
    expect(backend.uploadFile).toHaveBeenCalledWith("p1", "bkt", "docs/new.txt", "/home/u/new.txt", false);
  });

  it("asks before overwriting (ObjectExists) and retries with overwrite only if the user agrees", async () => {
    vi.mocked(backend.uploadFile).mockImplementation(async (_p, _b, key, _s, overwrite) => {
      if (!overwrite) throw new BackendError({ code: "ObjectExists", status: null, requestId: null, detail: `exists: ${key}` });
      return obj(key);
    });
    renderBrowser("docs/");
    fireEvent.click(screen.getByTestId("object-upload"));
    const dialog = await screen.findByTestId("confirm-dialog");
    expect(dialog.textContent).toContain("An object named “docs/report.pdf” already exists here. Overwrite it?");
    expect(backend.uploadFile).toHaveBeenCalledTimes(1);
    fireEvent.click(screen.getByTestId("confirm-ok"));
    await waitFor(() => expect(backend.uploadFile).toHaveBeenCalledTimes(2));
    expect(backend.uploadFile).toHaveBeenLastCalledWith("p1", "bkt", "docs/report.pdf", "/home/u/report.pdf", true);
    expect((await screen.findByTestId("notice")).textContent).toContain("Uploaded report.pdf.");
  });

  it("does not overwrite when the user declines", async () => {
    vi.mocked(backend.uploadFile).mockRejectedValue(
      new BackendError({ code: "ObjectExists", status: null, requestId: null, detail: "exists" }),
    );
    renderBrowser("docs/");
    fireEvent.click(screen.getByTestId("object-upload"));
    await screen.findByTestId("confirm-dialog");
    fireEvent.click(screen.getByTestId("confirm-cancel"));
    expect(screen.queryByTestId("confirm-dialog")).toBeNull();
    expect(backend.uploadFile).toHaveBeenCalledTimes(1);
    expect(screen.queryByTestId("error-message")).toBeNull();
  });

  it("does nothing when the file dialog is cancelled", async () => {
    vi.mocked(backend.pickFileToUpload).mockResolvedValue(null);
    renderBrowser("docs/");
    fireEvent.click(screen.getByTestId("object-upload"));
    await waitFor(() => expect(backend.pickFileToUpload).toHaveBeenCalled());
    expect(backend.uploadFile).not.toHaveBeenCalled();
  });
});

describe("download", () => {
  it("asks where to save, proposing the object's name", async () => {
    vi.mocked(backend.listObjects).mockResolvedValue(page("docs/", [], [obj("docs/report.pdf")], null));
    vi.mocked(backend.pickSaveLocation).mockResolvedValue("/tmp/report.pdf");
    vi.mocked(backend.downloadObject).mockResolvedValue(2048);
    renderBrowser("docs/");
    fireEvent.click(await screen.findByTestId("object-row-docs/report.pdf"));
    fireEvent.click(screen.getByTestId("object-download"));
    expect((await screen.findByTestId("notice")).textContent).toContain("Saved report.pdf (2.0 KiB).");
    expect(backend.pickSaveLocation).toHaveBeenCalledWith("report.pdf");
    expect(backend.downloadObject).toHaveBeenCalledWith("p1", "bkt", "docs/report.pdf", "/tmp/report.pdf");
  });
});

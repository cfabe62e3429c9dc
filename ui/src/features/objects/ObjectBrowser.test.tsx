import { act, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { api, onFilesDropped, type FilesDropped, type LocalFile, type ObjectEntry, type ObjectPage } from "../../backend";
import { BackendError } from "../../errors";
import { renderWithProviders } from "../../test/render";
import { ObjectBrowser } from "./ObjectBrowser";

vi.mock("../../backend");

beforeEach(() => {
  // Details are fetched on selection; tests that do not look at them leave HEAD pending.
  vi.mocked(api.headObject).mockReturnValue(new Promise(() => {}));
});

const obj = (key: string, size = 1024): ObjectEntry => ({
  key,
  size,
  lastModified: Date.UTC(2025, 2, 4, 14, 5),
  storageClass: "STANDARD",
  etag: '"d41d8cd98f00b204e9800998ecf8427e"',
});

function page(prefix: string, folders: string[], objects: ObjectEntry[], nextToken: string | null): ObjectPage {
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
    vi.mocked(api.listObjects).mockImplementation(async (_p, _b, prefix, token) => {
      if (token === null) {
        return page(prefix, [`${prefix}images/`, `${prefix}docs/`], [obj(`${prefix}b.bin`, 1572864), obj(`${prefix}a.txt`, 12)], "tok-1");
      }
      return page(prefix, [`${prefix}zz/`], [obj(`${prefix}c.txt`, 3000)], null);
    });
    vi.mocked(api.headObject).mockResolvedValue({
      key: "b.bin",
      size: 1572864,
      contentType: "application/octet-stream",
      lastModified: "2025-03-04T14:05:00Z",
      etag: '"abc"',
      versionId: null,
      storageClass: "STANDARD",
      objectType: "Appendable",
      metadata: { owner: "alice" },
      rawMetadata: {},
    });
  });

  it("shows folders first, then files, and loads the next page", async () => {
    renderBrowser();
    await screen.findByTestId("object-row-c.txt");
    expect(api.listObjects).toHaveBeenNthCalledWith(1, "p1", "bkt", "", null, 1000);
    expect(api.listObjects).toHaveBeenNthCalledWith(2, "p1", "bkt", "", "tok-1", 1000);
    // Folders of every page stay on top, in their order; files follow in server order.
    expect(shownNames()).toEqual(["images", "docs", "zz", "b.bin", "a.txt", "c.txt"]);
    expect(screen.getByTestId("loaded-count").textContent).toBe("6 items loaded");
    expect(within(screen.getByTestId("object-row-b.bin")).getByText("1.5 MiB")).toBeTruthy();
    expect(api.listObjects).toHaveBeenCalledTimes(2);
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
    // Not an object of that name (the listing has none): opened as the folder "logs/2025/".
    await waitFor(() => expect(onNavigate).toHaveBeenLastCalledWith("logs/2025/"));
    expect(api.listObjects).toHaveBeenCalledWith("p1", "bkt", "logs/2025", null, 1000);
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
    expect(api.headObject).toHaveBeenCalledWith("p1", "bkt", "b.bin");
    expect(screen.queryByTestId("details-metadata-raw")).toBeNull(); // nothing was decoded
  });

  it("shows RFC 2047 metadata decoded, and the stored value on request", async () => {
    vi.mocked(api.headObject).mockResolvedValue({
      key: "b.bin",
      size: 1,
      contentType: null,
      lastModified: null,
      etag: null,
      versionId: null,
      storageClass: null,
      objectType: null,
      metadata: { title: "项目报告", owner: "alice" },
      rawMetadata: { title: "=?UTF-8?B?6aG555uu5oql5ZGK?=" },
    });
    renderBrowser();
    fireEvent.click(await screen.findByTestId("object-row-b.bin"));
    expect((await screen.findByTestId("details-meta-title")).textContent).toBe("项目报告");
    fireEvent.click(screen.getByTestId("details-metadata-raw"));
    expect(screen.getByTestId("details-meta-title").textContent).toBe("=?UTF-8?B?6aG555uu5oql5ZGK?=");
    expect(screen.getByTestId("details-meta-owner").textContent).toBe("alice");
  });
});

describe("delete", () => {
  beforeEach(() => {
    vi.mocked(api.listObjects).mockResolvedValue(page("", ["dir/"], [obj("a.txt"), obj("b.txt"), obj("c.txt"), obj("d.txt")], null));
  });

  it("asks with the count and deletes only after confirming", async () => {
    vi.mocked(api.deleteObjects).mockResolvedValue({
      deleted: ["a.txt", "b.txt"],
      failed: [{ key: "c.txt", code: "AccessDenied", serverCode: null, message: "Access Denied" }],
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
    await act(async () => {}); // a delete started by Cancel would have reached the backend by now
    expect(api.deleteObjects).not.toHaveBeenCalled();

    fireEvent.click(screen.getByTestId("object-delete"));
    fireEvent.click(screen.getByTestId("confirm-ok"));
    await waitFor(() => expect(api.deleteObjects).toHaveBeenCalledWith("p1", "bkt", ["a.txt", "b.txt", "c.txt"]));
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

const file = (name: string): LocalFile => ({ handle: `handle-of-${name}`, name, size: 10 });

describe("upload", () => {
  beforeEach(() => {
    vi.mocked(api.listObjects).mockResolvedValue(page("docs/", [], [obj("docs/report.pdf")], null));
    vi.mocked(api.pickFilesToUpload).mockResolvedValue([file("report.pdf")]);
  });

  it("uploads to prefix + file name, sending Rust's handle", async () => {
    vi.mocked(api.uploadFile).mockResolvedValue(obj("docs/new.txt"));
    vi.mocked(api.pickFilesToUpload).mockResolvedValue([file("new.txt")]);
    renderBrowser("docs/");
    fireEvent.click(screen.getByTestId("object-upload"));
    expect((await screen.findByTestId("notice")).textContent).toContain("Uploaded new.txt.");
    expect(api.uploadFile).toHaveBeenCalledWith("p1", "bkt", "docs/new.txt", "handle-of-new.txt", false);
  });

  it("uploads several picked files, one after the other", async () => {
    vi.mocked(api.uploadFile).mockImplementation(async (_p, _b, key) => obj(key));
    vi.mocked(api.pickFilesToUpload).mockResolvedValue([file("a b.txt"), file("照片.jpg"), file("c.txt")]);
    renderBrowser("docs/");
    fireEvent.click(screen.getByTestId("object-upload"));
    expect((await screen.findByTestId("notice")).textContent).toContain("Uploaded 3 files.");
    expect(vi.mocked(api.uploadFile).mock.calls.map((c) => [c[2], c[3]])).toEqual([
      ["docs/a b.txt", "handle-of-a b.txt"],
      ["docs/照片.jpg", "handle-of-照片.jpg"],
      ["docs/c.txt", "handle-of-c.txt"],
    ]);
  });

  it("asks before overwriting (ObjectExists) and retries with overwrite only if the user agrees", async () => {
    vi.mocked(api.uploadFile).mockImplementation(async (_p, _b, key, _s, overwrite) => {
      if (!overwrite) throw new BackendError({ code: "ObjectExists", status: null, requestId: null, detail: `exists: ${key}` });
      return obj(key);
    });
    renderBrowser("docs/");
    fireEvent.click(screen.getByTestId("object-upload"));
    const dialog = await screen.findByTestId("confirm-dialog");
    expect(dialog.textContent).toContain("An object named “docs/report.pdf” already exists here. Overwrite it?");
    expect(api.uploadFile).toHaveBeenCalledTimes(1);
    fireEvent.click(screen.getByTestId("confirm-ok"));
    await waitFor(() => expect(api.uploadFile).toHaveBeenCalledTimes(2));
    expect(api.uploadFile).toHaveBeenLastCalledWith("p1", "bkt", "docs/report.pdf", "handle-of-report.pdf", true);
    expect((await screen.findByTestId("notice")).textContent).toContain("Uploaded report.pdf.");
  });

  it("does not overwrite when the user declines, and goes on with the next file", async () => {
    vi.mocked(api.pickFilesToUpload).mockResolvedValue([file("report.pdf"), file("new.txt")]);
    vi.mocked(api.uploadFile).mockImplementation(async (_p, _b, key, _s, overwrite) => {
      if (key === "docs/report.pdf" && !overwrite) {
        throw new BackendError({ code: "ObjectExists", status: null, requestId: null, detail: "exists" });
      }
      return obj(key);
    });
    renderBrowser("docs/");
    fireEvent.click(screen.getByTestId("object-upload"));
    await screen.findByTestId("confirm-dialog");
    fireEvent.click(screen.getByTestId("confirm-cancel"));
    expect(screen.queryByTestId("confirm-dialog")).toBeNull();
    expect((await screen.findByTestId("notice")).textContent).toContain("Uploaded new.txt.");
    expect(vi.mocked(api.uploadFile).mock.calls.map((c) => [c[2], c[4]])).toEqual([
      ["docs/report.pdf", false],
      ["docs/new.txt", false],
    ]);
    expect(screen.queryByTestId("error-message")).toBeNull();
  });

  it("keeps the existing object when the user declines (one file)", async () => {
    vi.mocked(api.uploadFile).mockRejectedValue(
      new BackendError({ code: "ObjectExists", status: null, requestId: null, detail: "exists" }),
    );
    renderBrowser("docs/");
    fireEvent.click(screen.getByTestId("object-upload"));
    await screen.findByTestId("confirm-dialog");
    fireEvent.click(screen.getByTestId("confirm-cancel"));
    expect(screen.queryByTestId("confirm-dialog")).toBeNull();
    await waitFor(() => expect((screen.getByTestId("object-upload") as HTMLButtonElement).disabled).toBe(false));
    expect(api.uploadFile).toHaveBeenCalledTimes(1);
    expect(screen.queryByTestId("error-message")).toBeNull();
    expect(screen.queryByTestId("notice")).toBeNull();
  });

  it("stops and explains when an upload fails", async () => {
    vi.mocked(api.pickFilesToUpload).mockResolvedValue([file("a.txt"), file("b.txt")]);
    vi.mocked(api.uploadFile).mockRejectedValue(
      new BackendError({ code: "AccessDenied", status: 403, requestId: "tx5", detail: "Access Denied" }),
    );
    renderBrowser("docs/");
    fireEvent.click(screen.getByTestId("object-upload"));
    expect((await screen.findByTestId("error-code")).textContent).toBe("AccessDenied");
    expect(api.uploadFile).toHaveBeenCalledTimes(1);
  });

  it("does nothing when the file dialog is cancelled", async () => {
    vi.mocked(api.pickFilesToUpload).mockResolvedValue([]);
    renderBrowser("docs/");
    fireEvent.click(screen.getByTestId("object-upload"));
    await waitFor(() => expect(api.pickFilesToUpload).toHaveBeenCalled());
    await act(async () => {}); // the picker's answer has been handled now
    expect(api.uploadFile).not.toHaveBeenCalled();
    expect(screen.queryByTestId("notice")).toBeNull();
  });

  it("uploads files dropped on the window into the current folder", async () => {
    let drop: ((dropped: FilesDropped) => void) | undefined;
    const unlisten = vi.fn();
    vi.mocked(onFilesDropped).mockImplementation(async (cb) => {
      drop = cb;
      return unlisten;
    });
    vi.mocked(api.uploadFile).mockImplementation(async (_p, _b, key) => obj(key));
    const { unmount } = renderBrowser("docs/");
    await waitFor(() => expect(drop).toBeDefined());
    act(() => drop?.({ files: [file("dropped.png")], skippedFolders: [] }));
    expect((await screen.findByTestId("notice")).textContent).toContain("Uploaded dropped.png.");
    expect(api.uploadFile).toHaveBeenCalledWith("p1", "bkt", "docs/dropped.png", "handle-of-dropped.png", false);
    expect(api.pickFilesToUpload).not.toHaveBeenCalled();
    unmount();
    expect(unlisten).toHaveBeenCalled();
  });

  it("names dropped folders, which are not uploaded", async () => {
    let drop: ((dropped: FilesDropped) => void) | undefined;
    vi.mocked(onFilesDropped).mockImplementation(async (cb) => {
      drop = cb;
      return () => {};
    });
    vi.mocked(api.uploadFile).mockImplementation(async (_p, _b, key) => obj(key));
    renderBrowser("docs/");
    await waitFor(() => expect(drop).toBeDefined());
    act(() => drop?.({ files: [], skippedFolders: ["photos"] }));
    expect((await screen.findByTestId("notice")).textContent).toContain("Folders are not uploaded: photos.");
    act(() => drop?.({ files: [file("a.txt")], skippedFolders: ["x", "y"] }));
    await waitFor(() => expect(screen.getByTestId("notice").textContent).toBe("Uploaded a.txt. Folders are not uploaded: x, y.×"));
    expect(api.uploadFile).toHaveBeenCalledTimes(1);
  });
});

describe("download", () => {
  it("asks where to save, proposing the object's name", async () => {
    vi.mocked(api.listObjects).mockResolvedValue(page("docs/", [], [obj("docs/report.pdf")], null));
    vi.mocked(api.pickSaveLocation).mockResolvedValue({ handle: "save-handle-1", name: "report (1).pdf", size: null });
    vi.mocked(api.downloadObject).mockResolvedValue(2048);
    renderBrowser("docs/");
    fireEvent.click(await screen.findByTestId("object-row-docs/report.pdf"));
    fireEvent.click(screen.getByTestId("object-download"));
    expect((await screen.findByTestId("notice")).textContent).toContain("Saved report (1).pdf (2.0 KiB).");
    expect(api.pickSaveLocation).toHaveBeenCalledWith("report.pdf");
    expect(api.downloadObject).toHaveBeenCalledWith("p1", "bkt", "docs/report.pdf", "save-handle-1");
  });

  it("does nothing when the save dialog is cancelled", async () => {
    vi.mocked(api.listObjects).mockResolvedValue(page("docs/", [], [obj("docs/report.pdf")], null));
    vi.mocked(api.pickSaveLocation).mockResolvedValue(null);
    renderBrowser("docs/");
    fireEvent.click(await screen.findByTestId("object-row-docs/report.pdf"));
    fireEvent.click(screen.getByTestId("object-download"));
    await waitFor(() => expect(api.pickSaveLocation).toHaveBeenCalled());
    await act(async () => {});
    expect(api.downloadObject).not.toHaveBeenCalled();
  });
});

describe("errors that say what happened", () => {
  beforeEach(() => {
    vi.mocked(api.listObjects).mockResolvedValue(page("", [], [obj("secret.bin", 2048), obj("a.txt", 12)], null));
  });

  it("keeps what the listing knows when the details are denied, and says Download cannot work", async () => {
    vi.mocked(api.headObject).mockRejectedValue(
      new BackendError({ code: "AccessDenied", status: 403, requestId: "tx-d", detail: "" }),
    );
    renderBrowser();
    fireEvent.click(await screen.findByTestId("object-row-secret.bin"));
    const denied = await screen.findByTestId("details-denied");
    expect(denied.textContent).toContain("You may not read this object’s details.");
    expect(within(denied).getByTestId("details-size").textContent).toBe("2.0 KiB");
    expect(within(denied).getByTestId("details-key").textContent).toBe("secret.bin");
    expect(within(denied).getByTestId("error-code").textContent).toBe("AccessDenied");
    await waitFor(() => expect((screen.getByTestId("object-download") as HTMLButtonElement).disabled).toBe(true));
    expect(screen.getByTestId("object-download-reason").getAttribute("title")).toBe("You may not read this object.");
    // Another object: Download works again.
    vi.mocked(api.headObject).mockResolvedValue({
      key: "a.txt", size: 12, contentType: null, lastModified: null, etag: null, versionId: null,
      storageClass: null, objectType: null, metadata: {}, rawMetadata: {},
    });
    fireEvent.click(screen.getByTestId("object-row-a.txt"));
    await waitFor(() => expect((screen.getByTestId("object-download") as HTMLButtonElement).disabled).toBe(false));
  });

  it("a failed download names the object", async () => {
    vi.mocked(api.headObject).mockRejectedValue(new BackendError({ code: "Timeout", status: null, requestId: null, detail: "" }));
    vi.mocked(api.pickSaveLocation).mockResolvedValue({ handle: "h1", name: "a.txt", size: null });
    vi.mocked(api.downloadObject).mockRejectedValue(
      new BackendError({ code: "NoSuchKey", status: 404, requestId: "tx-n", detail: "" }),
    );
    renderBrowser();
    fireEvent.click(await screen.findByTestId("object-row-a.txt"));
    fireEvent.click(screen.getByTestId("object-download"));
    expect((await screen.findByTestId("error-context")).textContent).toBe("Could not download “a.txt”.");
  });

  it("a failed delete names the object", async () => {
    vi.mocked(api.headObject).mockRejectedValue(new BackendError({ code: "Timeout", status: null, requestId: null, detail: "" }));
    vi.mocked(api.deleteObjects).mockRejectedValue(
      new BackendError({ code: "ConnectFailed", status: null, requestId: null, detail: "refused" }),
    );
    renderBrowser();
    fireEvent.click(await screen.findByTestId("object-row-a.txt"));
    fireEvent.click(screen.getByTestId("object-delete"));
    fireEvent.click(screen.getByTestId("confirm-ok"));
    const context = await screen.findAllByTestId("error-context");
    expect(context.map((c) => c.textContent)).toContain("Could not delete “a.txt”.");
  });
});

describe("window width", () => {
  const setWidth = (px: number) => Object.defineProperty(window, "innerWidth", { configurable: true, value: px });
  beforeEach(() => {
    localStorage.clear();
    vi.mocked(api.listObjects).mockResolvedValue(page("", [], [obj("a.txt")], null));
  });

  it("starts with the details pane collapsed in a narrow window, open in a wide one, until the user chooses", async () => {
    const before = window.innerWidth;
    try {
      setWidth(900);
      const narrow = renderBrowser();
      await screen.findByTestId("object-row-a.txt");
      expect(screen.getByTestId("details-toggle").getAttribute("aria-pressed")).toBe("false");
      expect(screen.queryByTestId("details-pane")).toBeNull();
      narrow.unmount();
      setWidth(1280);
      const wide = renderBrowser();
      await screen.findByTestId("object-row-a.txt");
      expect(screen.getByTestId("details-toggle").getAttribute("aria-pressed")).toBe("true");
      fireEvent.click(screen.getByTestId("details-toggle")); // the user's choice wins from now on
      wide.unmount();
      renderBrowser();
      await screen.findByTestId("object-row-a.txt");
      expect(screen.getByTestId("details-toggle").getAttribute("aria-pressed")).toBe("false");
    } finally {
      setWidth(before);
    }
  });
});

import { act, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { api, type LocalFile, type ObjectEntry, type ObjectPage } from "../../backend";
import { BackendError } from "../../errors";
import { renderWithProviders } from "../../test/render";
import { listenToTransfers, transfer, update } from "../transfers/testing";
import { TransfersProvider } from "../transfers/TransfersProvider";
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
  return {
    onNavigate,
    ...renderWithProviders(
      <TransfersProvider>
        <ObjectBrowser profileId="p1" bucket="bkt" prefix={prefix} onNavigate={onNavigate} />
      </TransfersProvider>,
    ),
  };
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

  it("Refresh reads the shown object's details again, not only the listing", async () => {
    renderBrowser();
    fireEvent.click(await screen.findByTestId("object-row-b.bin"));
    await screen.findByTestId("details-objectType");
    expect(api.headObject).toHaveBeenCalledTimes(1);
    fireEvent.click(screen.getByTestId("object-refresh"));
    await waitFor(() => expect(api.headObject).toHaveBeenCalledTimes(2));
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

  it("says the count in Chinese too, folders counted", async () => {
    vi.mocked(api.summarizeFolder).mockResolvedValue({ prefix: "dir/", objects: 41, bytes: 3 * 1024 * 1024 });
    renderWithProviders(<ObjectBrowser profileId="p1" bucket="bkt" prefix="" onNavigate={() => {}} />, "zh-CN");
    fireEvent.click(await screen.findByTestId("object-row-a.txt"));
    fireEvent.click(screen.getByTestId("object-delete"));
    expect(screen.getByTestId("confirm-dialog").textContent).toContain("删除 1 个对象？");
    fireEvent.click(screen.getByTestId("confirm-cancel"));
    fireEvent.click(screen.getByTestId("object-row-dir/"), { ctrlKey: true });
    fireEvent.click(screen.getByTestId("object-delete"));
    const question = await screen.findByTestId("delete-question");
    expect(question.textContent?.replace(/\u00a0/g, " ")).toBe("删除 1 个文件夹和 1 个对象：共 42 个对象，3.0 MiB？");
  });
});

const file = (name: string, isFolder = false): LocalFile => ({ handle: `handle-of-${name}`, name, size: isFolder ? null : 10, isFolder });

describe("upload", () => {
  beforeEach(() => {
    vi.mocked(api.listObjects).mockResolvedValue(page("docs/", [], [obj("docs/report.pdf")], null));
  });

  it("sends the picked files to the shown folder as one transfer, and follows it to the end", async () => {
    const emit = listenToTransfers();
    vi.mocked(api.pickFilesToUpload).mockResolvedValue([file("a b.txt"), file("照片.jpg")]);
    const started = transfer({ id: 9, bucket: "bkt", destination: "bkt/docs/", state: "queued", filesTotal: 0, filesDone: 0, bytesDone: 0 });
    vi.mocked(api.uploadLocal).mockResolvedValue(started);
    renderBrowser("docs/");
    fireEvent.click(screen.getByTestId("object-upload"));
    await waitFor(() => expect(screen.getByTestId("notice").textContent).toContain("Uploading 2 items…"));
    expect(api.uploadLocal).toHaveBeenCalledWith("p1", "bkt", "docs/", ["handle-of-a b.txt", "handle-of-照片.jpg"], null, null);

    emit(update([{ ...started, state: "done", filesTotal: 2, filesDone: 2 }]));
    expect(screen.getByTestId("notice").textContent).toContain("Uploaded 2 files.");
  });

  it("names the one file it uploaded", async () => {
    const emit = listenToTransfers();
    vi.mocked(api.pickFilesToUpload).mockResolvedValue([file("new.txt")]);
    const started = transfer({ id: 9, destination: "bkt/docs/", state: "queued", filesTotal: 1, filesDone: 0 });
    vi.mocked(api.uploadLocal).mockResolvedValue(started);
    renderBrowser("docs/");
    fireEvent.click(screen.getByTestId("object-upload"));
    await screen.findByTestId("notice");
    emit(update([{ ...started, state: "done", filesDone: 1 }]));
    expect(screen.getByTestId("notice").textContent).toContain("Uploaded new.txt.");
  });

  it("uploads a picked folder with everything in it", async () => {
    vi.mocked(api.pickFolderToUpload).mockResolvedValue(file("photos 2024", true));
    vi.mocked(api.uploadLocal).mockResolvedValue(transfer({ id: 3, destination: "bkt/docs/" }));
    renderBrowser("docs/");
    fireEvent.click(screen.getByTestId("object-upload-folder"));
    await waitFor(() => expect(api.uploadLocal).toHaveBeenCalledWith("p1", "bkt", "docs/", ["handle-of-photos 2024"], null, null));
    expect(screen.getByTestId("notice").textContent).toContain("Uploading photos 2024…");
  });

  it("asks nothing itself when objects exist: the transfer asks once for all of them", async () => {
    const emit = listenToTransfers();
    vi.mocked(api.pickFilesToUpload).mockResolvedValue([file("report.pdf")]);
    const started = transfer({ id: 5, destination: "bkt/docs/", state: "queued" });
    vi.mocked(api.uploadLocal).mockResolvedValue(started);
    vi.mocked(api.resolveTransferConflicts).mockResolvedValue({ ...started, state: "queued" });
    renderBrowser("docs/");
    fireEvent.click(screen.getByTestId("object-upload"));
    await screen.findByTestId("notice");
    expect(screen.queryByTestId("confirm-dialog")).toBeNull();
    emit(update([{ ...started, state: "needsDecision", filesConflict: 1 }]));
    const decision = within(screen.getByTestId("notice")).getByTestId("conflict-decision");
    expect(decision.textContent).toContain("1 file already exists at the destination.");
    fireEvent.click(within(decision).getByTestId("conflict-overwrite"));
    await waitFor(() => expect(api.resolveTransferConflicts).toHaveBeenCalledWith(5, "overwrite"));
  });

  it("explains when the upload cannot start", async () => {
    vi.mocked(api.pickFilesToUpload).mockResolvedValue([file("a.txt")]);
    vi.mocked(api.uploadLocal).mockRejectedValue(new BackendError({ code: "AccessDenied", status: 403, requestId: "tx5", detail: "Access Denied" }));
    renderBrowser("docs/");
    fireEvent.click(screen.getByTestId("object-upload"));
    expect((await screen.findByTestId("error-code")).textContent).toBe("AccessDenied");
    expect(screen.getByTestId("error-context").textContent).toBe("Could not upload a.txt.");
  });

  it("does nothing when the file dialog is cancelled", async () => {
    vi.mocked(api.pickFilesToUpload).mockResolvedValue([]);
    vi.mocked(api.pickFolderToUpload).mockResolvedValue(null);
    renderBrowser("docs/");
    fireEvent.click(screen.getByTestId("object-upload"));
    fireEvent.click(screen.getByTestId("object-upload-folder"));
    await waitFor(() => expect(api.pickFolderToUpload).toHaveBeenCalled());
    await act(async () => {}); // the pickers' answers have been handled now
    expect(api.uploadLocal).not.toHaveBeenCalled();
    expect(screen.queryByTestId("notice")).toBeNull();
  });

  it("reloads the listing when files of an upload into it are done, at most once a second", async () => {
    const emit = listenToTransfers();
    vi.mocked(api.listTransfers).mockResolvedValue([transfer({ id: 4, destination: "bkt/docs/", filesDone: 0, createdAt: 0 })]);
    renderBrowser("docs/");
    await screen.findByTestId("object-row-docs/report.pdf");
    await act(async () => {});
    const listed = vi.mocked(api.listObjects).mock.calls.length;
    vi.useFakeTimers();
    try {
      emit(update([transfer({ id: 4, destination: "bkt/docs/", filesDone: 1, createdAt: 0 })]));
      await act(async () => vi.advanceTimersByTimeAsync(10));
      expect(vi.mocked(api.listObjects).mock.calls.length).toBe(listed + 1);
      emit(update([transfer({ id: 4, destination: "bkt/docs/", filesDone: 2, createdAt: 0 })]));
      emit(update([transfer({ id: 4, destination: "bkt/docs/", filesDone: 3, createdAt: 0 })]));
      await act(async () => vi.advanceTimersByTimeAsync(500));
      expect(vi.mocked(api.listObjects).mock.calls.length).toBe(listed + 1);
      await act(async () => vi.advanceTimersByTimeAsync(600));
      expect(vi.mocked(api.listObjects).mock.calls.length).toBe(listed + 2);
      // An upload elsewhere in the bucket, or a download, does not reload this listing.
      emit(update([transfer({ id: 5, destination: "bkt/other/", filesDone: 9, createdAt: 0 })]));
      emit(update([transfer({ id: 6, direction: "download", destination: "/home/me", filesDone: 9, createdAt: 0 })]));
      await act(async () => vi.advanceTimersByTimeAsync(2000));
      expect(vi.mocked(api.listObjects).mock.calls.length).toBe(listed + 2);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe("download", () => {
  beforeEach(() => {
    vi.mocked(api.listObjects).mockResolvedValue(page("docs/", ["docs/sub/"], [obj("docs/report.pdf"), obj("docs/b.txt")], null));
  });

  it("saves one object where the save dialog says, proposing its name", async () => {
    const emit = listenToTransfers();
    vi.mocked(api.pickSaveLocation).mockResolvedValue({ handle: "save-handle-1", name: "report (1).pdf", size: null, isFolder: false });
    const started = transfer({ id: 2, direction: "download", state: "queued", filesTotal: 1, filesDone: 0, bytesTotal: 2048, bytesDone: 0 });
    vi.mocked(api.downloadToFile).mockResolvedValue(started);
    renderBrowser("docs/");
    fireEvent.click(await screen.findByTestId("object-row-docs/report.pdf"));
    fireEvent.click(screen.getByTestId("object-download"));
    await waitFor(() => expect(api.downloadToFile).toHaveBeenCalledWith("p1", "bkt", "docs/report.pdf", "save-handle-1"));
    expect(api.pickSaveLocation).toHaveBeenCalledWith("report.pdf");
    emit(update([{ ...started, state: "done", filesDone: 1, bytesDone: 2048 }]));
    expect(screen.getByTestId("notice").textContent).toContain("Saved report (1).pdf (2.0 KiB).");
  });

  it("downloads several objects and folders into a chosen folder, keeping the structure below the shown prefix", async () => {
    vi.mocked(api.pickDownloadFolder).mockResolvedValue({ handle: "dir-1", name: "Downloads", size: null, isFolder: true });
    vi.mocked(api.downloadToFolder).mockResolvedValue(transfer({ id: 3, direction: "download" }));
    renderBrowser("docs/");
    fireEvent.click(await screen.findByTestId("object-row-docs/sub/"));
    fireEvent.click(screen.getByTestId("object-row-docs/b.txt"), { ctrlKey: true });
    fireEvent.click(screen.getByTestId("object-download"));
    await waitFor(() => expect(api.downloadToFolder).toHaveBeenCalledWith("p1", "bkt", "docs/", ["docs/b.txt"], ["docs/sub/"], "dir-1", null));
    expect(api.pickSaveLocation).not.toHaveBeenCalled();
  });

  it("a folder alone goes to a chosen folder too", async () => {
    vi.mocked(api.pickDownloadFolder).mockResolvedValue({ handle: "dir-1", name: "Downloads", size: null, isFolder: true });
    vi.mocked(api.downloadToFolder).mockResolvedValue(transfer({ id: 3, direction: "download" }));
    renderBrowser("docs/");
    fireEvent.click(await screen.findByTestId("object-row-docs/sub/"));
    fireEvent.click(screen.getByTestId("object-download"));
    await waitFor(() => expect(api.downloadToFolder).toHaveBeenCalledWith("p1", "bkt", "docs/", [], ["docs/sub/"], "dir-1", null));
  });

  it("does nothing when the dialog is cancelled", async () => {
    vi.mocked(api.pickSaveLocation).mockResolvedValue(null);
    renderBrowser("docs/");
    fireEvent.click(await screen.findByTestId("object-row-docs/report.pdf"));
    fireEvent.click(screen.getByTestId("object-download"));
    await waitFor(() => expect(api.pickSaveLocation).toHaveBeenCalled());
    await act(async () => {});
    expect(api.downloadToFile).not.toHaveBeenCalled();
    expect(screen.queryByTestId("notice")).toBeNull();
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
    vi.mocked(api.pickSaveLocation).mockResolvedValue({ handle: "h1", name: "a.txt", size: null, isFolder: false });
    vi.mocked(api.downloadToFile).mockRejectedValue(
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

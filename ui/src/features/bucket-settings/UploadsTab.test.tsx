import { act, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { api, type MultipartUpload, type UploadPage } from "../../backend";
import { BackendError } from "../../errors";
import { formatDate } from "../../lib/format";
import { renderWithProviders } from "../../test/render";
import { transfer } from "../transfers/testing";
import { UploadsTab } from "./UploadsTab";

vi.mock("../../backend");

const DAY = 86_400_000;
const NOW = Date.now();

const upload = (key: string, uploadId: string, daysAgo: number, owner = "dev"): MultipartUpload => ({
  key,
  uploadId,
  initiated: NOW - daysAgo * DAY,
  storageClass: "STANDARD",
  owner,
});

const OLD = upload("videos/a.mp4", "u-old", 12);
const OLD_RESUMABLE = upload("imports/scan.pdf", "u-resumable", 30);
const NEW = upload("videos/a.mp4", "u-new", 0.5, "backup-bot");
const LAST = upload("zz/last.bin", "u-last", 100);

/** Two pages: [OLD, OLD_RESUMABLE, NEW] then [LAST]. */
function server() {
  vi.mocked(api.listMultipartUploads).mockImplementation(async (_p, _b, keyMarker, uploadIdMarker): Promise<UploadPage> => {
    if (keyMarker === null) return { uploads: [OLD_RESUMABLE, OLD, NEW], nextKeyMarker: "videos/a.mp4", nextUploadIdMarker: "u-new" };
    if (keyMarker === "videos/a.mp4" && uploadIdMarker === "u-new") return { uploads: [LAST], nextKeyMarker: null, nextUploadIdMarker: null };
    throw new Error(`unexpected markers ${keyMarker} ${uploadIdMarker}`);
  });
  vi.mocked(api.resumableUploads).mockResolvedValue([{ uploadId: "u-resumable", transferId: 7 }]);
}

const rows = () => screen.getAllByTestId(/^upload-u-/).map((r) => r.dataset.testid?.replace(/^upload-/, ""));
const row = (id: string) => screen.getByTestId(`upload-${id}`);

describe("UploadsTab", () => {
  beforeEach(server);

  it("lists the uploads page by page with both markers", async () => {
    renderWithProviders(<UploadsTab profileId="p1" bucket="b1" />);
    await screen.findByTestId("uploads-table");
    expect(rows()).toEqual(["u-resumable", "u-old", "u-new"]);
    expect(api.listMultipartUploads).toHaveBeenCalledWith("p1", "b1", null, null);
    expect(screen.getByTestId("uploads-loaded").textContent).toBe("3 uploads loaded");

    const cells = within(row("u-old")).getAllByRole("cell").map((c) => c.textContent);
    expect(cells[0]).toContain("videos/a.mp4");
    expect(cells.slice(1)).toEqual([formatDate(OLD.initiated), "12 days", "STANDARD", "dev"]);
    expect(within(row("u-new")).getAllByRole("cell")[2].textContent).toBe("12 h");

    fireEvent.click(screen.getByTestId("uploads-more"));
    await waitFor(() => expect(rows()).toEqual(["u-resumable", "u-old", "u-new", "u-last"]));
    expect(api.listMultipartUploads).toHaveBeenLastCalledWith("p1", "b1", "videos/a.mp4", "u-new");
    expect(screen.queryByTestId("uploads-more")).toBeNull();
    expect(screen.getByTestId("uploads-loaded").textContent).toBe("4 uploads loaded");
  });

  it("marks the uploads this app started, and resumes them", async () => {
    vi.mocked(api.resumeTransfer).mockResolvedValue(transfer({ id: 7, state: "queued", filesTotal: 1 }));
    renderWithProviders(<UploadsTab profileId="p1" bucket="b1" />);
    await screen.findByTestId("uploads-table");
    await waitFor(() => expect(within(row("u-resumable")).getByTestId("upload-by-app").textContent).toBe("Started by this app"));
    expect(within(row("u-old")).queryByTestId("upload-by-app")).toBeNull();
    fireEvent.click(within(row("u-resumable")).getByTestId("upload-resume"));
    await waitFor(() => expect(api.resumeTransfer).toHaveBeenCalledWith(7));
    expect(await screen.findByTestId("notice")).toBeTruthy();
    // Sending now: nothing to resume.
    await waitFor(() => expect(within(row("u-resumable")).queryByTestId("upload-resume")).toBeNull());
    expect(within(row("u-resumable")).getByTestId("upload-sending").textContent).toBe("Sending…");
  });

  it("shows an upload's parts, page by page", async () => {
    vi.mocked(api.listUploadParts).mockImplementation(async (_p, _b, _k, _u, marker) =>
      marker === null
        ? {
            parts: [
              { number: 1, size: 16 * 1024 * 1024, etag: '"e1"', lastModified: Date.UTC(2025, 5, 1, 3, 0) },
              { number: 2, size: 16 * 1024 * 1024, etag: '"e2"', lastModified: Date.UTC(2025, 5, 1, 3, 1) },
            ],
            nextMarker: "2",
          }
        : { parts: [{ number: 3, size: 1024, etag: '"e3"', lastModified: null }], nextMarker: null },
    );
    renderWithProviders(<UploadsTab profileId="p1" bucket="b1" />);
    await screen.findByTestId("uploads-table");
    const toggle = within(row("u-old")).getByTestId("upload-parts-toggle");
    expect(toggle.getAttribute("aria-expanded")).toBe("false");
    fireEvent.click(toggle);
    expect(toggle.getAttribute("aria-expanded")).toBe("true");
    const region = await screen.findByTestId("upload-parts-u-old");
    expect(toggle.getAttribute("aria-controls")).toBe(region.id);
    await within(region).findByTestId("upload-part-2");
    expect(api.listUploadParts).toHaveBeenCalledWith("p1", "b1", "videos/a.mp4", "u-old", null);
    expect(within(region).getByTestId("upload-part-1").textContent).toContain("16.0 MiB");
    expect(within(region).getByTestId("upload-part-1").textContent).toContain("e1");
    expect(within(region).getByTestId("upload-parts-loaded").textContent).toBe("2 parts loaded, 32.0 MiB in all");

    fireEvent.click(within(region).getByTestId("upload-parts-more"));
    await within(region).findByTestId("upload-part-3");
    expect(api.listUploadParts).toHaveBeenLastCalledWith("p1", "b1", "videos/a.mp4", "u-old", "2");
    expect(within(region).queryByTestId("upload-parts-more")).toBeNull();

    fireEvent.click(toggle);
    expect(screen.queryByTestId("upload-parts-u-old")).toBeNull();
  });

  it("aborts one upload after saying its parts are lost for good", async () => {
    vi.mocked(api.abortMultipartUpload).mockResolvedValue(null);
    renderWithProviders(<UploadsTab profileId="p1" bucket="b1" />);
    await screen.findByTestId("uploads-table");
    fireEvent.click(within(row("u-old")).getByTestId("upload-abort"));
    const dialog = screen.getByTestId("confirm-dialog");
    expect(dialog.textContent).toContain("Abort the upload of “videos/a.mp4”");
    expect(dialog.textContent).toContain("The parts uploaded so far are discarded and cannot be recovered.");
    expect(document.activeElement).toBe(screen.getByTestId("confirm-cancel"));
    fireEvent.click(screen.getByTestId("confirm-ok"));
    await waitFor(() => expect(api.abortMultipartUpload).toHaveBeenCalledWith("p1", "b1", "videos/a.mp4", "u-old"));
    expect((await screen.findByTestId("notice")).textContent).toContain("Aborted the upload of “videos/a.mp4”.");
    // The list is read again from its first page.
    await waitFor(() => expect(vi.mocked(api.listMultipartUploads).mock.calls.filter((c) => c[2] === null).length).toBe(2));
  });

  it("keeps the dialog open with the reason when the upload is gone", async () => {
    vi.mocked(api.abortMultipartUpload).mockRejectedValue(
      new BackendError({ code: "NoSuchUpload", status: 404, requestId: "tx-u1", detail: "gone" }),
    );
    renderWithProviders(<UploadsTab profileId="p1" bucket="b1" />);
    await screen.findByTestId("uploads-table");
    fireEvent.click(within(row("u-old")).getByTestId("upload-abort"));
    fireEvent.click(screen.getByTestId("confirm-ok"));
    expect((await screen.findByTestId("error-code")).textContent).toBe("NoSuchUpload");
    expect((screen.getByTestId("confirm-ok") as HTMLButtonElement).disabled).toBe(true);
  });

  it("aborts the uploads older than N days, keeping the ones this app can resume", async () => {
    vi.mocked(api.abortMultipartUploadsOlderThan).mockResolvedValue([OLD, LAST]);
    renderWithProviders(<UploadsTab profileId="p1" bucket="b1" />);
    await screen.findByTestId("uploads-table");
    await waitFor(() => expect(within(row("u-resumable")).queryByTestId("upload-by-app")).toBeTruthy());
    expect((screen.getByTestId("uploads-older-days") as HTMLInputElement).value).toBe("7");
    expect((screen.getByTestId("uploads-include-resumable") as HTMLInputElement).checked).toBe(false);

    fireEvent.click(screen.getByTestId("uploads-abort-old"));
    const dialog = screen.getByTestId("confirm-dialog");
    // Of the loaded ones: OLD (12 days); OLD_RESUMABLE is kept; NEW is too young. More pages exist.
    expect(screen.getByTestId("uploads-abort-old-question").textContent).toBe("Abort 1 upload started more than 7 days ago?");
    expect(screen.getByTestId("uploads-abort-old-more").textContent).toContain("the ones older than 7 days among the rest are aborted too");
    expect(dialog.textContent).toContain("1 upload this app can resume is kept.");
    expect(dialog.textContent).toContain("Their uploaded parts are discarded and cannot be recovered.");
    fireEvent.click(screen.getByTestId("confirm-ok"));
    await waitFor(() => expect(api.abortMultipartUploadsOlderThan).toHaveBeenCalledWith("p1", "b1", 7, false));
    // What Rust aborted, from every page.
    expect((await screen.findByTestId("notice")).textContent).toContain("Aborted 2 uploads.");
  });

  it("aborts the resumable ones too when asked, and after another number of days", async () => {
    vi.mocked(api.abortMultipartUploadsOlderThan).mockResolvedValue([OLD_RESUMABLE]);
    renderWithProviders(<UploadsTab profileId="p1" bucket="b1" />);
    await screen.findByTestId("uploads-table");
    fireEvent.click(screen.getByTestId("uploads-more"));
    await waitFor(() => expect(rows()).toHaveLength(4));
    await waitFor(() => expect(within(row("u-resumable")).queryByTestId("upload-by-app")).toBeTruthy());
    fireEvent.change(screen.getByTestId("uploads-older-days"), { target: { value: "20" } });
    fireEvent.click(screen.getByTestId("uploads-include-resumable"));
    fireEvent.click(screen.getByTestId("uploads-abort-old"));
    // OLD_RESUMABLE (30 days) and LAST (100 days); every page is loaded.
    expect(screen.getByTestId("uploads-abort-old-question").textContent).toBe("Abort 2 uploads started more than 20 days ago?");
    expect(screen.queryByTestId("uploads-abort-old-more")).toBeNull();
    expect(screen.getByTestId("confirm-dialog").textContent).toContain("Uploads this app started are aborted too");
    fireEvent.click(screen.getByTestId("confirm-ok"));
    await waitFor(() => expect(api.abortMultipartUploadsOlderThan).toHaveBeenCalledWith("p1", "b1", 20, true));
    expect((await screen.findByTestId("notice")).textContent).toContain("Aborted 1 upload.");
  });

  it("refuses a number of days that is not a whole number", async () => {
    renderWithProviders(<UploadsTab profileId="p1" bucket="b1" />);
    await screen.findByTestId("uploads-table");
    fireEvent.change(screen.getByTestId("uploads-older-days"), { target: { value: "1.5" } });
    expect((screen.getByTestId("uploads-abort-old") as HTMLButtonElement).disabled).toBe(true);
    expect(screen.getByRole("alert").textContent).toBe("Enter a whole number of days, 0 or more.");
  });

  it("says when nothing loaded is old enough and nothing more exists", async () => {
    vi.mocked(api.listMultipartUploads).mockResolvedValue({ uploads: [NEW], nextKeyMarker: null, nextUploadIdMarker: null });
    renderWithProviders(<UploadsTab profileId="p1" bucket="b1" />);
    await screen.findByTestId("uploads-table");
    fireEvent.click(screen.getByTestId("uploads-abort-old"));
    expect(screen.getByTestId("uploads-abort-old-question").textContent).toBe("None of the uploads loaded was started more than 7 days ago.");
    expect((screen.getByTestId("confirm-ok") as HTMLButtonElement).disabled).toBe(true);
  });

  it("says when there is no upload in progress", async () => {
    vi.mocked(api.listMultipartUploads).mockResolvedValue({ uploads: [], nextKeyMarker: null, nextUploadIdMarker: null });
    renderWithProviders(<UploadsTab profileId="p1" bucket="b1" />);
    expect((await screen.findByTestId("uploads-empty")).textContent).toBe(
      "No upload is in progress in this bucket: no unfinished parts take up space.",
    );
    expect(screen.queryByTestId("uploads-abort-old")).toBeNull();
  });

  it("shows why the list could not be read", async () => {
    vi.mocked(api.listMultipartUploads).mockRejectedValue(
      new BackendError({ code: "AccessDenied", status: 403, requestId: "tx-u2", detail: "denied" }),
    );
    renderWithProviders(<UploadsTab profileId="p1" bucket="b1" />);
    expect((await screen.findByTestId("error-context")).textContent).toBe("Could not read the uploads in progress.");
  });

  it("speaks Chinese", async () => {
    renderWithProviders(<UploadsTab profileId="p1" bucket="b1" />, "zh-CN");
    await screen.findByTestId("uploads-table");
    expect(within(row("u-old")).getAllByRole("cell")[2].textContent).toBe("12 天");
    await act(async () => {});
    fireEvent.click(screen.getByTestId("uploads-abort-old"));
    expect(screen.getByTestId("uploads-abort-old-question").textContent).toBe("中止 1 个已开始超过 7 天的上传？");
  });
});

import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { useState } from "react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { api } from "../../backend";
import { BackendError } from "../../errors";
import type { Locale } from "../../i18n";
import { renderWithProviders } from "../../test/render";
import { ShareDialog } from "./ShareDialog";

vi.mock("../../backend");

const writeText = vi.fn<(text: string) => Promise<void>>();

beforeEach(() => {
  vi.resetAllMocks();
  writeText.mockResolvedValue(undefined);
  Object.defineProperty(navigator, "clipboard", { value: { writeText }, configurable: true });
});

afterEach(() => {
  Object.defineProperty(navigator, "clipboard", { value: undefined, configurable: true });
});

/** An opener button and the dialog it opens (so focus can return to it). */
function Harness({ versionId = null }: { versionId?: string | null }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" data-testid="opener" onClick={() => setOpen(true)}>
        open
      </button>
      {open && <ShareDialog profileId="p1" bucket="bkt" objectKey="docs/report.pdf" versionId={versionId} onClose={() => setOpen(false)} />}
    </>
  );
}

function open(locale: Locale = "en", versionId: string | null = null) {
  renderWithProviders(<Harness versionId={versionId} />, locale);
  fireEvent.click(screen.getByTestId("opener"));
  return screen.getByTestId("share-dialog");
}

const set = (testId: string, value: string) => fireEvent.change(screen.getByTestId(testId), { target: { value } });

describe("download link", () => {
  it("signs a GET for the expiry and download name, shows it with a QR code, and copies it", async () => {
    const url = "https://s3.example.com/bkt/docs/report.pdf?X-Amz-Expires=86400";
    vi.mocked(api.shareGetLink).mockResolvedValue(url);
    const dialog = open("en", "v1");
    expect(within(dialog).getByRole("heading", { name: "Share: report.pdf" })).toBeTruthy();
    expect(dialog.textContent).toContain("Anyone with the link can read this object until it expires.");
    set("share-expiry", "86400");
    fireEvent.click(screen.getByTestId("share-get-save-as"));
    fireEvent.click(screen.getByTestId("share-get-create"));
    await waitFor(() => expect(screen.getByTestId<HTMLInputElement>("share-get-url-value").value).toBe(url));
    expect(api.shareGetLink).toHaveBeenCalledWith("p1", { bucket: "bkt", key: "docs/report.pdf", versionId: "v1" }, 86400, "report.pdf");
    expect(screen.getByTestId("share-qr").querySelector("path")?.getAttribute("d")).toMatch(/^M/);

    fireEvent.click(screen.getByTestId("share-get-url-copy"));
    expect((await screen.findByTestId("share-get-url-status")).textContent).toBe("Copied");
    expect(writeText).toHaveBeenCalledWith(url);
  });

  it("takes custom hours, refuses them out of range, and sends no download name by default", async () => {
    vi.mocked(api.shareGetLink).mockResolvedValue("https://x");
    open();
    set("share-expiry", "custom");
    set("share-hours", "169");
    expect(screen.getByTestId<HTMLButtonElement>("share-get-create").disabled).toBe(true);
    set("share-hours", "0");
    expect(screen.getByTestId<HTMLButtonElement>("share-get-create").disabled).toBe(true);
    set("share-hours", "5");
    fireEvent.click(screen.getByTestId("share-get-create"));
    await screen.findByTestId("share-get-url");
    expect(api.shareGetLink).toHaveBeenCalledWith("p1", { bucket: "bkt", key: "docs/report.pdf", versionId: null }, 5 * 3600, null);
  });

  it("says so when the link is too long for a QR code", async () => {
    vi.mocked(api.shareGetLink).mockResolvedValue(`https://x/${"a".repeat(3000)}`);
    open();
    fireEvent.click(screen.getByTestId("share-get-create"));
    expect((await screen.findByTestId("share-qr-too-long")).textContent).toBe("The link is too long for a QR code.");
  });

  it("shows the backend's error", async () => {
    vi.mocked(api.shareGetLink).mockRejectedValue(
      new BackendError({ code: "InvalidInput", status: null, requestId: null, detail: "expiry must be between 60 s and 7 days" }),
    );
    const dialog = open();
    fireEvent.click(screen.getByTestId("share-get-create"));
    await waitFor(() => expect(dialog.textContent).toContain("Could not create the link."));
    expect(screen.queryByTestId("share-get-url")).toBeNull();
  });
});

describe("upload link", () => {
  it("signs a PUT to the key in the object's folder, with the content type, and shows headers and curl", async () => {
    vi.mocked(api.sharePutLink).mockResolvedValue({
      url: "https://s3.example.com/bkt/docs/new.png?sig",
      method: "PUT",
      headers: [["content-type", "image/png"]],
      curl: "curl -X PUT -H 'content-type: image/png' --upload-file <path> 'https://s3.example.com/bkt/docs/new.png?sig'",
    });
    open();
    fireEvent.click(screen.getByTestId("share-tab-get"));
    fireEvent.mouseDown(screen.getByTestId("share-tab-put"));
    const key = await screen.findByTestId<HTMLInputElement>("share-put-key");
    expect(key.value).toBe("docs/");
    expect(screen.getByTestId<HTMLButtonElement>("share-put-create").disabled).toBe(true);
    set("share-put-key", "docs/new.png");
    set("share-put-type", "image/png");
    set("share-expiry", "604800");
    fireEvent.click(screen.getByTestId("share-put-create"));
    expect((await screen.findByTestId<HTMLTextAreaElement>("share-put-curl-value")).value).toContain("<path>");
    expect(api.sharePutLink).toHaveBeenCalledWith("p1", "bkt", "docs/new.png", 604800, "image/png");
    expect(screen.getByTestId<HTMLTextAreaElement>("share-put-headers-value").value).toBe("content-type: image/png");
    expect(screen.getByTestId<HTMLInputElement>("share-put-url-value").value).toBe("https://s3.example.com/bkt/docs/new.png?sig");
    fireEvent.click(screen.getByTestId("share-put-curl-copy"));
    await screen.findByTestId("share-put-curl-status");
    expect(writeText).toHaveBeenCalledWith(expect.stringContaining("curl -X PUT"));
  });
});

describe("upload form", () => {
  const form = {
    url: "https://s3.example.com/bkt",
    fields: [
      ["key", "docs/${filename}"],
      ["policy", "p".repeat(200)],
    ] as [string, string][],
    curl: "curl -F key=docs/${filename} -F file=@<path> https://s3.example.com/bkt",
    html: '<form action="https://s3.example.com/bkt" method="post"></form>',
  };

  it("signs a POST for any name under the folder with a size cap in bytes, and shows fields, curl and HTML", async () => {
    vi.mocked(api.sharePostForm).mockResolvedValue(form);
    open();
    fireEvent.mouseDown(screen.getByTestId("share-tab-post"));
    expect((await screen.findByTestId<HTMLInputElement>("share-post-key")).value).toBe("docs/");
    set("share-post-size", "-1");
    expect(screen.getByTestId<HTMLButtonElement>("share-post-create").disabled).toBe(true);
    set("share-post-size", "10");
    set("share-post-type-mode", "startsWith");
    set("share-post-type", "image/");
    fireEvent.click(screen.getByTestId("share-post-create"));
    const fields = await screen.findByTestId("share-post-fields");
    expect(api.sharePostForm).toHaveBeenCalledWith("p1", {
      bucket: "bkt",
      key: { startsWith: "docs/" },
      expiresInSecs: 3600,
      maxSizeBytes: 10 * 1024 * 1024,
      minSizeBytes: null,
      contentType: { startsWith: "image/" },
      successActionStatus: null,
    });
    const policy = within(fields).getByTitle("p".repeat(200));
    expect(policy.textContent).toBe(`${"p".repeat(60)}…`);
    expect(screen.getByTestId<HTMLTextAreaElement>("share-post-curl-value").value).toBe(form.curl);
    expect(screen.getByTestId<HTMLTextAreaElement>("share-post-html-value").value).toBe(form.html);
    fireEvent.click(screen.getByTestId("share-post-html-copy"));
    await screen.findByTestId("share-post-html-status");
    expect(writeText).toHaveBeenCalledWith(form.html);
  });

  it("signs an exact key with no size or type rule", async () => {
    vi.mocked(api.sharePostForm).mockResolvedValue(form);
    open();
    fireEvent.mouseDown(screen.getByTestId("share-tab-post"));
    fireEvent.click(await screen.findByTestId("share-post-key-exact"));
    expect(screen.getByTestId<HTMLButtonElement>("share-post-create").disabled).toBe(true);
    set("share-post-key", "docs/in.txt");
    fireEvent.click(screen.getByTestId("share-post-create"));
    await screen.findByTestId("share-post-fields");
    expect(api.sharePostForm).toHaveBeenCalledWith("p1", expect.objectContaining({ key: { exact: "docs/in.txt" }, maxSizeBytes: null, contentType: null }));
  });
});

describe("the dialog", () => {
  it("closes on Escape and gives the focus back to its opener", async () => {
    const user = userEvent.setup();
    renderWithProviders(<Harness />);
    await user.click(screen.getByTestId("opener"));
    await screen.findByTestId("share-dialog");
    await user.keyboard("{Escape}");
    await waitFor(() => expect(screen.queryByTestId("share-dialog")).toBeNull());
    await waitFor(() => expect(document.activeElement).toBe(screen.getByTestId("opener")));
  });

  it("speaks Chinese", () => {
    const dialog = open("zh-CN");
    expect(within(dialog).getByRole("heading", { name: "分享：report.pdf" })).toBeTruthy();
    expect(screen.getByTestId("share-tab-get").textContent).toBe("下载链接");
    expect(screen.getByTestId("share-tab-post").textContent).toBe("上传表单");
    expect(screen.getByTestId("share-get-create").textContent).toBe("创建链接");
    expect(within(dialog).getByLabelText("有效期")).toBeTruthy();
  });
});

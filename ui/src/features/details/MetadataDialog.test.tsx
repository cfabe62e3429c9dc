import { useState } from "react";
import { act, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { api, type ObjectDetails, type Problem } from "../../backend";
import { BackendError } from "../../errors";
import { renderWithProviders } from "../../test/render";
import { dispositionInput, editFromForm, expiresInput, formFromDetails } from "./metadataForm";
import { MetadataDialog } from "./MetadataDialog";

vi.mock("../../backend");

function details(over: Partial<ObjectDetails> = {}): ObjectDetails {
  return {
    key: "docs/报告.txt",
    size: 2048,
    contentType: "text/plain",
    lastModified: "2025-03-04T14:05:00Z",
    etag: '"5d41402abc4b2a76b9719d911017c592"',
    versionId: null,
    storageClass: "STANDARD",
    objectType: "Normal",
    metadata: { title: "项目报告" },
    rawMetadata: { title: "=?UTF-8?B?6aG555uu5oql5ZGK?=" },
    cacheControl: "max-age=60",
    expires: "Wed, 02 Jan 2030 03:04:05 GMT",
    ...over,
  };
}

const problem = (field: string, code: Problem["code"], detail = ""): Problem => ({ field, code, limit: null, line: null, column: null, detail });

function open(d = details(), locale: "en" | "zh-CN" = "en") {
  const onClose = vi.fn();
  const onSaved = vi.fn();
  renderWithProviders(<MetadataDialog profileId="p1" bucket="bkt" details={d} onClose={onClose} onSaved={onSaved} />, locale);
  return { onClose, onSaved, dialog: screen.getByTestId("metadata-dialog") };
}

const input = (id: string) => screen.getByTestId<HTMLInputElement>(id);

beforeEach(() => {
  vi.mocked(api.getBucketVersioning).mockResolvedValue(null);
  vi.mocked(api.checkMetadataEdit).mockResolvedValue([]);
});

describe("the metadata form", () => {
  it("starts from the details: decoded values, a readable file name, Expires in UTC", () => {
    const form = formFromDetails(details());
    expect(form.rows.map((r) => [r.name, r.value])).toEqual([["title", "项目报告"]]);
    expect(form.expires).toBe("2030-01-02T03:04:05");
    expect(expiresInput("not a date")).toBe("");
    expect(
      dispositionInput({ contentDisposition: "inline; filename=\"__.pdf\"; filename*=UTF-8''%E6%8A%A5.pdf", contentDispositionFileName: "报.pdf" }),
    ).toBe('inline; filename="报.pdf"');
    const edit = editFromForm({ ...form, expires: "2031-05-06T07:08", cacheControl: " ", storageClass: "__other__", storageOther: "COLD" }, details());
    expect(edit).toMatchObject({ expires: "2031-05-06T07:08:00Z", cacheControl: null, storageClass: "COLD", expectedEtag: details().etag });
  });
});

describe("MetadataDialog", () => {
  it("saves every field with the ETag the user saw, then closes with the new details", async () => {
    const saved = details({ contentType: "text/markdown" });
    vi.mocked(api.updateObjectMetadata).mockResolvedValue(saved);
    const { onClose, onSaved, dialog } = open();
    expect(input("metadata-contentType").value).toBe("text/plain");
    expect(input("metadata-name-0").value).toBe("title");
    expect(input("metadata-value-0").value).toBe("项目报告");
    fireEvent.change(input("metadata-contentType"), { target: { value: "text/markdown" } });
    fireEvent.change(input("metadata-contentDisposition"), { target: { value: 'attachment; filename="季度报告.md"' } });
    fireEvent.click(within(dialog).getByTestId("metadata-add"));
    fireEvent.change(input("metadata-name-1"), { target: { value: "reviewed-by" } });
    fireEvent.change(input("metadata-value-1"), { target: { value: "张三" } });
    fireEvent.change(screen.getByTestId("metadata-storageClass"), { target: { value: "STANDARD_IA" } });
    fireEvent.click(screen.getByTestId("metadata-save"));
    await waitFor(() => expect(onClose).toHaveBeenCalled());
    expect(onSaved).toHaveBeenCalledWith(saved);
    expect(api.updateObjectMetadata).toHaveBeenCalledWith("p1", "bkt", "docs/报告.txt", {
      contentType: "text/markdown",
      cacheControl: "max-age=60",
      contentDisposition: 'attachment; filename="季度报告.md"',
      contentEncoding: null,
      contentLanguage: null,
      expires: "2030-01-02T03:04:05Z",
      metadata: [
        { name: "title", value: "项目报告" },
        { name: "reviewed-by", value: "张三" },
      ],
      storageClass: "STANDARD_IA",
      expectedEtag: details().etag,
      expectedLastModified: details().lastModified,
    });
  });

  it("brings the object's row in the loaded listing up to date", async () => {
    vi.mocked(api.updateObjectMetadata).mockResolvedValue(details({ storageClass: "COLD", lastModified: "2026-01-02T03:04:05Z", etag: '"new"' }));
    const onClose = vi.fn();
    const { queryClient } = renderWithProviders(<MetadataDialog profileId="p1" bucket="bkt" details={details()} onClose={onClose} />);
    const row = { key: "docs/报告.txt", size: 2048, lastModified: 0, storageClass: "STANDARD", etag: '"old"' };
    const other = { ...row, key: "docs/other.txt" };
    queryClient.setQueryData(["objects", "p1", "bkt", "docs/"], { pages: [{ bucket: "bkt", prefix: "docs/", folders: [], objects: [row, other], nextToken: null }], pageParams: [null] });
    fireEvent.click(screen.getByTestId("metadata-save"));
    await waitFor(() => expect(onClose).toHaveBeenCalled());
    const data = queryClient.getQueryData<{ pages: { objects: (typeof row)[] }[] }>(["objects", "p1", "bkt", "docs/"]);
    expect(data?.pages[0].objects).toEqual([{ ...row, storageClass: "COLD", lastModified: Date.UTC(2026, 0, 2, 3, 4, 5), etag: '"new"' }, other]);
  });

  it("removes a row, and shows Rust's problems by field and row, sending nothing", async () => {
    vi.mocked(api.checkMetadataEdit).mockResolvedValue([
      problem("ContentType", "Malformed"),
      problem("Metadata[0].Name", "NotAllowed"),
      problem("Metadata[1].Name", "Malformed"),
      problem("Metadata", "TooLong", "2100 bytes"),
    ]);
    open(details({ metadata: { a_b: "1", "has space": "2", gone: "3" }, rawMetadata: {} }));
    fireEvent.click(screen.getByTestId("metadata-remove-2"));
    expect(screen.queryByTestId("metadata-name-2")).toBeNull();
    fireEvent.click(screen.getByTestId("metadata-save"));
    expect((await screen.findByTestId("metadata-contentType-error")).textContent).toBe("Write the content type as type/subtype, for example text/plain.");
    expect(screen.getByTestId("metadata-row-0-error").textContent).toBe("The server stores _ as - (a_b becomes a-b): write - instead.");
    expect(screen.getByTestId("metadata-row-1-error").textContent).toContain("no spaces, no Chinese");
    expect(screen.getByTestId("metadata-metadata-error").textContent).toBe("User metadata may take at most 2048 bytes in all; this takes 2100.");
    expect(input("metadata-name-0").getAttribute("aria-invalid")).toBe("true");
    expect(api.checkMetadataEdit).toHaveBeenCalledWith(expect.objectContaining({ metadata: [{ name: "a_b", value: "1" }, { name: "has space", value: "2" }] }));
    expect(api.updateObjectMetadata).not.toHaveBeenCalled();
  });

  it("says in words that the object changed since it was opened (zh-CN)", async () => {
    vi.mocked(api.updateObjectMetadata).mockRejectedValue(
      new BackendError({ code: "PreconditionFailed", status: 412, requestId: "tx", detail: "the object changed since you opened it; nothing was saved" }),
    );
    const { onClose } = open(details(), "zh-CN");
    fireEvent.click(screen.getByTestId("metadata-save"));
    const error = await screen.findByTestId("metadata-error");
    expect(within(error).getByTestId("error-context").textContent).toBe("“报告.txt”在您打开后已被更改，因此未保存任何内容。请关闭此对话框并重新打开，以编辑新版本。");
    expect(onClose).not.toHaveBeenCalled();
    expect(screen.getByTestId("metadata-save").textContent).toBe("保存");
  });

  it("keeps the details it opened with as the save's precondition, and has the pane read the object again after a refusal", async () => {
    vi.mocked(api.updateObjectMetadata).mockRejectedValue(
      new BackendError({ code: "PreconditionFailed", status: 412, requestId: "tx", detail: "changed" }),
    );
    const first = details();
    let readAgain: () => void = () => {};
    function Pane() {
      const [d, setD] = useState(first);
      readAgain = () => setD(details({ etag: '"theirs"', lastModified: "2026-05-05T00:00:00Z" }));
      return <MetadataDialog profileId="p1" bucket="bkt" details={d} onClose={vi.fn()} />;
    }
    const { queryClient } = renderWithProviders(<Pane />);
    const headKey = ["head", "p1", "bkt", first.key];
    queryClient.setQueryData(headKey, first);
    // The pane read the object again (someone changed it): the dialog still names what it opened with.
    act(() => readAgain());
    fireEvent.click(screen.getByTestId("metadata-save"));
    await screen.findByTestId("metadata-error");
    expect(vi.mocked(api.updateObjectMetadata).mock.calls[0][3]).toMatchObject({ expectedEtag: first.etag, expectedLastModified: first.lastModified });
    expect(queryClient.getQueryState(headKey)?.isInvalidated).toBe(true);
  });

  it("names an unknown storage class typed under Other…", async () => {
    vi.mocked(api.updateObjectMetadata).mockRejectedValue(new BackendError({ code: "InvalidStorageClass", status: 400, requestId: "tx", detail: "" }));
    open();
    fireEvent.change(screen.getByTestId("metadata-storageClass"), { target: { value: "__other__" } });
    fireEvent.change(input("metadata-storageOther"), { target: { value: "cold" } });
    expect(input("metadata-storageOther").value).toBe("COLD");
    fireEvent.click(screen.getByTestId("metadata-save"));
    expect(within(await screen.findByTestId("metadata-error")).getByTestId("error-context").textContent).toBe(
      "The server has no storage class “COLD”. Nothing was changed.",
    );
  });

  it("says a versioned bucket makes a new version, and an encrypted object may be refused", async () => {
    vi.mocked(api.getBucketVersioning).mockResolvedValue({ status: "Enabled", mfaDelete: null });
    open(details({ serverSideEncryption: "aws:kms", sseKmsKeyId: "testkey-1" }));
    expect((await screen.findByTestId("metadata-new-version")).textContent).toContain("saving makes a new version");
    expect(screen.getByTestId("metadata-encrypted")).toBeTruthy();
  });

  it("refuses appendable and very large objects before anything is sent", () => {
    open(details({ objectType: "Appendable" }));
    expect(screen.getByTestId("metadata-blocked").textContent).toContain("can no longer be appended to");
    expect(screen.getByTestId<HTMLButtonElement>("metadata-save").disabled).toBe(true);
    expect(input("metadata-contentType").disabled).toBe(true);
  });

  it("refuses an object over 5 GiB", () => {
    open(details({ size: 6 * 1024 ** 3 }));
    expect(screen.getByTestId("metadata-blocked").textContent).toContain("larger than 5 GiB");
  });

  it("every control has a label", () => {
    open();
    for (const el of screen.getByTestId("metadata-dialog").querySelectorAll("input, select, button")) {
      const labelled = el.getAttribute("aria-label") || (el.id && document.querySelector(`label[for="${el.id}"]`)) || el.textContent?.trim();
      expect(labelled, el.outerHTML).toBeTruthy();
    }
  });
});

import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { api, type LocalFile } from "../../backend";
import { BackendError } from "../../errors";
import { renderWithProviders } from "../../test/render";
import { transfer } from "../transfers/testing";
import { TransfersProvider } from "../transfers/TransfersProvider";
import { ObjectBrowser } from "./ObjectBrowser";
import { obj, page } from "./testing";
import {
  checkOptions,
  EMPTY_FORM,
  generateCustomerKey,
  isCustomerKey,
  optionsFromForm,
  sentValueBytes,
  type OptionsForm,
  type Pair,
} from "./uploadOptions";

vi.mock("../../backend");

const KEY = "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY="; // 32 bytes: "0123456789abcdef" twice
const pairs = (...kv: [string, string][]): Pair[] => kv.map(([name, value], id) => ({ id, name, value }));
const form = (change: Partial<OptionsForm>): OptionsForm => ({ ...EMPTY_FORM, ...change });
const kinds = (f: OptionsForm) => checkOptions(f).map((p) => `${p.field}:${p.kind}${"row" in p && p.row !== null ? `@${p.row}` : ""}`);

describe("upload options: the form's rules (Rust's UploadOptions::check)", () => {
  it("nothing chosen is nothing sent: the defaults", () => {
    expect(checkOptions(EMPTY_FORM)).toEqual([]);
    expect(optionsFromForm(EMPTY_FORM)).toEqual({ acl: null, storageClass: null, contentType: null, metadata: {}, tags: {}, encryption: null });
  });

  it("a storage class is capitals and _; a content type is type/subtype without control characters", () => {
    expect(kinds(form({ storageClass: "STANDARD_IA" }))).toEqual([]);
    expect(kinds(form({ storageClass: "standard" }))).toEqual(["storageClass:storageClass"]);
    expect(kinds(form({ storageClass: "STANDARD-IA" }))).toEqual(["storageClass:storageClass"]);
    expect(kinds(form({ contentType: "text/plain; charset=utf-8" }))).toEqual([]);
    expect(kinds(form({ contentType: "text" }))).toEqual(["contentType:contentType"]);
    expect(kinds(form({ contentType: "text/pl\nain" }))).toEqual(["contentType:contentType"]);
  });

  it("metadata names are letters, digits, - _ . and given once; 2 KiB in all as sent (RFC 2047 for non-ASCII)", () => {
    expect(kinds(form({ metadata: pairs(["uploaded-by", "me"], ["v1.2_x", "项目"], ["", ""]) }))).toEqual([]);
    expect(kinds(form({ metadata: pairs(["uploaded by", "me"]) }))).toEqual(["metadata:nameChars@0"]);
    expect(kinds(form({ metadata: pairs(["", "orphan"]) }))).toEqual(["metadata:nameMissing@0"]);
    expect(kinds(form({ metadata: pairs(["Owner", "a"], ["owner", "b"]) }))).toEqual(["metadata:duplicate@1"]);
    expect(sentValueBytes("plain")).toBe(5);
    expect(sentValueBytes("项目报告")).toBe(12 + 16); // 12 bytes of UTF-8 → 16 of base64, in =?UTF-8?B?…?=
    expect(sentValueBytes("a=?b")).toBe(12 + 8);
    // 2,048 bytes pass, one more does not.
    expect(kinds(form({ metadata: pairs(["k", "x".repeat(2047)]) }))).toEqual([]);
    expect(checkOptions(form({ metadata: pairs(["k", "x".repeat(2048)]) }))).toEqual([{ field: "metadata", row: null, kind: "tooBig", bytes: 2049 }]);
    // 700 Chinese characters are 2,100 bytes of UTF-8, 2,812 as sent.
    expect(checkOptions(form({ metadata: pairs(["k", "字".repeat(700)]) }))).toEqual([{ field: "metadata", row: null, kind: "tooBig", bytes: 2813 }]);
  });

  it("at most 10 tags, a key of 1–128 characters, a value of at most 256 (characters, not UTF-16 units)", () => {
    const ten = Array.from({ length: 10 }, (_, i) => [`k${i}`, "v"] as [string, string]);
    expect(kinds(form({ tags: pairs(...ten) }))).toEqual([]);
    expect(kinds(form({ tags: pairs(...ten, ["k10", "v"]) }))).toEqual(["tags:tooMany"]);
    expect(kinds(form({ tags: pairs(["😀".repeat(128), "v"]) }))).toEqual([]);
    expect(kinds(form({ tags: pairs(["😀".repeat(129), "v"]) }))).toEqual(["tags:keyTooLong@0"]);
    expect(kinds(form({ tags: pairs(["k", "v".repeat(257)]) }))).toEqual(["tags:valueTooLong@0"]);
    expect(kinds(form({ tags: pairs(["", "v"]) }))).toEqual(["tags:keyMissing@0"]);
    expect(kinds(form({ tags: pairs(["k", "a"], ["k", "b"]) }))).toEqual(["tags:duplicate@1"]);
  });

  it("encryption: SSE-S3, SSE-KMS with or without a key id, SSE-C with 32 bytes in base64", () => {
    expect(optionsFromForm(form({ encryption: "aes256" })).encryption).toEqual({ kind: "aes256" });
    expect(optionsFromForm(form({ encryption: "kms", kmsKeyId: "  " })).encryption).toEqual({ kind: "kms", keyId: null });
    expect(optionsFromForm(form({ encryption: "kms", kmsKeyId: " key-1 " })).encryption).toEqual({ kind: "kms", keyId: "key-1" });
    expect(kinds(form({ encryption: "customerKey", customerKey: "" }))).toEqual(["customerKey:customerKey"]);
    expect(kinds(form({ encryption: "customerKey", customerKey: KEY.slice(1) }))).toEqual(["customerKey:customerKey"]);
    expect(kinds(form({ encryption: "customerKey", customerKey: btoa("x".repeat(33)) }))).toEqual(["customerKey:customerKey"]);
    expect(kinds(form({ encryption: "customerKey", customerKey: KEY }))).toEqual([]);
    expect(optionsFromForm(form({ encryption: "customerKey", customerKey: KEY })).encryption).toEqual({ kind: "customerKey", keyBase64: KEY });
    // Another choice drops the key that was typed.
    expect(JSON.stringify(optionsFromForm(form({ encryption: "aes256", customerKey: KEY })))).not.toContain(KEY);
  });

  it("a generated key is 32 random bytes in base64", () => {
    const a = generateCustomerKey();
    expect(a).toHaveLength(44);
    expect(isCustomerKey(a)).toBe(true);
    expect(generateCustomerKey()).not.toBe(a);
  });
});

const files: LocalFile[] = [
  { handle: "h-a", name: "a.txt", size: 10, isFolder: false },
  { handle: "h-b", name: "报告.pdf", size: 20, isFolder: false },
];

function renderBrowser() {
  return renderWithProviders(
    <TransfersProvider>
      <ObjectBrowser profileId="p1" bucket="bkt" prefix="docs/" onNavigate={vi.fn()} />
    </TransfersProvider>,
  );
}

async function openOptions(item = "object-upload-options") {
  renderBrowser();
  await screen.findByTestId("object-row-docs/a.txt");
  const user = userEvent.setup();
  screen.getByTestId("object-more").focus();
  await user.keyboard("{Enter}");
  await screen.findByRole("menu");
  fireEvent.click(screen.getByTestId(item));
  return screen.findByTestId("upload-options-dialog");
}

const field = (dialog: HTMLElement, id: string) => within(dialog).getByTestId<HTMLInputElement>(id);
const type = (dialog: HTMLElement, id: string, value: string) => fireEvent.change(field(dialog, id), { target: { value } });

describe("upload with options", () => {
  beforeEach(() => {
    vi.mocked(api.headObject).mockReturnValue(new Promise(() => {}));
    vi.mocked(api.listObjects).mockResolvedValue(page("docs/", [], [obj("docs/a.txt")]));
    vi.mocked(api.pickFilesToUpload).mockResolvedValue(files);
    vi.mocked(api.pickFolderToUpload).mockResolvedValue({ handle: "h-dir", name: "photos", size: null, isFolder: true });
    vi.mocked(api.uploadLocal).mockResolvedValue(transfer({ id: 3, destination: "bkt/docs/", state: "queued" }));
  });

  afterEach(() => vi.restoreAllMocks());

  it("picks the files first, then sends every option chosen with them", async () => {
    const dialog = await openOptions();
    expect(api.pickFilesToUpload).toHaveBeenCalled();
    expect(within(dialog).getByTestId("upload-options-what").textContent).toBe("Upload 2 items to bkt/docs/");
    expect(field(dialog, "upload-options-content-type").placeholder).toBe("Guessed from the file name");
    fireEvent.change(field(dialog, "upload-options-acl"), { target: { value: "public-read" } });
    type(dialog, "upload-options-storage-class", "STANDARD_IA");
    type(dialog, "upload-options-content-type", "text/plain");
    fireEvent.click(within(dialog).getByTestId("upload-options-meta-add"));
    fireEvent.click(within(dialog).getByTestId("upload-options-meta-add"));
    type(dialog, "upload-options-meta-name-0", "uploaded-by");
    type(dialog, "upload-options-meta-value-0", "项目 报告");
    type(dialog, "upload-options-meta-name-1", "gone");
    fireEvent.click(within(dialog).getByTestId("upload-options-meta-remove-1"));
    fireEvent.click(within(dialog).getByTestId("upload-options-tag-add"));
    type(dialog, "upload-options-tag-key-0", "project");
    type(dialog, "upload-options-tag-value-0", "zos");
    fireEvent.change(field(dialog, "upload-options-encryption"), { target: { value: "kms" } });
    type(dialog, "upload-options-kms-key", "arn:key/1");
    fireEvent.click(within(dialog).getByTestId("upload-options-submit"));
    await waitFor(() =>
      expect(api.uploadLocal).toHaveBeenCalledWith("p1", "bkt", "docs/", ["h-a", "h-b"], null, {
        acl: "public-read",
        storageClass: "STANDARD_IA",
        contentType: "text/plain",
        metadata: { "uploaded-by": "项目 报告" },
        tags: { project: "zos" },
        encryption: { kind: "kms", keyId: "arn:key/1" },
      }),
    );
    await waitFor(() => expect(screen.queryByTestId("upload-options-dialog")).toBeNull());
    expect(screen.getByTestId("notice").textContent).toContain("Uploading 2 items…");
  });

  it("a folder too, with the defaults when nothing is changed", async () => {
    const dialog = await openOptions("object-upload-folder-options");
    expect(within(dialog).getByTestId("upload-options-what").textContent).toBe("Upload photos to bkt/docs/");
    fireEvent.click(within(dialog).getByTestId("upload-options-submit"));
    await waitFor(() =>
      expect(api.uploadLocal).toHaveBeenCalledWith("p1", "bkt", "docs/", ["h-dir"], null, {
        acl: null,
        storageClass: null,
        contentType: null,
        metadata: {},
        tags: {},
        encryption: null,
      }),
    );
  });

  it("says under each field what is wrong, and sends nothing until it is right", async () => {
    const dialog = await openOptions();
    type(dialog, "upload-options-storage-class", "standard");
    type(dialog, "upload-options-content-type", "text");
    fireEvent.click(within(dialog).getByTestId("upload-options-meta-add"));
    type(dialog, "upload-options-meta-name-0", "bad name");
    for (let i = 0; i < 10; i++) fireEvent.click(within(dialog).getByTestId("upload-options-tag-add"));
    expect(within(dialog).getByTestId<HTMLButtonElement>("upload-options-tag-add").disabled).toBe(true);
    type(dialog, "upload-options-tag-value-3", "no key");
    fireEvent.change(field(dialog, "upload-options-encryption"), { target: { value: "customerKey" } });
    // An empty key is not an error before the user tries to upload.
    expect(within(dialog).queryByTestId("upload-options-customer-key-error")).toBeNull();
    fireEvent.click(within(dialog).getByTestId("upload-options-submit"));

    expect(within(dialog).getByTestId("upload-options-storage-class-error").textContent).toBe(
      "Capital letters and _ only, e.g. STANDARD or STANDARD_IA.",
    );
    expect(within(dialog).getByTestId("upload-options-content-type-error").textContent).toContain("type/subtype");
    expect(within(dialog).getByTestId("upload-options-metadata-error").textContent).toBe("Row 1: a name is letters, digits, - _ . only.");
    expect(within(dialog).getByTestId("upload-options-tags-error").textContent).toBe("Row 4: give the tag a key.");
    expect(within(dialog).getByTestId("upload-options-customer-key-error").textContent).toBe(
      "A customer key is 32 bytes in base64: 44 characters ending in “=”.",
    );
    expect(api.uploadLocal).not.toHaveBeenCalled();
  });

  it("shows Rust's refusal under the field it names", async () => {
    vi.mocked(api.uploadLocal).mockRejectedValueOnce(
      new BackendError({ code: "InvalidInput", status: null, requestId: null, detail: 'storage class "COLD": capital letters and _ only' }),
    );
    const dialog = await openOptions();
    type(dialog, "upload-options-storage-class", "COLD");
    fireEvent.click(within(dialog).getByTestId("upload-options-submit"));
    expect((await within(dialog).findByTestId("upload-options-storage-class-error")).textContent).toBe(
      'Not accepted: storage class "COLD": capital letters and _ only',
    );
    expect(screen.getByTestId("upload-options-dialog")).toBeTruthy();
    // Another refusal, about nothing in the form: the error under the form.
    vi.mocked(api.uploadLocal).mockRejectedValueOnce(new BackendError({ code: "AccessDenied", status: 403, requestId: "tx9", detail: "" }));
    type(dialog, "upload-options-storage-class", "STANDARD");
    fireEvent.click(within(dialog).getByTestId("upload-options-submit"));
    expect((await within(dialog).findByTestId("error-code")).textContent).toBe("AccessDenied");
    expect(within(dialog).getByTestId("error-context").textContent).toBe("Could not upload 2 items.");
  });

  it("SSE-C: a generated key is shown once, sent to Rust, and kept nowhere else", async () => {
    const logs = (["log", "info", "warn", "error", "debug"] as const).map((m) => vi.spyOn(console, m).mockImplementation(() => {}));
    const dialog = await openOptions();
    // After user-event's setup, which puts its own clipboard in place.
    const writeText = vi.fn().mockResolvedValue(undefined);
    Object.defineProperty(navigator, "clipboard", { configurable: true, value: { writeText } });
    fireEvent.change(field(dialog, "upload-options-encryption"), { target: { value: "customerKey" } });
    expect(within(dialog).getByTestId("upload-options-key-memory").textContent).toBe(
      "Held in memory only, never saved: an upload with this key cannot resume after the app restarts.",
    );
    expect(within(dialog).getByTestId("upload-options-key-warning").textContent).toContain("cannot be read without this key");
    expect(field(dialog, "upload-options-customer-key").type).toBe("password");

    fireEvent.click(within(dialog).getByTestId("upload-options-generate"));
    const key = within(dialog).getByTestId("upload-options-generated-key").textContent ?? "";
    expect(isCustomerKey(key)).toBe(true);
    expect(field(dialog, "upload-options-customer-key").value).toBe(key);
    fireEvent.click(within(dialog).getByTestId("upload-options-copy-key"));
    await waitFor(() => expect(writeText).toHaveBeenCalledWith(key));
    // Typing in the field hides the generated key: it is shown once.
    type(dialog, "upload-options-customer-key", KEY);
    expect(within(dialog).queryByTestId("upload-options-generated")).toBeNull();

    fireEvent.click(within(dialog).getByTestId("upload-options-submit"));
    await waitFor(() => expect(api.uploadLocal).toHaveBeenCalled());
    expect(vi.mocked(api.uploadLocal).mock.calls[0][5]?.encryption).toEqual({ kind: "customerKey", keyBase64: KEY });
    await waitFor(() => expect(screen.queryByTestId("upload-options-dialog")).toBeNull());

    // Nowhere in storage, the logs, the page or the transfer the UI keeps.
    const stored = (s: Storage) => Array.from({ length: s.length }, (_, i) => `${s.key(i)}=${s.getItem(s.key(i) ?? "")}`).join("\n");
    for (const secret of [KEY, key]) {
      expect(stored(localStorage)).not.toContain(secret);
      expect(stored(sessionStorage)).not.toContain(secret);
      expect(document.body.innerHTML).not.toContain(secret);
      for (const spy of logs) expect(JSON.stringify(spy.mock.calls)).not.toContain(secret);
    }
  });
});

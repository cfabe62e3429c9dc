import { act, fireEvent, screen, waitFor } from "@testing-library/react";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { api, type ConfigDocument, type EncryptionConfiguration, type Problem } from "../../../backend";
import { BackendError } from "../../../errors";
import { renderWithProviders } from "../../../test/render";
import { EncryptionTab } from "./EncryptionTab";

vi.mock("../../../backend");

const problem = (field: string, code: Problem["code"]): Problem => ({
  field,
  code,
  limit: null,
  line: null,
  column: null,
  detail: "",
});

/** A server that keeps what is put, and a stand-in for Rust's check (the real rules are Rust's). */
function server(initial: EncryptionConfiguration | null) {
  let state = initial;
  vi.mocked(api.getBucketEncryption).mockImplementation(async () => state);
  vi.mocked(api.putBucketEncryption).mockImplementation(async (_p, _b, config) => {
    state = config;
    return null;
  });
  vi.mocked(api.deleteBucketEncryption).mockImplementation(async () => {
    state = null;
    return null;
  });
  vi.mocked(api.checkConfig).mockImplementation(async (doc: ConfigDocument) => {
    if (doc.kind !== "encryption") return [];
    if (doc.value.Rules.length === 0) return [problem("Rules", "Required")];
    return doc.value.Rules.flatMap((r, i) =>
      r.ApplyServerSideEncryptionByDefault.SSEAlgorithm === "aws:kms" && !r.ApplyServerSideEncryptionByDefault.KMSMasterKeyID
        ? [problem(`Rules[${i}].ApplyServerSideEncryptionByDefault.KMSMasterKeyID`, "Required")]
        : [],
    );
  });
  vi.mocked(api.printConfig).mockImplementation(async (doc: ConfigDocument) => JSON.stringify(doc.value, null, 2));
  vi.mocked(api.parseConfig).mockImplementation(async (kind, text) => ({
    document: { kind, value: JSON.parse(text) } as ConfigDocument,
    problems: [],
  }));
}

const el = <T extends HTMLElement = HTMLInputElement>(testId: string) => screen.getByTestId(testId) as T;
const aes: EncryptionConfiguration = { Rules: [{ ApplyServerSideEncryptionByDefault: { SSEAlgorithm: "AES256" } }] };
const KEY = "Rules[0].ApplyServerSideEncryptionByDefault.KMSMasterKeyID";

describe("EncryptionTab", () => {
  beforeEach(() => {
    vi.clearAllMocks();
    server(null);
  });

  it("says when none is set, and has nothing to save until something is chosen", async () => {
    renderWithProviders(<EncryptionTab profileId="p1" bucket="b1" />);
    expect((await screen.findByTestId("encryption-empty")).textContent).toContain("No default encryption");
    expect(el("encryption-none").checked).toBe(true);
    expect(el<HTMLButtonElement>("encryption-save").disabled).toBe(true);
    fireEvent.click(el("encryption-aes256"));
    fireEvent.click(el("encryption-save"));
    await screen.findByTestId("encryption-saved");
    expect(api.putBucketEncryption).toHaveBeenCalledWith("p1", "b1", aes);
    expect(api.getBucketEncryption).toHaveBeenCalledTimes(2);
    expect(el("encryption-aes256").checked).toBe(true);
  });

  it("kms without a key shows the problem at the key and sends nothing", async () => {
    renderWithProviders(<EncryptionTab profileId="p1" bucket="b1" />);
    fireEvent.click(await screen.findByTestId("encryption-kms"));
    expect(screen.getByTestId("settings-encryption").textContent).toContain("cmkuuid:keyspec:userid");
    fireEvent.click(el("encryption-save"));
    expect((await screen.findByTestId(`problem-${KEY}`)).textContent).toBe("Required.");
    await act(async () => {});
    expect(api.putBucketEncryption).not.toHaveBeenCalled();
    expect(el<HTMLButtonElement>("encryption-save").disabled).toBe(true);

    fireEvent.change(el("encryption-kms-key"), { target: { value: "c0ffee:AES256:u1" } });
    await waitFor(() => expect(screen.queryByTestId(`problem-${KEY}`)).toBeNull());
    fireEvent.click(el("encryption-save"));
    await screen.findByTestId("encryption-saved");
    expect(api.putBucketEncryption).toHaveBeenCalledWith("p1", "b1", {
      Rules: [{ ApplyServerSideEncryptionByDefault: { SSEAlgorithm: "aws:kms", KMSMasterKeyID: "c0ffee:AES256:u1" } }],
    });
  });

  it("choosing none where one is set asks before deleting, and reads back", async () => {
    server(aes);
    renderWithProviders(<EncryptionTab profileId="p1" bucket="b1" />);
    fireEvent.click(await screen.findByTestId("encryption-none"));
    await act(async () => {
      await new Promise((r) => setTimeout(r, 250));
    });
    // "No rule" is how none is written: Rust's "a rule is required" does not apply to a delete.
    expect(screen.queryByTestId("config-problems")).toBeNull();
    fireEvent.click(el("encryption-save"));
    const dialog = await screen.findByTestId("confirm-dialog");
    expect(dialog.textContent).toContain("Remove default encryption?");
    expect(document.activeElement).toBe(screen.getByTestId("confirm-cancel"));
    expect(api.deleteBucketEncryption).not.toHaveBeenCalled();
    fireEvent.click(screen.getByTestId("confirm-ok"));
    await screen.findByTestId("encryption-empty");
    expect(api.deleteBucketEncryption).toHaveBeenCalledWith("p1", "b1");
    expect(api.putBucketEncryption).not.toHaveBeenCalled();
    expect(screen.getByTestId("encryption-saved")).toBeTruthy();
    expect(screen.queryByTestId("confirm-dialog")).toBeNull();
  });

  it("on a server without it, shows the notice and the form disabled, and never sends anything", async () => {
    vi.mocked(api.getBucketEncryption).mockRejectedValue(
      new BackendError({ code: "UnsupportedByServer", status: 200, requestId: null, detail: "it answered a listing" }),
    );
    renderWithProviders(<EncryptionTab profileId="p1" bucket="backups" />);
    expect((await screen.findByTestId("config-unsupported")).textContent).toContain("it answered a listing");
    expect(screen.getByTestId("settings-encryption").textContent).toContain(
      "This server would treat removing it as deleting the bucket, so the app never sends that request.",
    );
    expect(el<HTMLFieldSetElement>("encryption-disabled").disabled).toBe(true);
    expect(el("encryption-aes256").disabled).toBe(true);
    expect(el<HTMLButtonElement>("encryption-save").disabled).toBe(true);
    expect(api.putBucketEncryption).not.toHaveBeenCalled();
    expect(api.deleteBucketEncryption).not.toHaveBeenCalled();
  });

  it("speaks Chinese", async () => {
    renderWithProviders(<EncryptionTab profileId="p1" bucket="b1" />, "zh-CN");
    expect((await screen.findByTestId("encryption-empty")).textContent).toBe("此存储桶未设置默认加密：新对象按上传时的样子存储。");
  });
});

import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { api, type ObjectDetails } from "../../backend";
import { BackendError } from "../../errors";
import { renderWithProviders } from "../../test/render";
import { DetailsPane } from "../objects/DetailsPane";
import type { Row } from "../objects/rows";

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
    metadata: { title: "项目报告", camera: "X-T5" },
    rawMetadata: { title: "=?UTF-8?B?6aG555uu5oql5ZGK?=" },
    ...over,
  };
}

const row = (key = "docs/报告.txt"): Row => ({
  kind: "object",
  key,
  name: key.split("/").pop() ?? key,
  entry: { key, size: 2048, lastModified: Date.UTC(2025, 2, 4), storageClass: "STANDARD", etag: '"x"' },
});

function renderPane(locale: "en" | "zh-CN" = "en") {
  return renderWithProviders(<DetailsPane profileId="p1" bucket="bkt" selection={[row()]} />, locale);
}

const section = (id: string) => screen.getByTestId(`details-section-${id}`);

beforeEach(() => {
  vi.mocked(api.getBucketVersioning).mockResolvedValue(null);
});

describe("details sections", () => {
  it("shows general, system, user metadata, encryption and lock from HEAD", async () => {
    vi.mocked(api.headObject).mockResolvedValue(
      details({
        cacheControl: "max-age=3600, public",
        contentDisposition: "attachment; filename=\"__.pdf\"; filename*=UTF-8''%E6%8A%A5%E5%91%8A.pdf",
        contentDispositionFileName: "报告.pdf",
        expires: "Wed, 02 Jan 2030 03:04:05 GMT",
        serverSideEncryption: "aws:kms",
        sseKmsKeyId: "testkey-1",
        objectLockMode: "GOVERNANCE",
        objectLockRetainUntil: "2030-01-01T00:00:00Z",
        objectLockLegalHold: true,
        partsCount: 3,
        missingMeta: 2,
      }),
    );
    renderPane();
    expect((await screen.findByTestId("details-contentType")).textContent).toBe("text/plain");
    expect(screen.getByTestId("details-parts").textContent).toBe("3");
    expect(screen.getByTestId("details-cacheControl").textContent).toBe("max-age=3600, public");
    expect(screen.getByTestId("details-fileName").textContent).toBe("报告.pdf");
    expect(screen.getByTestId("details-expires").getAttribute("title")).toBe("Wed, 02 Jan 2030 03:04:05 GMT");
    expect(screen.getByTestId("details-missing-meta").textContent).toContain("2 metadata entries");
    expect(screen.getByTestId("details-meta-title").textContent).toBe("项目报告");
    expect(screen.getByTestId("details-sse").textContent).toBe("SSE-KMS");
    expect(screen.getByTestId("details-kmsKey").textContent).toBe("testkey-1");
    expect(screen.getByTestId("details-lockMode").textContent).toContain("Governance");
    expect(screen.getByTestId("details-legalHold").textContent).toBe("On");
    // Tags and ACL are not read until their section is opened.
    expect(api.getObjectTags).not.toHaveBeenCalled();
    expect(api.objectAclSummary).not.toHaveBeenCalled();
  });

  it("says plainly when there is nothing: no system metadata, not encrypted, no lock", async () => {
    vi.mocked(api.headObject).mockResolvedValue(details({ metadata: {}, rawMetadata: {} }));
    renderPane("zh-CN");
    expect((await screen.findByTestId("details-system-none")).textContent).toBe("没有其他系统元数据。");
    expect(screen.getByTestId("details-sse").textContent).toBe("服务器端未加密（以服务器返回的信息为准）。");
    expect(screen.getByTestId("details-lock").textContent).toBe("没有保留期限或合法保留。");
    expect(screen.getByTestId("details-metadata").textContent).toBe("没有用户元数据。");
  });

  it("folds a section away with its button, keyboard-reachable, aria-expanded", async () => {
    vi.mocked(api.headObject).mockResolvedValue(details());
    renderPane();
    await screen.findByTestId("details-contentType");
    const toggle = screen.getByTestId("details-section-system-toggle");
    expect(toggle.tagName).toBe("BUTTON");
    expect(toggle.getAttribute("aria-expanded")).toBe("true");
    fireEvent.click(toggle);
    expect(toggle.getAttribute("aria-expanded")).toBe("false");
    expect(within(section("system")).queryByTestId("details-system-none")).toBeNull();
  });

  it("reads the tags and the ACL summary when their sections are opened", async () => {
    vi.mocked(api.headObject).mockResolvedValue(details());
    vi.mocked(api.getObjectTags).mockResolvedValue({ TagSet: [{ Key: "project", Value: "zos" }, { Key: "阶段", Value: "测试" }] });
    vi.mocked(api.objectAclSummary).mockResolvedValue({
      owner: { ID: "testuser", DisplayName: "Test User 1" },
      publicRead: true,
      publicWrite: true,
      authenticatedUsers: false,
      grants: 3,
      others: 2,
    });
    renderPane();
    await screen.findByTestId("details-contentType");
    fireEvent.click(screen.getByTestId("details-section-tags-toggle"));
    expect((await screen.findByTestId("details-tag-阶段")).textContent).toBe("测试");
    expect(api.getObjectTags).toHaveBeenCalledWith("p1", "bkt", "docs/报告.txt", null);
    fireEvent.click(screen.getByTestId("details-section-acl-toggle"));
    expect((await screen.findByTestId("details-aclOwner")).textContent).toBe("Test User 1 (testuser)");
    expect(screen.getByTestId("details-acl-public-read").textContent).toBe("Anyone on the internet can read this object.");
    expect(screen.getByTestId("details-acl-public-write")).toBeTruthy();
    expect(screen.getByTestId("details-acl-grants").textContent).toBe("3 grants (2 to others than the owner)");
  });

  it("says in words that the tags or ACL may not be read", async () => {
    vi.mocked(api.headObject).mockResolvedValue(details());
    const denied = new BackendError({ code: "AccessDenied", status: 403, requestId: "tx", detail: "" });
    vi.mocked(api.getObjectTags).mockRejectedValue(denied);
    vi.mocked(api.objectAclSummary).mockRejectedValue(denied);
    renderPane("zh-CN");
    await screen.findByTestId("details-contentType");
    fireEvent.click(screen.getByTestId("details-section-tags-toggle"));
    fireEvent.click(screen.getByTestId("details-section-acl-toggle"));
    expect((await within(section("tags")).findByTestId("details-section-denied")).textContent).toBe("您无权读取此对象的标签。");
    expect((await within(section("acl")).findByTestId("details-section-denied")).textContent).toBe("您无权读取此对象的访问控制列表。");
  });

  it("an object the user may not read says so, with what the listing knows", async () => {
    vi.mocked(api.headObject).mockRejectedValue(new BackendError({ code: "AccessDenied", status: 403, requestId: "tx", detail: "" }));
    renderPane();
    const denied = await screen.findByTestId("details-denied");
    expect(denied.textContent).toContain("You may not read this object’s details.");
    expect(screen.queryByTestId("details-edit-metadata")).toBeNull();
  });

  it("an SSE-C object says it needs its key, offers the key prompt, and reads again once the key is kept", async () => {
    vi.mocked(api.headObject).mockRejectedValueOnce(new BackendError({ code: "EncryptedWithCustomerKey", status: 400, requestId: "tx", detail: "" }));
    vi.mocked(api.headObject).mockResolvedValue(details({ sseCustomerAlgorithm: "AES256" }));
    vi.mocked(api.setCustomerKey).mockResolvedValue(null);
    vi.mocked(api.hasCustomerKey).mockResolvedValue(true);
    renderPane();
    expect((await screen.findByTestId("details-customer-key")).textContent).toContain("encrypted with a customer key (SSE-C)");
    fireEvent.change(screen.getByTestId("ssec-key"), { target: { value: btoa("k".repeat(32)) } });
    fireEvent.click(screen.getByTestId("ssec-submit"));
    expect((await screen.findByTestId("details-sse")).textContent).toBe("SSE-C (your own key, AES-256)");
    expect(await screen.findByTestId("ssec-forget")).toBeTruthy();
  });

  it("offers Preview (in both languages) and hands the object's key to it", async () => {
    vi.mocked(api.headObject).mockResolvedValue(details());
    const onPreview = vi.fn();
    renderWithProviders(<DetailsPane profileId="p1" bucket="bkt" selection={[row()]} onPreview={onPreview} />, "zh-CN");
    const button = await screen.findByTestId("details-preview");
    expect(button.textContent).toBe("预览");
    fireEvent.click(button);
    expect(onPreview).toHaveBeenCalledWith("docs/报告.txt");
  });

  it("opens the metadata dialog from the pane, and the pane shows the saved details", async () => {
    vi.mocked(api.headObject).mockResolvedValue(details());
    vi.mocked(api.checkMetadataEdit).mockResolvedValue([]);
    vi.mocked(api.updateObjectMetadata).mockImplementation(async (_p, _b, _k, edit) =>
      details({ contentType: edit.contentType, cacheControl: edit.cacheControl }),
    );
    renderPane();
    fireEvent.click(await screen.findByTestId("details-edit-metadata"));
    const dialog = await screen.findByTestId("metadata-dialog");
    fireEvent.change(within(dialog).getByTestId("metadata-contentType"), { target: { value: "text/markdown" } });
    fireEvent.change(within(dialog).getByTestId("metadata-cacheControl"), { target: { value: "no-cache" } });
    fireEvent.click(within(dialog).getByTestId("metadata-save"));
    await waitFor(() => expect(screen.queryByTestId("metadata-dialog")).toBeNull());
    expect(screen.getByTestId("details-contentType").textContent).toBe("text/markdown");
    expect(screen.getByTestId("details-cacheControl").textContent).toBe("no-cache");
  });
});

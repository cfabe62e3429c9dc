import { screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { renderWithProviders } from "../test/render";
import { BackendError, toBackendError } from "./BackendError";
import { describeError, errorSentence } from "./describeError";
import { ErrorMessage } from "./ErrorMessage";
import { GENERIC_ERROR, KNOWN_ERROR_CODES } from "./messages";

const GUIDE_CODES = [
  "InvalidArgument", "InvalidDigest", "BadDigest", "InvalidBucketName", "InvalidObjectName", "InvalidPart",
  "InvalidPartOrder", "RequestTimeout", "EntityTooLarge", "AccessDenied", "UserSuspended", "RequestTimeTooSkewed",
  "NoSuchKey", "NoSuchBucket", "NoSuchUpload", "MethodNotAllowed", "BucketAlreadyExists", "BucketNotEmpty",
  "MissingContentLength", "PreconditionFailed", "InvalidRange", "UnprocessableEntity", "InternalError",
  "BucketAlreadyOwnedByYou", "NoSuchEncryptionSetError", "InvalidAccessKeyId", "SignatureDoesNotMatch",
];
const CLIENT_CODES = [
  "ConnectFailed", "TlsError", "Timeout", "InvalidEndpoint", "InvalidInput", "ObjectExists", "KeyringError",
  "ProfileNotFound", "Io", "Unknown",
];

describe("error sentences", () => {
  it("cover every code of the guide's table and every client code", () => {
    expect([...KNOWN_ERROR_CODES].sort()).toEqual([...GUIDE_CODES, ...CLIENT_CODES].sort());
  });

  it.each([...GUIDE_CODES, ...CLIENT_CODES])("%s has its own sentence in both languages", (code) => {
    const en = errorSentence(code, "en");
    const zh = errorSentence(code, "zh-CN");
    expect(en).not.toBe(GENERIC_ERROR.en);
    expect(zh).not.toBe(GENERIC_ERROR["zh-CN"]);
    expect(zh).not.toBe(en);
    expect(zh).toMatch(/[\u4e00-\u9fff]/);
  });

  it("explains the common ones", () => {
    expect(errorSentence("BucketNotEmpty", "en")).toMatch(/not empty/);
    expect(errorSentence("BucketNotEmpty", "zh-CN")).toMatch(/不为空/);
    expect(errorSentence("NoSuchBucket", "en")).toMatch(/bucket does not exist/);
    expect(errorSentence("SignatureDoesNotMatch", "zh-CN")).toMatch(/签名不匹配/);
  });

  it("falls back to a generic sentence for an unknown code", () => {
    expect(errorSentence("SomethingNew", "en")).toBe("The operation failed.");
    expect(errorSentence("SomethingNew", "zh-CN")).toBe("操作失败。");
    expect(errorSentence("constructor", "en")).toBe("The operation failed.");
  });

  it("describes anything thrown, not only AppErrors", () => {
    expect(describeError(new TypeError("window.__TAURI_INTERNALS__ is undefined"), "en")).toMatchObject({
      code: "Unknown",
      detail: "window.__TAURI_INTERNALS__ is undefined",
    });
    expect(toBackendError("plain string").detail).toBe("plain string");
    const e = toBackendError({ code: "AccessDenied", status: 403, requestId: "tx1", detail: "Access Denied" });
    expect(e).toBeInstanceOf(BackendError);
    expect(e).toMatchObject({ code: "AccessDenied", status: 403, requestId: "tx1", detail: "Access Denied" });
  });
});

describe("ErrorMessage", () => {
  const error = new BackendError({
    code: "NoSuchBucket",
    status: 404,
    requestId: "tx000000000000000000001-00656f-default",
    detail: "The specified bucket does not exist",
  });

  it("shows the sentence, then code · HTTP status · request id, then the detail", () => {
    renderWithProviders(<ErrorMessage error={error} />);
    const box = screen.getByTestId("error-message");
    expect(box.textContent).toContain("The bucket does not exist.");
    expect(screen.getByTestId("error-code").textContent).toBe("NoSuchBucket");
    expect(box.textContent).toContain("HTTP 404");
    expect(screen.getByTestId("error-request-id").textContent).toBe("tx000000000000000000001-00656f-default");
    expect(box.textContent).toContain("The specified bucket does not exist");
    expect(box.textContent).not.toContain("{");
  });

  it("speaks Chinese in zh-CN, keeping the English detail", () => {
    renderWithProviders(<ErrorMessage error={error} />, "zh-CN");
    const box = screen.getByTestId("error-message");
    expect(box.textContent).toContain("存储桶不存在");
    expect(box.textContent).toContain("The specified bucket does not exist");
  });

  it("leaves out status and request id when there are none", () => {
    renderWithProviders(
      <ErrorMessage error={new BackendError({ code: "ConnectFailed", status: null, requestId: null, detail: "refused" })} />,
    );
    expect(screen.queryByTestId("error-request-id")).toBeNull();
    expect(screen.getByTestId("error-message").textContent).not.toContain("HTTP");
  });
});

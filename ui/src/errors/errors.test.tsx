import { screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { ErrorCode } from "../backend";
import { renderWithProviders } from "../test/render";
import { BackendError, errorCode, toBackendError } from "./BackendError";
import { describeError, errorSentence } from "./describeError";
import { ErrorMessage } from "./ErrorMessage";
import { ERROR_SENTENCES, GENERIC_ERROR } from "./messages";

// The table is a Record<ErrorCode, …>: tsc already fails on a code without sentences. This checks
// that each sentence says something of its own, in both languages.
const CODES = Object.keys(ERROR_SENTENCES) as ErrorCode[];

describe("error sentences", () => {
  it("cover the S3 codes of the guide and the client codes", () => {
    for (const code of ["NoSuchBucket", "AccessDenied", "BucketNotEmpty", "ConnectFailed", "LocalFileNotChosen", "Unknown"]) {
      expect(CODES).toContain(code);
    }
  });

  it.each(CODES)("%s has its own sentence in both languages", (code) => {
    const en = errorSentence(code, "en");
    const zh = errorSentence(code, "zh-CN");
    expect(en.trim()).not.toBe("");
    expect(zh.trim()).not.toBe("");
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

  it("falls back to a generic sentence for a code outside ErrorCode", () => {
    expect(errorSentence("SomethingNew", "en")).toBe("The operation failed.");
    expect(errorSentence("SomethingNew", "zh-CN")).toBe("操作失败。");
    expect(errorSentence("constructor", "en")).toBe("The operation failed.");
  });

  it("describes anything thrown, not only AppErrors", () => {
    expect(describeError(new TypeError("window.__TAURI_INTERNALS__ is undefined"), "en")).toMatchObject({
      code: "Unknown",
      serverCode: null,
      detail: "window.__TAURI_INTERNALS__ is undefined",
    });
    expect(toBackendError("plain string").detail).toBe("plain string");
    const e = toBackendError({ code: "AccessDenied", serverCode: null, status: 403, requestId: "tx1", detail: "Access Denied" });
    expect(e).toBeInstanceOf(BackendError);
    expect(e).toMatchObject({ code: "AccessDenied", serverCode: null, status: 403, requestId: "tx1", detail: "Access Denied" });
    expect(errorCode(e)).toBe("AccessDenied");
    expect(errorCode(new Error("x"))).toBeNull();
  });

  it("keeps a code outside ErrorCode as the server's code", () => {
    const e = toBackendError({ code: "XZosNewThing", status: 403, requestId: null, detail: "new" });
    expect(e).toMatchObject({ code: "Unknown", serverCode: "XZosNewThing" });
    expect(describeError(e, "en").sentence).toBe(GENERIC_ERROR.en);
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
    expect(screen.queryByTestId("error-server-code")).toBeNull();
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

  it("shows the server's own code next to the generic sentence", () => {
    renderWithProviders(
      <ErrorMessage
        error={new BackendError({ code: "Unknown", serverCode: "XZosNewThing", status: 403, requestId: "tx2", detail: "over quota" })}
      />,
    );
    const sentence = screen.getByTestId("error-message").querySelector(".error-sentence");
    expect(sentence?.textContent).toBe("The operation failed. XZosNewThing");
    expect(screen.getByTestId("error-server-code").textContent).toBe("XZosNewThing");
    expect(screen.getByTestId("error-code").textContent).toBe("Unknown");
  });
});

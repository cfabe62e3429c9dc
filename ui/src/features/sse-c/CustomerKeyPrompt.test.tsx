import { fireEvent, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { api } from "../../backend";
import { BackendError } from "../../errors";
import type { Locale } from "../../i18n";
import { fakeCustomerKeyRefusal, fakeCustomerKeys, FAKE_CUSTOMER_KEY } from "../../mock/fakeCustomerKeys";
import { renderWithProviders } from "../../test/render";
import { CustomerKeyPrompt, ForgetCustomerKeyButton } from "./index";

vi.mock("../../backend");

const KEY = "AgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgI=";

beforeEach(() => {
  vi.resetAllMocks();
});

function open(locale: Locale = "en", versionId: string | null = null) {
  const onUnlocked = vi.fn();
  renderWithProviders(
    <CustomerKeyPrompt profileId="p1" bucket="vault" objectKey="docs/secret.pdf" versionId={versionId} onUnlocked={onUnlocked} />,
    locale,
  );
  return { onUnlocked, prompt: screen.getByTestId("ssec-prompt"), field: screen.getByTestId<HTMLInputElement>("ssec-key") };
}

describe("CustomerKeyPrompt", () => {
  it("says the object is encrypted, hides the key until asked, and says it is kept in memory only", async () => {
    const { prompt, field } = open();
    expect(prompt.textContent).toContain("This object is encrypted with a customer key (SSE-C). Enter the key to read it.");
    expect(screen.getByTestId("ssec-memory").textContent).toMatch(/memory only until you quit/);
    expect(field.type).toBe("password");
    expect(screen.getByLabelText("Customer key (32 bytes in base64)")).toBe(field);
    const toggle = screen.getByTestId("ssec-show");
    expect(toggle.getAttribute("aria-pressed")).toBe("false");
    await userEvent.click(toggle);
    expect(field.type).toBe("text");
    expect(toggle.getAttribute("aria-pressed")).toBe("true");
    expect(toggle.textContent).toContain("Hide key");
  });

  it("refuses a key that is not 32 bytes of base64 before sending anything", async () => {
    const { field } = open();
    await userEvent.click(screen.getByTestId("ssec-submit"));
    expect(screen.getByTestId("ssec-key-error").textContent).toContain("Enter the key.");
    fireEvent.change(field, { target: { value: "too-short" } });
    await userEvent.click(screen.getByTestId("ssec-submit"));
    expect(screen.getByTestId("ssec-key-error").textContent).toContain("A customer key is 32 bytes in base64");
    expect(field.getAttribute("aria-invalid")).toBe("true");
    expect(api.setCustomerKey).not.toHaveBeenCalled();
  });

  it("sends the key with Enter for this object, clears the field and reports the unlock", async () => {
    vi.mocked(api.setCustomerKey).mockResolvedValue(null);
    const { field, onUnlocked } = open("en", "v7");
    await userEvent.type(field, `${KEY}{Enter}`);
    await waitFor(() => expect(onUnlocked).toHaveBeenCalledTimes(1));
    expect(api.setCustomerKey).toHaveBeenCalledWith("p1", "vault", "docs/secret.pdf", "v7", KEY, "object");
    expect(field.value).toBe("");
  });

  it("keeps the key for the whole bucket when chosen (keyboard only)", async () => {
    vi.mocked(api.setCustomerKey).mockResolvedValue(null);
    const { field, onUnlocked } = open();
    fireEvent.change(field, { target: { value: ` ${KEY} ` } });
    screen.getByTestId("ssec-scope-bucket").focus();
    await userEvent.keyboard(" ");
    expect(screen.getByTestId<HTMLInputElement>("ssec-scope-bucket").checked).toBe(true);
    expect(screen.getByText("Every object in bucket “vault” (until you quit)")).not.toBeNull();
    screen.getByTestId("ssec-submit").focus();
    await userEvent.keyboard("{Enter}");
    await waitFor(() => expect(onUnlocked).toHaveBeenCalled());
    expect(api.setCustomerKey).toHaveBeenCalledWith("p1", "vault", "docs/secret.pdf", null, KEY, "bucket");
  });

  it("says a wrong key does not match and keeps the prompt (en and zh-CN)", async () => {
    const mismatch = new BackendError({
      code: "CustomerKeyMismatch",
      status: 400,
      requestId: "tx1",
      detail: "the customer key (SSE-C) sent does not match this object's",
    });
    vi.mocked(api.setCustomerKey).mockRejectedValue(mismatch);
    const { field, onUnlocked } = open();
    fireEvent.change(field, { target: { value: KEY } });
    await userEvent.click(screen.getByTestId("ssec-submit"));
    expect((await screen.findByTestId("error-message")).textContent).toContain("This key does not match: the object is encrypted with a different customer key (SSE-C).");
    expect(screen.getByTestId("error-context").textContent).toContain("The key was not accepted; nothing was kept.");
    expect(onUnlocked).not.toHaveBeenCalled();
    expect(field.value).toBe(KEY);
  });

  it("speaks Chinese in zh-CN", async () => {
    vi.mocked(api.setCustomerKey).mockRejectedValue(
      new BackendError({ code: "CustomerKeyMismatch", status: 400, requestId: null, detail: "" }),
    );
    const { prompt, field } = open("zh-CN");
    expect(prompt.textContent).toContain("此对象使用客户提供的密钥（SSE-C）加密。请输入密钥以读取。");
    expect(screen.getByTestId("ssec-submit").textContent).toContain("解锁");
    expect(screen.getByTestId("ssec-show").textContent).toContain("显示密钥");
    fireEvent.change(field, { target: { value: KEY } });
    await userEvent.click(screen.getByTestId("ssec-submit"));
    expect((await screen.findByTestId("error-message")).textContent).toContain("密钥不匹配");
  });
});

describe("ForgetCustomerKeyButton", () => {
  it("shows only while a key is kept, and forgets it", async () => {
    vi.mocked(api.hasCustomerKey).mockResolvedValue(true);
    vi.mocked(api.forgetCustomerKey).mockResolvedValue(undefined);
    const onForgotten = vi.fn();
    renderWithProviders(<ForgetCustomerKeyButton profileId="p1" bucket="vault" objectKey="a" onForgotten={onForgotten} />);
    await userEvent.click(await screen.findByTestId("ssec-forget"));
    await waitFor(() => expect(onForgotten).toHaveBeenCalled());
    expect(api.forgetCustomerKey).toHaveBeenCalledWith("p1", "vault", "a");
  });

  it("shows nothing without a key", async () => {
    vi.mocked(api.hasCustomerKey).mockResolvedValue(false);
    renderWithProviders(<ForgetCustomerKeyButton profileId="p1" bucket="vault" objectKey="a" />);
    await waitFor(() => expect(api.hasCustomerKey).toHaveBeenCalled());
    expect(screen.queryByTestId("ssec-forget")).toBeNull();
  });
});

describe("the dev fake", () => {
  it("locks its ssec objects until the demo key is entered, refusing a wrong one", async () => {
    const fake = fakeCustomerKeys();
    expect(fakeCustomerKeyRefusal("p", "b", "x/ssec.txt")?.code).toBe("EncryptedWithCustomerKey");
    expect(fakeCustomerKeyRefusal("p", "b", "plain.txt")).toBeNull();
    const wrong = await fake.setCustomerKey("p", "b", "x/ssec.txt", null, KEY, "object");
    expect(wrong.status === "error" && wrong.error.code).toBe("CustomerKeyMismatch");
    expect(await fake.hasCustomerKey("p", "b", "x/ssec.txt")).toBe(false);
    expect((await fake.setCustomerKey("p", "b", "x/ssec.txt", null, FAKE_CUSTOMER_KEY, "object")).status).toBe("ok");
    expect(fakeCustomerKeyRefusal("p", "b", "x/ssec.txt")).toBeNull();
    await fake.forgetCustomerKey("p", "b", "x/ssec.txt");
    expect(fakeCustomerKeyRefusal("p", "b", "x/ssec.txt")?.code).toBe("EncryptedWithCustomerKey");
  });
});

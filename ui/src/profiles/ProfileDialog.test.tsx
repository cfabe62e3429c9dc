import { fireEvent, screen, waitFor } from "@testing-library/react";
import { beforeEach, describe, expect, it, vi } from "vitest";
import * as backend from "../backend";
import { BackendError } from "../errors";
import { renderWithProviders } from "../test/render";
import { ProfileDialog } from "./ProfileDialog";

vi.mock("../backend");

const existing: backend.Profile = {
  id: "p1",
  name: "Dev",
  endpoint: "http://127.0.0.1:7480",
  region: "default",
  pathStyle: true,
  accessKeyId: "AKIA1",
  hasSecret: true,
};

function type(testId: string, value: string) {
  fireEvent.change(screen.getByTestId(testId), { target: { value } });
}

function fillValid() {
  type("profile-name", "ZOS Beijing");
  type("profile-endpoint", "https://zos.example.com:7480");
  type("profile-access-key", "AKIAEXAMPLE");
  type("profile-secret-key", "s3cr3t");
}

describe("ProfileDialog", () => {
  beforeEach(() => {
    vi.mocked(backend.saveProfile).mockImplementation(async (input) => ({
      ...existing,
      ...input,
      id: input.id ?? "new-id",
      hasSecret: true,
    }));
  });

  it("shows region 'default' and path-style on for a new profile", () => {
    renderWithProviders(<ProfileDialog onClose={() => {}} onSaved={() => {}} />);
    expect((screen.getByTestId("profile-region") as HTMLInputElement).value).toBe("default");
    expect((screen.getByTestId("profile-path-style") as HTMLInputElement).checked).toBe(true);
    expect((screen.getByTestId("profile-secret-key") as HTMLInputElement).type).toBe("password");
  });

  it("refuses an empty form without calling the backend", () => {
    renderWithProviders(<ProfileDialog onClose={() => {}} onSaved={() => {}} />);
    fireEvent.click(screen.getByTestId("profile-save"));
    expect(screen.getByText("Enter a name.")).toBeTruthy();
    expect(screen.getByText("Enter an http:// or https:// URL.")).toBeTruthy();
    expect(screen.getByText("Enter the access key ID.")).toBeTruthy();
    expect(screen.getByText("Enter the secret access key.")).toBeTruthy();
    fireEvent.click(screen.getByTestId("profile-test"));
    expect(backend.saveProfile).not.toHaveBeenCalled();
    expect(backend.testConnection).not.toHaveBeenCalled();
  });

  it.each(["zos.example.com", "ftp://zos.example.com", "http://"])("refuses the endpoint %j", (endpoint) => {
    renderWithProviders(<ProfileDialog onClose={() => {}} onSaved={() => {}} />);
    fillValid();
    type("profile-endpoint", endpoint);
    fireEvent.click(screen.getByTestId("profile-save"));
    expect(screen.getByText("Enter an http:// or https:// URL.")).toBeTruthy();
    expect(backend.saveProfile).not.toHaveBeenCalled();
  });

  it("saves a valid new profile", async () => {
    const onSaved = vi.fn();
    renderWithProviders(<ProfileDialog onClose={() => {}} onSaved={onSaved} />);
    fillValid();
    fireEvent.click(screen.getByTestId("profile-path-style"));
    fireEvent.click(screen.getByTestId("profile-save"));
    await waitFor(() => expect(onSaved).toHaveBeenCalled());
    expect(backend.saveProfile).toHaveBeenCalledWith({
      id: null,
      name: "ZOS Beijing",
      endpoint: "https://zos.example.com:7480",
      region: "default",
      pathStyle: false,
      accessKeyId: "AKIAEXAMPLE",
      secretAccessKey: "s3cr3t",
    });
  });

  it("keeps the stored secret when editing with an empty secret field", async () => {
    const onSaved = vi.fn();
    renderWithProviders(<ProfileDialog profile={existing} onClose={() => {}} onSaved={onSaved} />);
    expect(screen.getByText("Leave empty to keep the stored secret key.")).toBeTruthy();
    type("profile-name", "Dev 2");
    fireEvent.click(screen.getByTestId("profile-save"));
    await waitFor(() => expect(onSaved).toHaveBeenCalled());
    expect(backend.saveProfile).toHaveBeenCalledWith(
      expect.objectContaining({ id: "p1", name: "Dev 2", secretAccessKey: null }),
    );
  });

  it("reports a successful connection test with a clock-skew warning", async () => {
    vi.mocked(backend.testConnection).mockResolvedValue({
      bucketCount: 3,
      latencyMs: 12.4,
      serverTime: "2025-01-01T00:00:00Z",
      clockSkewSeconds: -420,
    });
    renderWithProviders(<ProfileDialog onClose={() => {}} onSaved={() => {}} />);
    fillValid();
    fireEvent.click(screen.getByTestId("profile-test"));
    const result = await screen.findByTestId("profile-test-result");
    expect(result.textContent).toContain("Connected: 3 buckets, latency 12 ms");
    expect(result.textContent).toContain("differs from this computer's by -420 s");
    expect(backend.saveProfile).not.toHaveBeenCalled();
  });

  it("shows no skew warning within 5 minutes", async () => {
    vi.mocked(backend.testConnection).mockResolvedValue({
      bucketCount: 1,
      latencyMs: 5,
      serverTime: null,
      clockSkewSeconds: 299,
    });
    renderWithProviders(<ProfileDialog onClose={() => {}} onSaved={() => {}} />);
    fillValid();
    fireEvent.click(screen.getByTestId("profile-test"));
    const result = await screen.findByTestId("profile-test-result");
    expect(result.textContent).toBe("Connected: 1 bucket, latency 5 ms");
  });

  it("shows the error sentence when the test fails", async () => {
    vi.mocked(backend.testConnection).mockRejectedValue(
      new BackendError({ code: "SignatureDoesNotMatch", status: 403, requestId: "tx9", detail: "sig" }),
    );
    renderWithProviders(<ProfileDialog onClose={() => {}} onSaved={() => {}} />, "zh-CN");
    fillValid();
    fireEvent.click(screen.getByTestId("profile-test"));
    const result = await screen.findByTestId("profile-test-result");
    expect(result.textContent).toContain("签名不匹配");
    expect(screen.getByTestId("error-code").textContent).toBe("SignatureDoesNotMatch");
  });
});

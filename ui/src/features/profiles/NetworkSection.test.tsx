import { fireEvent, screen, waitFor } from "@testing-library/react";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { api, type CertificateSummary, type Profile, type ProfileCheck } from "../../backend";
import { BackendError } from "../../errors";
import { renderWithProviders } from "../../test/render";
import { ProfileDialog } from "./ProfileDialog";

vi.mock("../../backend");

const OK: ProfileCheck = { problems: [], plainHttp: false };

const CA: CertificateSummary = {
  subject: "CN=Corp Root CA, O=Corp",
  issuer: "CN=Corp Root CA, O=Corp",
  notBefore: "2024-01-01T00:00:00Z",
  notAfter: "2034-06-30T12:00:00Z",
  expired: false,
  certificates: 1,
};

const existing: Profile = {
  id: "p1",
  name: "Corp",
  endpoint: "https://zos.corp.example:7480",
  region: "default",
  pathStyle: true,
  accessKeyId: "AK",
  caCertificate: { ...CA, notAfter: "2020-01-03T00:00:00Z", expired: true },
  proxy: { mode: "custom", url: "http://proxy.corp:3128", username: "me", noProxy: null },
};

function type(testId: string, value: string) {
  fireEvent.change(screen.getByTestId(testId), { target: { value } });
}

function fillValid() {
  type("profile-name", "Corp");
  type("profile-endpoint", "https://zos.corp.example:7480");
  type("profile-access-key", "AK");
  type("profile-secret-key", "sk");
}

describe("ProfileDialog: CA and proxy (Advanced)", () => {
  beforeEach(() => {
    vi.mocked(api.checkProfile).mockResolvedValue(OK);
    vi.mocked(api.testConnection).mockResolvedValue({
      bucketCount: 1,
      latencyMs: 3,
      serverTime: null,
      clockSkewSeconds: 0,
      clockSkewWarning: false,
      canListBuckets: true,
    } as never);
    vi.mocked(api.saveProfile).mockImplementation(async (input) => ({ ...existing, ...input, id: input.id ?? "new" }) as Profile);
  });

  it("chooses a CA file in Rust's dialog, shows its subject and expiry, and saves its handle", async () => {
    vi.mocked(api.chooseCaCertificate).mockResolvedValue({ handle: "h-1", summary: CA });
    renderWithProviders(<ProfileDialog onClose={() => {}} onSaved={() => {}} />);
    expect(screen.getByTestId("profile-ca-none").textContent).toContain("system's trusted certificates only");
    fireEvent.click(screen.getByTestId("profile-ca-choose"));
    const summary = await screen.findByTestId("profile-ca-summary");
    expect(summary.textContent).toContain("Subject: CN=Corp Root CA, O=Corp");
    expect(screen.getByTestId("profile-ca-expiry").textContent).toBe("Valid until 2034-06-30");
    fillValid();
    fireEvent.click(screen.getByTestId("profile-save"));
    await waitFor(() => expect(api.saveProfile).toHaveBeenCalled());
    expect(vi.mocked(api.saveProfile).mock.calls[0][0].network).toEqual({
      ca: { kind: "chosen", handle: "h-1" },
      proxy: { mode: "system", url: null, username: null, noProxy: null },
      proxyPassword: null,
    });
  });

  it("says why a file is not a usable CA, and a cancelled dialog changes nothing", async () => {
    vi.mocked(api.chooseCaCertificate).mockRejectedValueOnce(
      new BackendError({ code: "CertificateFileInvalid", serverCode: null, status: null, requestId: null, detail: "no PEM" }),
    );
    renderWithProviders(<ProfileDialog onClose={() => {}} onSaved={() => {}} />);
    fireEvent.click(screen.getByTestId("profile-ca-choose"));
    expect((await screen.findByTestId("profile-ca")).textContent).toContain("This file is not a certificate that can be trusted");
    vi.mocked(api.chooseCaCertificate).mockResolvedValueOnce(null);
    fireEvent.click(screen.getByTestId("profile-ca-choose"));
    await waitFor(() => expect(api.chooseCaCertificate).toHaveBeenCalledTimes(2));
    expect(screen.getByTestId("profile-ca-none")).toBeTruthy();
  });

  it("shows an expired CA in red words and removes it; the proxy password is sent only when typed", async () => {
    renderWithProviders(<ProfileDialog profile={existing} onClose={() => {}} onSaved={() => {}} />);
    expect(screen.getByTestId("profile-ca-expired").textContent).toBe("Expired on 2020-01-03: connections will fail.");
    expect((screen.getByTestId("profile-proxy-custom") as HTMLInputElement).checked).toBe(true);
    expect((screen.getByTestId("profile-proxy-url") as HTMLInputElement).value).toBe("http://proxy.corp:3128");
    fireEvent.click(screen.getByTestId("profile-ca-remove"));
    expect(screen.getByTestId("profile-ca-none")).toBeTruthy();
    fireEvent.click(screen.getByTestId("profile-save"));
    await waitFor(() => expect(api.saveProfile).toHaveBeenCalledTimes(1));
    expect(vi.mocked(api.saveProfile).mock.calls[0][0].network).toEqual({
      ca: { kind: "remove" },
      proxy: { mode: "custom", url: "http://proxy.corp:3128", username: "me", noProxy: null },
      proxyPassword: null,
    });
    type("profile-proxy-password", "pw");
    type("profile-no-proxy", " localhost ");
    fireEvent.click(screen.getByTestId("profile-save"));
    await waitFor(() => expect(api.saveProfile).toHaveBeenCalledTimes(2));
    const second = vi.mocked(api.saveProfile).mock.calls[1][0].network;
    expect(second?.proxyPassword).toBe("pw");
    expect(second?.proxy?.noProxy).toBe("localhost");
  });

  it("shows Rust's proxy URL problem under the field, and Direct hides the proxy fields", async () => {
    vi.mocked(api.checkProfile).mockImplementation(async (input) =>
      input.network?.proxy?.mode === "custom"
        ? { problems: [{ field: "proxyUrl", reason: "ProxyUrlInvalid", part: null, detail: "x" }], plainHttp: false }
        : OK,
    );
    renderWithProviders(<ProfileDialog onClose={() => {}} onSaved={() => {}} />);
    fireEvent.click(screen.getByTestId("profile-proxy-custom"));
    type("profile-proxy-url", "proxy:3128");
    expect((await screen.findByTestId("profile-proxy-url-error")).textContent).toContain("http://host:port");
    fireEvent.click(screen.getByTestId("profile-proxy-direct"));
    expect(screen.queryByTestId("profile-proxy-url")).toBeNull();
  });
});

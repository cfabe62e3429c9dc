import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { api, type Capability } from "../../../backend";
import { BackendError } from "../../../errors";
import { renderWithProviders } from "../../../test/render";
import { CapabilitiesTab } from "./CapabilitiesTab";

vi.mock("../../../backend");

const LIST: Capability[] = [
  { subResource: "cors", support: { kind: "supported" }, error: null },
  { subResource: "encryption", support: { kind: "unsupported", why: "AnswersWithListing" }, error: null },
  { subResource: "logging", support: { kind: "unsupported", why: "MethodNotAllowed" }, error: null },
  { subResource: "notification", support: { kind: "unsupported", why: "NotImplemented" }, error: null },
  {
    subResource: "policy",
    support: null,
    error: { code: "AccessDenied", serverCode: null, status: 403, requestId: "tx-c1", detail: "Access Denied" },
  },
];

const row = (sub: string) => screen.getByTestId(`capability-${sub}`);

describe("CapabilitiesTab", () => {
  beforeEach(() => {
    vi.mocked(api.bucketCapabilities).mockResolvedValue(LIST);
  });

  it("explains why it matters, and shows each setting's support with the reason", async () => {
    renderWithProviders(<CapabilitiesTab profileId="p1" bucket="b1" />);
    await screen.findByTestId("capability-cors");
    expect(api.bucketCapabilities).toHaveBeenCalledWith("p1", "b1");
    expect(screen.getByTestId("settings-capabilities").textContent).toContain("would delete the whole bucket");

    expect(row("cors").dataset.support).toBe("supported");
    expect(within(row("cors")).getByTestId("capability-cors-state").textContent).toBe("Supported");
    expect(row("cors").textContent).toContain("CORS");

    expect(row("encryption").dataset.support).toBe("unsupported");
    expect(row("encryption").textContent).toContain("Default encryption");
    expect(row("encryption").textContent).toContain("Not supported");
    expect(row("encryption").textContent).toContain("answered with an object listing");
    expect(row("logging").textContent).toContain("405 Method Not Allowed");
    expect(row("notification").textContent).toContain("501 Not Implemented");

    expect(row("policy").dataset.support).toBe("unknown");
    expect(row("policy").textContent).toContain("Unknown");
    expect(row("policy").textContent).toContain("AccessDenied");
  });

  it("checks again on request", async () => {
    renderWithProviders(<CapabilitiesTab profileId="p1" bucket="b1" />);
    await screen.findByTestId("capability-cors");
    vi.mocked(api.bucketCapabilities).mockResolvedValue([{ subResource: "cors", support: { kind: "unsupported", why: "NotImplemented" }, error: null }]);
    fireEvent.click(screen.getByTestId("capabilities-refresh"));
    await waitFor(() => expect(row("cors").dataset.support).toBe("unsupported"));
    expect(api.bucketCapabilities).toHaveBeenCalledTimes(2);
    expect(screen.queryByTestId("capability-encryption")).toBeNull();
  });

  it("shows why the check failed", async () => {
    vi.mocked(api.bucketCapabilities).mockImplementation(async () => {
      throw new BackendError({ code: "NoSuchBucket", status: 404, requestId: "tx-c2", detail: "gone" });
    });
    renderWithProviders(<CapabilitiesTab profileId="p1" bucket="b1" />);
    expect((await screen.findByTestId("error-message")).textContent).toContain("The bucket does not exist.");
  });

  it("speaks Chinese", async () => {
    renderWithProviders(<CapabilitiesTab profileId="p1" bucket="b1" />, "zh-CN");
    await screen.findByTestId("capability-cors");
    expect(row("encryption").textContent).toContain("默认加密");
    expect(row("encryption").textContent).toContain("不支持");
    expect(row("logging").textContent).toContain("405");
    expect(screen.getByTestId("capabilities-refresh").textContent).toBe("重新检查");
  });
});

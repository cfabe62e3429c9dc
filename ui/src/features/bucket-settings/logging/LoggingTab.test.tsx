import { act, fireEvent, screen, waitFor } from "@testing-library/react";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { api, type BucketLogging, type ConfigDocument, type Problem } from "../../../backend";
import { BackendError } from "../../../errors";
import { renderWithProviders } from "../../../test/render";
import { LoggingTab } from "./LoggingTab";

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
function server(initial: BucketLogging) {
  let state = initial;
  vi.mocked(api.getBucketLogging).mockImplementation(async () => state);
  vi.mocked(api.putBucketLogging).mockImplementation(async (_p, _b, config) => {
    state = config;
    return null;
  });
  vi.mocked(api.checkConfig).mockImplementation(async (doc: ConfigDocument) => {
    if (doc.kind !== "logging" || !doc.value.LoggingEnabled) return [];
    const on = doc.value.LoggingEnabled;
    const problems: Problem[] = [];
    if (on.TargetBucket === "") problems.push(problem("LoggingEnabled.TargetBucket", "Required"));
    (on.TargetGrants ?? []).forEach((g, i) => {
      if (g.Grantee.Type === "Group" && !g.Grantee.URI)
        problems.push(problem(`LoggingEnabled.TargetGrants[${i}].Grantee.URI`, "Required"));
    });
    return problems;
  });
  vi.mocked(api.printConfig).mockImplementation(async (doc: ConfigDocument) => JSON.stringify(doc.value, null, 2));
  vi.mocked(api.parseConfig).mockImplementation(async (kind, text) => ({
    document: { kind, value: JSON.parse(text) } as ConfigDocument,
    problems: [],
  }));
}

const el = <T extends HTMLElement = HTMLInputElement>(testId: string) => screen.getByTestId(testId) as T;
const type = (testId: string, value: string) => fireEvent.change(el(testId), { target: { value } });

describe("LoggingTab", () => {
  beforeEach(() => {
    vi.clearAllMocks();
    server({ LoggingEnabled: null });
  });

  it("turning it on with a target and a grant sends the configuration, then reads it back", async () => {
    renderWithProviders(<LoggingTab profileId="p1" bucket="photos" />);
    expect((await screen.findByTestId("logging-state")).textContent).toBe("Access logging is off for this bucket.");
    expect(el("logging-enabled").checked).toBe(false);
    expect(screen.queryByTestId("logging-target-bucket")).toBeNull();

    fireEvent.click(el("logging-enabled"));
    expect(el("logging-target-prefix").value).toBe("logs/photos/");
    expect(screen.getByTestId("settings-logging").textContent).toContain("lets log delivery (the LogDelivery group) write");
    type("logging-target-bucket", "my-logs");
    fireEvent.click(el("logging-grant-add"));
    fireEvent.change(el("logging-grant-0-type"), { target: { value: "Group" } });
    fireEvent.click(el("logging-save"));
    // A group without its URI: Rust's problem at the field, nothing sent.
    expect((await screen.findByTestId("problem-LoggingEnabled.TargetGrants[0].Grantee.URI")).textContent).toBe("Required.");
    await act(async () => {});
    expect(api.putBucketLogging).not.toHaveBeenCalled();

    type("logging-grant-0-value", "http://acs.amazonaws.com/groups/global/AuthenticatedUsers");
    await waitFor(() => expect(screen.queryByTestId("config-problems")).toBeNull());
    fireEvent.click(el("logging-save"));
    await screen.findByTestId("logging-saved");
    expect(api.putBucketLogging).toHaveBeenCalledWith("p1", "photos", {
      LoggingEnabled: {
        TargetBucket: "my-logs",
        TargetPrefix: "logs/photos/",
        TargetGrants: [
          { Grantee: { Type: "Group", URI: "http://acs.amazonaws.com/groups/global/AuthenticatedUsers" }, Permission: "READ" },
        ],
      },
    });
    expect(api.getBucketLogging).toHaveBeenCalledTimes(2);
    expect(el("logging-state").textContent).toBe("Access logging is on: logs go to my-logs/logs/photos/");
    expect(el("logging-target-bucket").value).toBe("my-logs");
    expect(screen.getByTestId("logging-grant-0")).toBeTruthy();
  });

  it("turning it off sends LoggingEnabled null", async () => {
    server({ LoggingEnabled: { TargetBucket: "my-logs", TargetPrefix: "x/" } });
    renderWithProviders(<LoggingTab profileId="p1" bucket="photos" />);
    fireEvent.click(await screen.findByTestId("logging-enabled"));
    fireEvent.click(el("logging-save"));
    await screen.findByTestId("logging-saved");
    expect(api.putBucketLogging).toHaveBeenCalledWith("p1", "photos", { LoggingEnabled: null });
    expect(el("logging-enabled").checked).toBe(false);
  });

  it("an empty target bucket is shown at its field, and nothing is sent", async () => {
    renderWithProviders(<LoggingTab profileId="p1" bucket="photos" />);
    fireEvent.click(await screen.findByTestId("logging-enabled"));
    expect((await screen.findByTestId("problem-LoggingEnabled.TargetBucket")).textContent).toBe("Required.");
    expect(el<HTMLButtonElement>("logging-save").disabled).toBe(true);
    expect(api.putBucketLogging).not.toHaveBeenCalled();
  });

  it("removes a grant", async () => {
    server({
      LoggingEnabled: {
        TargetBucket: "my-logs",
        TargetPrefix: "x/",
        TargetGrants: [{ Grantee: { Type: "AmazonCustomerByEmail", EmailAddress: "a@example.com" }, Permission: "FULL_CONTROL" }],
      },
    });
    renderWithProviders(<LoggingTab profileId="p1" bucket="photos" />);
    expect(((await screen.findByTestId("logging-grant-0-value")) as HTMLInputElement).value).toBe("a@example.com");
    expect(el<HTMLSelectElement>("logging-grant-0-permission").value).toBe("FULL_CONTROL");
    fireEvent.click(el("logging-grant-0-remove"));
    expect(screen.queryByTestId("logging-grant-0")).toBeNull();
    fireEvent.click(el("logging-save"));
    await screen.findByTestId("logging-saved");
    expect(api.putBucketLogging).toHaveBeenCalledWith("p1", "photos", {
      LoggingEnabled: { TargetBucket: "my-logs", TargetPrefix: "x/" },
    });
  });

  it("on a server without it, shows the notice and the form disabled", async () => {
    vi.mocked(api.getBucketLogging).mockRejectedValue(
      new BackendError({ code: "UnsupportedByServer", status: 405, requestId: null, detail: "logging changes answer 405" }),
    );
    renderWithProviders(<LoggingTab profileId="p1" bucket="backups" />);
    expect((await screen.findByTestId("config-unsupported")).textContent).toContain("logging changes answer 405");
    expect(el("logging-enabled").disabled).toBe(true);
    expect(el<HTMLButtonElement>("logging-save").disabled).toBe(true);
    expect(el<HTMLFieldSetElement>("logging-disabled").disabled).toBe(true);
    expect(api.putBucketLogging).not.toHaveBeenCalled();
  });

  it("a put refused as unsupported shows the notice", async () => {
    vi.mocked(api.putBucketLogging).mockRejectedValue(
      new BackendError({ code: "UnsupportedByServer", status: 405, requestId: null, detail: "405 Method Not Allowed" }),
    );
    renderWithProviders(<LoggingTab profileId="p1" bucket="photos" />);
    fireEvent.click(await screen.findByTestId("logging-enabled"));
    type("logging-target-bucket", "my-logs");
    fireEvent.click(el("logging-save"));
    expect((await screen.findByTestId("config-unsupported")).textContent).toContain("405 Method Not Allowed");
    expect(screen.queryByTestId("logging-saved")).toBeNull();
  });

  it("speaks Chinese", async () => {
    renderWithProviders(<LoggingTab profileId="p1" bucket="photos" />, "zh-CN");
    expect((await screen.findByTestId("logging-state")).textContent).toBe("此存储桶的访问日志已关闭。");
  });
});

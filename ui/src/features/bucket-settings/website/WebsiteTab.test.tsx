import { act, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { api, type ConfigDocument, type Problem, type WebsiteConfiguration } from "../../../backend";
import { renderWithProviders } from "../../../test/render";
import { WebsiteTab } from "./WebsiteTab";

vi.mock("../../../backend");

const problem = (field: string, code: Problem["code"], limit: number | null = null): Problem => ({
  field,
  code,
  limit,
  line: null,
  column: null,
  detail: "",
});

/**
 * A server that keeps what is put, and a stand-in for Rust's check that knows one rule: an error
 * code condition must be 4xx (the real rules are Rust's; the UI only shows what it answers).
 */
function server(initial: WebsiteConfiguration | null) {
  let state = initial;
  vi.mocked(api.getBucketWebsite).mockImplementation(async () => state);
  vi.mocked(api.putBucketWebsite).mockImplementation(async (_p, _b, config) => {
    state = config;
    return null;
  });
  vi.mocked(api.deleteBucketWebsite).mockImplementation(async () => {
    state = null;
    return null;
  });
  vi.mocked(api.bucketWebsiteUrl).mockResolvedValue("http://b1.s3-website.example.com/");
  vi.mocked(api.checkConfig).mockImplementation(async (doc: ConfigDocument) => {
    if (doc.kind !== "website") return [];
    return (doc.value.RoutingRules ?? []).flatMap((r, i) => {
      const code = r.Condition?.HttpErrorCodeReturnedEquals;
      return code != null && !/^4\d\d$/.test(code)
        ? [problem(`RoutingRules[${i}].Condition.HttpErrorCodeReturnedEquals`, "WrongStatusClass", 400)]
        : [];
    });
  });
  vi.mocked(api.printConfig).mockImplementation(async (doc: ConfigDocument) => JSON.stringify(doc.value, null, 2));
  vi.mocked(api.parseConfig).mockImplementation(async (kind, text) => ({
    document: { kind, value: JSON.parse(text) } as ConfigDocument,
    problems: [],
  }));
}

const input = (testId: string) => screen.getByTestId(testId) as HTMLInputElement;
const type = (testId: string, value: string) => fireEvent.change(screen.getByTestId(testId), { target: { value } });

describe("WebsiteTab", () => {
  beforeEach(() => server(null));

  it("says when no website is set, and shows the address with the operator's caveat", async () => {
    renderWithProviders(<WebsiteTab profileId="p1" bucket="b1" />);
    expect((await screen.findByTestId("website-empty")).textContent).toContain("No website is set");
    expect((await screen.findByTestId("website-url")).textContent).toBe("http://b1.s3-website.example.com/");
    expect(screen.getByTestId("settings-website").textContent).toContain("rgw dns s3website name");
    expect(input("website-index").value).toBe("index.html");
    expect(screen.queryByTestId("website-delete")).toBeNull();
  });

  it("shows a saved site, switches to redirecting every request, and saves only that", async () => {
    server({ IndexDocument: { Suffix: "index.html" }, ErrorDocument: { Key: "404.html" } });
    renderWithProviders(<WebsiteTab profileId="p1" bucket="b1" />);
    expect((await screen.findByTestId("website-error") as HTMLInputElement).value).toBe("404.html");
    expect((screen.getByTestId("website-mode-site") as HTMLInputElement).checked).toBe(true);

    fireEvent.click(screen.getByTestId("website-mode-redirect"));
    expect(screen.queryByTestId("website-index")).toBeNull();
    type("website-redirect-host", "www.example.com");
    fireEvent.change(screen.getByTestId("website-redirect-protocol"), { target: { value: "https" } });
    fireEvent.click(screen.getByTestId("website-save"));

    await screen.findByTestId("website-saved");
    expect(api.putBucketWebsite).toHaveBeenCalledWith("p1", "b1", {
      RedirectAllRequestsTo: { HostName: "www.example.com", Protocol: "https" },
    });
    // Read back from the server after the save: the form shows what it holds.
    expect(api.getBucketWebsite).toHaveBeenCalledTimes(2);
    expect((screen.getByTestId("website-mode-redirect") as HTMLInputElement).checked).toBe(true);
    expect(input("website-redirect-host").value).toBe("www.example.com");
  });

  it("saves a routing rule with one condition and one key replacement", async () => {
    renderWithProviders(<WebsiteTab profileId="p1" bucket="b1" />);
    fireEvent.click(await screen.findByTestId("website-add-rule"));
    const rule = screen.getByTestId("website-rule-0");
    fireEvent.change(within(rule).getByTestId("website-rule-0-condition"), { target: { value: "prefix" } });
    type("website-rule-0-condition-value", "docs/");
    type("website-rule-0-host", "example.com");
    type("website-rule-0-code", "301");
    fireEvent.click(screen.getByTestId("website-rule-0-replace-key"));
    type("website-rule-0-replace-value", "moved.html");
    // Choosing the prefix instead keeps one input: never both replacements.
    fireEvent.click(screen.getByTestId("website-rule-0-replace-prefix"));
    fireEvent.click(screen.getByTestId("website-save"));

    await screen.findByTestId("website-saved");
    expect(api.putBucketWebsite).toHaveBeenCalledWith("p1", "b1", {
      IndexDocument: { Suffix: "index.html" },
      RoutingRules: [
        {
          Condition: { KeyPrefixEquals: "docs/" },
          Redirect: { HostName: "example.com", HttpRedirectCode: "301", ReplaceKeyPrefixWith: "moved.html" },
        },
      ],
    });
  });

  it("shows a wrong status class at its field and sends nothing", async () => {
    renderWithProviders(<WebsiteTab profileId="p1" bucket="b1" />);
    fireEvent.click(await screen.findByTestId("website-add-rule"));
    fireEvent.change(screen.getByTestId("website-rule-0-condition"), { target: { value: "error" } });
    type("website-rule-0-condition-value", "302");
    type("website-rule-0-host", "example.com");

    const inline = await screen.findByTestId("problem-RoutingRules[0].Condition.HttpErrorCodeReturnedEquals");
    expect(inline.textContent).toBe("Must be a 400-class HTTP status code (e.g. 400).");
    expect(screen.getByTestId("config-problems").textContent).toContain("RoutingRules[0].Condition.HttpErrorCodeReturnedEquals");
    expect(screen.getByTestId("settings-website").textContent).toContain("Fix 1 problem before saving.");
    expect((screen.getByTestId("website-save") as HTMLButtonElement).disabled).toBe(true);
    fireEvent.click(screen.getByTestId("website-save"));
    await act(async () => {});
    expect(api.putBucketWebsite).not.toHaveBeenCalled();

    type("website-rule-0-condition-value", "404");
    await waitFor(() => expect(screen.queryByTestId("config-problems")).toBeNull());
    fireEvent.click(screen.getByTestId("website-save"));
    await screen.findByTestId("website-saved");
    expect(vi.mocked(api.putBucketWebsite).mock.calls[0][2].RoutingRules?.[0].Condition).toEqual({
      HttpErrorCodeReturnedEquals: "404",
    });
  });

  it("refuses to save even before the delayed check has answered", async () => {
    renderWithProviders(<WebsiteTab profileId="p1" bucket="b1" />);
    fireEvent.click(await screen.findByTestId("website-add-rule"));
    fireEvent.change(screen.getByTestId("website-rule-0-condition"), { target: { value: "error" } });
    type("website-rule-0-condition-value", "500");
    fireEvent.click(screen.getByTestId("website-save"));
    expect(await screen.findByTestId("problem-RoutingRules[0].Condition.HttpErrorCodeReturnedEquals")).toBeTruthy();
    expect(api.putBucketWebsite).not.toHaveBeenCalled();
  });

  it("deletes the website after confirming, and reads back that none is set", async () => {
    server({ IndexDocument: { Suffix: "index.html" } });
    renderWithProviders(<WebsiteTab profileId="p1" bucket="b1" />);
    fireEvent.click(await screen.findByTestId("website-delete"));
    expect(document.activeElement).toBe(screen.getByTestId("confirm-cancel"));
    fireEvent.click(screen.getByTestId("confirm-ok"));
    await screen.findByTestId("website-empty");
    expect(api.deleteBucketWebsite).toHaveBeenCalledWith("p1", "b1");
    expect(screen.getByTestId("website-saved")).toBeTruthy();
    expect(screen.queryByTestId("confirm-dialog")).toBeNull();
  });

  it("edits the same configuration as JSON, and the form follows", async () => {
    renderWithProviders(<WebsiteTab profileId="p1" bucket="b1" />);
    await screen.findByTestId("website-index");
    fireEvent.click(screen.getByTestId("config-view-json"));
    await screen.findByTestId("website-json");
    expect(api.printConfig).toHaveBeenCalledWith({ kind: "website", value: { IndexDocument: { Suffix: "index.html" } } });
    await waitFor(() => expect(api.parseConfig).toHaveBeenCalled());
    fireEvent.click(screen.getByTestId("config-view-form"));
    expect((await screen.findByTestId("website-index") as HTMLInputElement).value).toBe("index.html");
  });

  it("speaks Chinese", async () => {
    renderWithProviders(<WebsiteTab profileId="p1" bucket="b1" />, "zh-CN");
    expect((await screen.findByTestId("website-empty")).textContent).toBe("此存储桶未设置网站。填写表单并保存即可开启。");
    expect(screen.getByTestId("website-add-rule").textContent).toBe("添加规则");
  });
});

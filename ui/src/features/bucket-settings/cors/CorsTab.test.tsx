import { EditorView } from "@codemirror/view";
import { act, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { api, type ConfigDocument, type CorsConfiguration, type PreflightAnswer, type Problem } from "../../../backend";
import { BackendError } from "../../../errors";
import { renderWithProviders } from "../../../test/render";
import { CorsTab } from "./CorsTab";

vi.mock("../../../backend");

const problem = (field: string, code: Problem["code"], detail = ""): Problem => ({
  field,
  code,
  limit: null,
  line: null,
  column: null,
  detail,
});

const SAVED: CorsConfiguration = {
  CORSRules: [
    { ID: "web", AllowedMethods: ["GET", "HEAD"], AllowedOrigins: ["https://www.example.com"], MaxAgeSeconds: 3000 },
    { AllowedMethods: ["PUT"], AllowedOrigins: ["https://app.example.com"], AllowedHeaders: ["*"] },
  ],
};

/**
 * A server that keeps what is put, and a stand-in for Rust's check that knows two rules: no
 * methods, and two "*" in one origin (the real rules are Rust's; the UI only shows its answer).
 */
function server(initial: CorsConfiguration | null) {
  let state = initial;
  vi.mocked(api.getBucketCors).mockImplementation(async () => state);
  vi.mocked(api.putBucketCors).mockImplementation(async (_p, _b, config) => {
    state = config;
    return null;
  });
  vi.mocked(api.deleteBucketCors).mockImplementation(async () => {
    state = null;
    return null;
  });
  vi.mocked(api.checkConfig).mockImplementation(async (doc: ConfigDocument) => {
    if (doc.kind !== "cors") return [];
    return doc.value.CORSRules.flatMap((r, i) => [
      ...(r.AllowedMethods.length === 0 ? [problem(`CORSRules[${i}].AllowedMethods`, "Required")] : []),
      ...r.AllowedOrigins.flatMap((o, j) =>
        (o.match(/\*/g) ?? []).length > 1 ? [problem(`CORSRules[${i}].AllowedOrigins[${j}]`, "TooManyWildcards", o)] : [],
      ),
    ]);
  });
  vi.mocked(api.printConfig).mockImplementation(async (doc: ConfigDocument) => JSON.stringify(doc.value, null, 2));
  vi.mocked(api.parseConfig).mockImplementation(async (kind, text) => {
    try {
      return { document: { kind, value: JSON.parse(text) } as ConfigDocument, problems: [] };
    } catch {
      return { document: null, problems: [{ ...problem("", "JsonSyntax", "expected value"), line: 1, column: 2 }] };
    }
  });
}

const field = (testId: string) => screen.getByTestId(testId) as HTMLInputElement;
const type = (testId: string, value: string) => fireEvent.change(screen.getByTestId(testId), { target: { value } });
const save = () => screen.getByTestId("cors-save") as HTMLButtonElement;

describe("CorsTab", () => {
  beforeEach(() => server(null));

  it("says when no CORS is set, and saves a rule made in the form", async () => {
    renderWithProviders(<CorsTab profileId="p1" bucket="b1" />);
    expect((await screen.findByTestId("cors-empty")).textContent).toContain("No CORS rules are set");
    expect(screen.queryByTestId("cors-delete")).toBeNull();
    // Nothing to save yet, and nothing to complain about.
    expect(save().disabled).toBe(true);
    expect(screen.queryByTestId("config-problems")).toBeNull();

    fireEvent.click(screen.getByTestId("cors-add-rule"));
    type("cors-rule-0-id", "uploads");
    type("cors-rule-0-origins", "https://app.example.com\n\n  https://admin.example.com  ");
    fireEvent.click(screen.getByTestId("cors-rule-0-method-PUT"));
    fireEvent.click(screen.getByTestId("cors-rule-0-method-GET"));
    type("cors-rule-0-allowed-headers", "x-amz-meta-*\ncontent-type");
    type("cors-rule-0-expose-headers", "ETag");
    type("cors-rule-0-max-age", "600");
    await waitFor(() => expect(save().disabled).toBe(false));
    fireEvent.click(save());

    await screen.findByTestId("cors-saved");
    expect(api.putBucketCors).toHaveBeenCalledWith("p1", "b1", {
      CORSRules: [
        {
          ID: "uploads",
          AllowedMethods: ["GET", "PUT"],
          AllowedOrigins: ["https://app.example.com", "https://admin.example.com"],
          AllowedHeaders: ["x-amz-meta-*", "content-type"],
          ExposeHeaders: ["ETag"],
          MaxAgeSeconds: 600,
        },
      ],
    });
    // Read back from the server: the form shows what it holds.
    expect(api.getBucketCors).toHaveBeenCalledTimes(2);
    expect(screen.queryByTestId("cors-empty")).toBeNull();
    expect(field("cors-rule-0-origins").value).toBe("https://app.example.com\nhttps://admin.example.com");
    expect(field("cors-rule-0-max-age").value).toBe("600");
    expect((screen.getByTestId("cors-rule-0-method-HEAD") as HTMLInputElement).checked).toBe(false);
    expect(screen.getByTestId("cors-delete")).toBeTruthy();
  });

  it("shows the saved rules; edits, duplicates and removes them", async () => {
    server(SAVED);
    renderWithProviders(<CorsTab profileId="p1" bucket="b1" />);
    expect((await screen.findByTestId("cors-rule-0-id") as HTMLInputElement).value).toBe("web");
    expect((screen.getByTestId("cors-rule-0-method-HEAD") as HTMLInputElement).checked).toBe(true);
    expect(field("cors-rule-1-allowed-headers").value).toBe("*");
    expect(save().disabled).toBe(true);

    fireEvent.click(screen.getByTestId("cors-rule-0-duplicate"));
    expect(screen.getAllByTestId(/^cors-rule-\d+$/)).toHaveLength(3);
    expect(field("cors-rule-1-id").value).toBe("web");
    type("cors-rule-1-id", "web-copy");
    fireEvent.click(screen.getByTestId("cors-rule-2-remove"));
    fireEvent.click(screen.getByTestId("cors-rule-0-method-HEAD"));
    fireEvent.click(screen.getByTestId("cors-rule-1-remove"));
    await waitFor(() => expect(save().disabled).toBe(false));
    fireEvent.click(save());
    await waitFor(() =>
      expect(api.putBucketCors).toHaveBeenCalledWith("p1", "b1", {
        CORSRules: [{ ID: "web", AllowedMethods: ["GET"], AllowedOrigins: ["https://www.example.com"], MaxAgeSeconds: 3000 }],
      }),
    );
  });

  it("warns about “*” as an origin", async () => {
    renderWithProviders(<CorsTab profileId="p1" bucket="b1" />);
    fireEvent.click(await screen.findByTestId("cors-add-rule"));
    type("cors-rule-0-origins", "*");
    expect(screen.getByTestId("cors-rule-0").textContent).toContain("“*” alone lets every website");
  });

  it("shows a problem from Rust at its field and sends nothing", async () => {
    server(SAVED);
    renderWithProviders(<CorsTab profileId="p1" bucket="b1" />);
    await screen.findByTestId("cors-rule-0");
    type("cors-rule-0-origins", "https://www.example.com\nhttps://*.example.*");

    const inline = await screen.findByTestId("problem-CORSRules[0].AllowedOrigins[1]");
    expect(inline.textContent).toBe("Only one “*” is allowed.");
    expect(inline.parentElement?.textContent).toContain("https://*.example.*");
    expect(screen.getByTestId("config-problems").textContent).toBe("CORSRules[0].AllowedOrigins[1]: Only one “*” is allowed.");
    expect(screen.getByTestId("settings-cors").textContent).toContain("Fix 1 problem before saving.");
    expect(save().disabled).toBe(true);
    fireEvent.click(save());
    await act(async () => {});
    expect(api.putBucketCors).not.toHaveBeenCalled();

    fireEvent.click(screen.getByTestId("cors-rule-1-method-PUT"));
    expect(await screen.findByTestId("problem-CORSRules[1].AllowedMethods")).toBeTruthy();
    fireEvent.click(screen.getByTestId("cors-rule-1-method-PUT"));
    type("cors-rule-0-origins", "https://www.example.com\nhttps://*.example.com");
    await waitFor(() => expect(screen.queryByTestId("config-problems")).toBeNull());
    fireEvent.click(save());
    await screen.findByTestId("cors-saved");
    expect(vi.mocked(api.putBucketCors).mock.calls[0][2].CORSRules[0].AllowedOrigins).toEqual([
      "https://www.example.com",
      "https://*.example.com",
    ]);
  });

  it("refuses to save even before the delayed check has answered", async () => {
    renderWithProviders(<CorsTab profileId="p1" bucket="b1" />);
    fireEvent.click(await screen.findByTestId("cors-add-rule"));
    type("cors-rule-0-origins", "https://*.a.*");
    fireEvent.click(save());
    expect(await screen.findByTestId("problem-CORSRules[0].AllowedMethods")).toBeTruthy();
    expect(api.putBucketCors).not.toHaveBeenCalled();
  });

  it("sends a live preflight and names the saved rule that matched", async () => {
    server(SAVED);
    const answer: PreflightAnswer = {
      status: 200,
      allowed: true,
      headers: [
        ["access-control-allow-origin", "https://www.example.com"],
        ["access-control-allow-methods", "GET, HEAD"],
      ],
      matchedRule: 0,
      ruleCount: 2,
      requestId: "tx-9",
    };
    vi.mocked(api.corsPreflight).mockResolvedValue(answer);
    renderWithProviders(<CorsTab profileId="p1" bucket="b1" />);
    await screen.findByTestId("cors-rule-0");
    type("preflight-origin", "https://www.example.com");
    fireEvent.change(screen.getByTestId("preflight-method"), { target: { value: "HEAD" } });
    type("preflight-headers", "content-type, x-amz-meta-owner  range");
    type("preflight-key", "photos/cat.jpg");
    fireEvent.click(screen.getByTestId("preflight-run"));

    const result = await screen.findByTestId("preflight-result");
    expect(api.corsPreflight).toHaveBeenCalledWith("p1", {
      bucket: "b1",
      key: "photos/cat.jpg",
      origin: "https://www.example.com",
      method: "HEAD",
      headers: ["content-type", "x-amz-meta-owner", "range"],
    });
    expect(within(result).getByTestId("preflight-allowed").textContent).toBe("Allowed (HTTP 200)");
    expect(result.textContent).toContain("Matched rule 1 (ID “web”)");
    const cells = within(result).getAllByRole("cell").map((c) => c.textContent);
    expect(cells).toEqual(["access-control-allow-origin", "https://www.example.com", "access-control-allow-methods", "GET, HEAD"]);
    expect(screen.getByTestId("cors-rule-0").dataset.matched).toBe("true");
    expect(screen.getByTestId("cors-rule-1").dataset.matched).toBeUndefined();

    // Unsaved edits: the test still asks about the saved rules, and says so.
    expect(screen.queryByTestId("preflight-unsaved")).toBeNull();
    type("cors-rule-1-id", "app");
    expect(screen.getByTestId("preflight-unsaved").textContent).toContain("unsaved changes");
    expect(screen.getByTestId("cors-rule-0").dataset.matched).toBeUndefined();
  });

  it("says when no rule matches, and when the bucket has none", async () => {
    server(SAVED);
    vi.mocked(api.corsPreflight).mockResolvedValueOnce({
      status: 403,
      allowed: false,
      headers: [],
      matchedRule: null,
      ruleCount: 2,
      requestId: null,
    });
    renderWithProviders(<CorsTab profileId="p1" bucket="b1" />);
    await screen.findByTestId("cors-rule-0");
    type("preflight-origin", "https://elsewhere.example.net");
    fireEvent.click(screen.getByTestId("preflight-run"));
    const result = await screen.findByTestId("preflight-result");
    expect(within(result).getByTestId("preflight-refused").textContent).toBe("Refused (HTTP 403)");
    expect(result.textContent).toContain("No rule matches this request (2 saved rules).");
    expect(screen.getByTestId("preflight-rule").textContent).not.toContain("Matched");
    expect(api.corsPreflight).toHaveBeenCalledWith("p1", {
      bucket: "b1",
      key: null,
      origin: "https://elsewhere.example.net",
      method: "GET",
      headers: [],
    });

    vi.mocked(api.corsPreflight).mockResolvedValueOnce({ status: 403, allowed: false, headers: [], matchedRule: null, ruleCount: 0, requestId: null });
    fireEvent.click(screen.getByTestId("preflight-run"));
    await waitFor(() => expect(screen.getByTestId("preflight-rule").textContent).toBe("This bucket has no CORS rules."));
  });

  it("shows Rust's refusal of a preflight's input", async () => {
    vi.mocked(api.corsPreflight).mockRejectedValue(
      new BackendError({ code: "InvalidInput", serverCode: null, status: null, requestId: null, detail: "origin is empty" }),
    );
    renderWithProviders(<CorsTab profileId="p1" bucket="b1" />);
    fireEvent.click(await screen.findByTestId("preflight-run"));
    expect((await screen.findByTestId("error-message")).textContent).toContain("origin is empty");
    expect(screen.queryByTestId("preflight-result")).toBeNull();
  });

  it("edits the same rules as JSON, and the form follows", async () => {
    server(SAVED);
    renderWithProviders(<CorsTab profileId="p1" bucket="b1" />);
    await screen.findByTestId("cors-rule-0");
    type("cors-rule-0-id", "site");
    fireEvent.click(screen.getByTestId("config-view-json"));
    const host = await screen.findByTestId("cors-json");
    const shown: CorsConfiguration = {
      CORSRules: [{ ...SAVED.CORSRules[0], ID: "site" }, SAVED.CORSRules[1]],
    };
    expect(api.printConfig).toHaveBeenCalledWith({ kind: "cors", value: shown });
    const view = EditorView.findFromDOM(host.querySelector(".cm-editor") as HTMLElement)!;
    await waitFor(() => expect(JSON.parse(view.state.doc.toString())).toEqual(shown));
    const edit = (text: string) => act(() => view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text } }));

    // Unparseable: Form keeps the user on JSON, with the problem.
    edit("{ nope");
    fireEvent.click(screen.getByTestId("config-view-form"));
    expect((await screen.findByTestId("config-problems")).textContent).toBe("Not valid JSON (line 1, column 2): expected value");
    expect(screen.getByTestId("cors-json-blocked")).toBeTruthy();
    expect(screen.queryByTestId("cors-rule-0")).toBeNull();

    const edited: CorsConfiguration = {
      CORSRules: [{ ID: "json", AllowedMethods: ["POST", "DELETE"], AllowedOrigins: ["https://x.example.com"], ExposeHeaders: ["ETag"] }],
    };
    edit(JSON.stringify(edited));
    await waitFor(() => expect(api.parseConfig).toHaveBeenLastCalledWith("cors", JSON.stringify(edited)));
    fireEvent.click(screen.getByTestId("config-view-form"));
    expect((await screen.findByTestId("cors-rule-0-id") as HTMLInputElement).value).toBe("json");
    expect((screen.getByTestId("cors-rule-0-method-DELETE") as HTMLInputElement).checked).toBe(true);
    expect(field("cors-rule-0-expose-headers").value).toBe("ETag");
    expect(screen.queryByTestId("cors-rule-1")).toBeNull();
    fireEvent.click(save());
    await waitFor(() => expect(api.putBucketCors).toHaveBeenCalledWith("p1", "b1", edited));
  });

  it("saves from the JSON view and shows the text read back", async () => {
    renderWithProviders(<CorsTab profileId="p1" bucket="b1" />);
    await screen.findByTestId("cors-empty");
    fireEvent.click(screen.getByTestId("config-view-json"));
    const host = await screen.findByTestId("cors-json");
    const view = EditorView.findFromDOM(host.querySelector(".cm-editor") as HTMLElement)!;
    const config: CorsConfiguration = { CORSRules: [{ AllowedMethods: ["GET"], AllowedOrigins: ["*"] }] };
    act(() => view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: JSON.stringify(config) } }));
    await waitFor(() => expect(save().disabled).toBe(false));
    fireEvent.click(save());
    await waitFor(() => expect(api.putBucketCors).toHaveBeenCalledWith("p1", "b1", config));
    await screen.findByTestId("cors-saved");
    // Read back and printed again, still in the JSON view.
    expect(api.getBucketCors).toHaveBeenCalledTimes(2);
    expect(api.printConfig).toHaveBeenLastCalledWith({ kind: "cors", value: config });
    const again = () => EditorView.findFromDOM(screen.getByTestId("cors-json").querySelector(".cm-editor") as HTMLElement)!;
    await waitFor(() => expect(again().state.doc.toString()).toBe(JSON.stringify(config, null, 2)));
  });

  it("deletes all rules only after confirming, and reads back that none is set", async () => {
    server(SAVED);
    renderWithProviders(<CorsTab profileId="p1" bucket="b1" />);
    fireEvent.click(await screen.findByTestId("cors-delete"));
    expect(screen.getByTestId("confirm-dialog").textContent).toContain("Every CORS rule of “b1” will be deleted.");
    expect(document.activeElement).toBe(screen.getByTestId("confirm-cancel"));
    fireEvent.click(screen.getByTestId("confirm-cancel"));
    await waitFor(() => expect(screen.queryByTestId("confirm-dialog")).toBeNull());
    expect(api.deleteBucketCors).not.toHaveBeenCalled();

    fireEvent.click(screen.getByTestId("cors-delete"));
    fireEvent.click(screen.getByTestId("confirm-ok"));
    await screen.findByTestId("cors-empty");
    expect(api.deleteBucketCors).toHaveBeenCalledWith("p1", "b1");
    expect(screen.getByTestId("cors-saved")).toBeTruthy();
    expect(screen.queryByTestId("cors-rule-0")).toBeNull();
    expect(screen.queryByTestId("confirm-dialog")).toBeNull();
  });

  it("shows the editor off, with the reason, when the server lacks CORS", async () => {
    vi.mocked(api.getBucketCors).mockRejectedValue(
      new BackendError({ code: "UnsupportedByServer", serverCode: null, status: 501, requestId: null, detail: "cors" }),
    );
    renderWithProviders(<CorsTab profileId="p1" bucket="b1" />);
    expect((await screen.findByTestId("config-unsupported")).textContent).toContain("This server does not support this setting");
    expect((screen.getByTestId("cors-add-rule") as HTMLButtonElement).closest("fieldset")?.disabled).toBe(true);
    expect(screen.queryByTestId("preflight-run")).toBeNull();
  });

  it("speaks Chinese", async () => {
    server(SAVED);
    vi.mocked(api.corsPreflight).mockResolvedValue({ status: 200, allowed: true, headers: [], matchedRule: 1, ruleCount: 2, requestId: null });
    renderWithProviders(<CorsTab profileId="p1" bucket="b1" />, "zh-CN");
    await screen.findByTestId("cors-rule-0");
    expect(screen.getByTestId("cors-add-rule").textContent).toBe("添加规则");
    expect(screen.getByTestId("cors-delete").textContent).toBe("删除全部规则");
    fireEvent.click(screen.getByTestId("preflight-run"));
    expect((await screen.findByTestId("preflight-result")).textContent).toContain("已允许（HTTP 200）命中规则 2");
  });
});

import { EditorView } from "@codemirror/view";
import { act, fireEvent, screen, waitFor } from "@testing-library/react";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { api, type ConfigDocument, type LifecycleConfiguration, type Problem } from "../../../backend";
import { BackendError } from "../../../errors";
import { renderWithProviders } from "../../../test/render";
import { LifecycleTab } from "./LifecycleTab";

vi.mock("../../../backend");

const problem = (field: string, code: Problem["code"], detail = ""): Problem => ({
  field,
  code,
  limit: null,
  line: null,
  column: null,
  detail,
});

/** The fake backend's "photos" fixture. */
const PHOTOS: LifecycleConfiguration = {
  Rules: [
    { ID: "expire-tmp", Status: "Enabled", Filter: { Prefix: "tmp/" }, Expiration: { Days: 7 } },
    {
      ID: "archive-old",
      Status: "Disabled",
      Filter: { And: { Prefix: "2024/", Tags: [{ Key: "archive", Value: "yes" }] } },
      Transitions: [{ Days: 90, StorageClass: "GLACIER" }],
    },
  ],
};

/**
 * A server that keeps what is put, and a stand-in for Rust's check that knows two rules: a date
 * must be this century, and IDs must differ (the real rules are Rust's; the UI only shows them).
 */
function server(initial: LifecycleConfiguration | null) {
  let state = initial;
  vi.mocked(api.getBucketLifecycle).mockImplementation(async () => state);
  vi.mocked(api.putBucketLifecycle).mockImplementation(async (_p, _b, config) => {
    state = config;
    return null;
  });
  vi.mocked(api.deleteBucketLifecycle).mockImplementation(async () => {
    state = null;
    return null;
  });
  vi.mocked(api.checkConfig).mockImplementation(async (doc: ConfigDocument) => {
    if (doc.kind !== "lifecycle") return [];
    return doc.value.Rules.flatMap((r, i) => {
      const out: Problem[] = [];
      const date = r.Expiration?.Date;
      if (date != null && !date.startsWith("20")) {
        out.push(problem(`Rules[${i}].Expiration.Date`, "Malformed", `${date} is not a date the server accepts`));
      }
      if (doc.value.Rules.slice(0, i).some((o) => o.ID === r.ID)) out.push(problem(`Rules[${i}].ID`, "Duplicate"));
      return out;
    });
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

const type = (testId: string, value: string) => fireEvent.change(screen.getByTestId(testId), { target: { value } });
const button = (testId: string) => screen.getByTestId(testId) as HTMLButtonElement;
const sentence = (i: number) => screen.getByTestId(`lifecycle-rule-${i}-sentence`).textContent;

describe("LifecycleTab", () => {
  beforeEach(() => server(PHOTOS));

  it("reads each rule aloud, with its ID and status", async () => {
    renderWithProviders(<LifecycleTab profileId="p1" bucket="photos" />);
    await screen.findByTestId("lifecycle-rule-1");
    expect(sentence(0)).toBe("Objects under tmp/ are deleted 7 days after creation.");
    expect(sentence(1)).toBe("Objects under 2024/ tagged archive=yes move to GLACIER 90 days after creation.");
    expect(screen.getByTestId("lifecycle-rule-0").textContent).toContain("expire-tmp");
    expect(screen.getByTestId("lifecycle-rule-0-status").textContent).toBe("Enabled");
    expect(screen.getByTestId("lifecycle-rule-1-status").textContent).toBe("Disabled");
    expect(screen.getByTestId("settings-lifecycle").textContent).toContain("The server keeps rules in ID order");
    expect(screen.queryByTestId("lifecycle-empty")).toBeNull();
  });

  it("reads the rules in Chinese", async () => {
    renderWithProviders(<LifecycleTab profileId="p1" bucket="photos" />, "zh-CN");
    await screen.findByTestId("lifecycle-rule-1");
    expect(sentence(0)).toBe("tmp/ 下的对象在创建 7 天后删除。");
    expect(sentence(1)).toBe("2024/ 下带有标签 archive=yes 的对象在创建 90 天后转为 GLACIER。");
    expect(screen.getByTestId("lifecycle-rule-1-status").textContent).toBe("已停用");
    expect(screen.getByTestId("lifecycle-rule-0-edit").textContent).toBe("编辑");
  });

  it("starts from nothing: adds a rule with a prefix and an expiration, and saves the configuration", async () => {
    server(null);
    renderWithProviders(<LifecycleTab profileId="p1" bucket="b1" />);
    expect((await screen.findByTestId("lifecycle-empty")).textContent).toContain("no lifecycle rules");
    expect(screen.queryByTestId("lifecycle-delete")).toBeNull();
    fireEvent.click(screen.getByTestId("lifecycle-add-rule"));
    expect(document.activeElement).toBe(screen.getByTestId("lifecycle-id"));
    type("lifecycle-id", "logs-30");
    fireEvent.change(screen.getByTestId("lifecycle-filter-kind"), { target: { value: "prefix" } });
    type("lifecycle-filter-prefix", "logs/");
    fireEvent.change(screen.getByTestId("lifecycle-expiration-kind"), { target: { value: "days" } });
    type("lifecycle-expiration-days", "30");
    expect(screen.getByTestId("lifecycle-form").textContent).toContain("Objects under logs/ are deleted 30 days after creation.");
    fireEvent.click(screen.getByTestId("lifecycle-form-done"));

    expect(screen.queryByTestId("lifecycle-form")).toBeNull();
    expect(sentence(0)).toBe("Objects under logs/ are deleted 30 days after creation.");
    expect(document.activeElement).toBe(screen.getByTestId("lifecycle-rule-0-edit"));
    fireEvent.click(screen.getByTestId("lifecycle-save"));

    await screen.findByTestId("lifecycle-saved");
    expect(api.putBucketLifecycle).toHaveBeenCalledWith("p1", "b1", {
      Rules: [{ ID: "logs-30", Status: "Enabled", Filter: { Prefix: "logs/" }, Expiration: { Days: 30 } }],
    });
    // Read back from the server after the save: the list shows what it holds.
    expect(api.getBucketLifecycle).toHaveBeenCalledTimes(2);
    expect(sentence(0)).toBe("Objects under logs/ are deleted 30 days after creation.");
  });

  it("edits every part of a rule: tags, transitions, noncurrent versions, uploads, and its status", async () => {
    renderWithProviders(<LifecycleTab profileId="p1" bucket="photos" />);
    fireEvent.click(await screen.findByTestId("lifecycle-rule-1-edit"));
    expect((screen.getByTestId("lifecycle-filter-tags-0-key") as HTMLInputElement).value).toBe("archive");
    fireEvent.click(screen.getByTestId("lifecycle-filter-tags-add"));
    type("lifecycle-filter-tags-1-key", "team");
    type("lifecycle-filter-tags-1-value", "ops");
    fireEvent.click(screen.getByTestId("lifecycle-transition-add"));
    fireEvent.change(screen.getByTestId("lifecycle-transition-1-when"), { target: { value: "date" } });
    type("lifecycle-transition-1-date", "2031-06-01");
    fireEvent.change(screen.getByTestId("lifecycle-transition-1-class"), { target: { value: "DEEP_ARCHIVE" } });
    fireEvent.change(screen.getByTestId("lifecycle-expiration-kind"), { target: { value: "date" } });
    type("lifecycle-expiration-date", "2032-01-01");
    fireEvent.click(screen.getByTestId("lifecycle-noncurrent-transition-add"));
    type("lifecycle-noncurrent-transition-0-days", "10");
    type("lifecycle-noncurrent-days", "40");
    type("lifecycle-abort-days", "7");
    fireEvent.change(screen.getByTestId("lifecycle-status"), { target: { value: "Enabled" } });
    fireEvent.click(screen.getByTestId("lifecycle-form-done"));

    expect(sentence(1)).toBe(
      "Objects under 2024/ tagged archive=yes and team=ops move to GLACIER 90 days after creation, move to DEEP_ARCHIVE on 2031-06-01 and are deleted on 2032-01-01. " +
        "Noncurrent versions of objects under 2024/ tagged archive=yes and team=ops move to STANDARD_IA 10 days after they stop being current and are deleted 40 days after they stop being current. " +
        "Incomplete multipart uploads under 2024/ tagged archive=yes and team=ops are aborted 7 days after they start.",
    );
    // The first rule turned off from the list.
    fireEvent.click(screen.getByTestId("lifecycle-rule-0-toggle"));
    expect(screen.getByTestId("lifecycle-unsaved")).toBeTruthy();
    fireEvent.click(screen.getByTestId("lifecycle-save"));

    await screen.findByTestId("lifecycle-saved");
    expect(api.putBucketLifecycle).toHaveBeenCalledWith("p1", "photos", {
      Rules: [
        { ID: "expire-tmp", Status: "Disabled", Filter: { Prefix: "tmp/" }, Expiration: { Days: 7 } },
        {
          ID: "archive-old",
          Status: "Enabled",
          Filter: {
            And: {
              Prefix: "2024/",
              Tags: [
                { Key: "archive", Value: "yes" },
                { Key: "team", Value: "ops" },
              ],
            },
          },
          Expiration: { Date: "2032-01-01T00:00:00Z" },
          Transitions: [
            { Days: 90, StorageClass: "GLACIER" },
            { Date: "2031-06-01T00:00:00Z", StorageClass: "DEEP_ARCHIVE" },
          ],
          NoncurrentVersionTransitions: [{ NoncurrentDays: 10, StorageClass: "STANDARD_IA" }],
          NoncurrentVersionExpiration: { NoncurrentDays: 40 },
          AbortIncompleteMultipartUpload: { DaysAfterInitiation: 7 },
        },
      ],
    });
  });

  it("shows a malformed date at its field and sends nothing until it is fixed", async () => {
    renderWithProviders(<LifecycleTab profileId="p1" bucket="photos" />);
    fireEvent.click(await screen.findByTestId("lifecycle-rule-0-edit"));
    fireEvent.change(screen.getByTestId("lifecycle-expiration-kind"), { target: { value: "date" } });
    type("lifecycle-expiration-date", "1999-12-31");
    // Save before the delayed check has answered: it asks Rust first, and sends nothing.
    fireEvent.click(screen.getByTestId("lifecycle-save"));
    const inline = await screen.findByTestId("problem-Rules[0].Expiration.Date");
    expect(inline.textContent).toBe("Not valid here: 1999-12-31T00:00:00Z is not a date the server accepts");
    expect(screen.getByTestId("config-problems").textContent).toContain("Rules[0].Expiration.Date");
    expect(screen.getByTestId("settings-lifecycle").textContent).toContain("Fix 1 problem before saving.");
    expect(button("lifecycle-save").disabled).toBe(true);
    expect(api.putBucketLifecycle).not.toHaveBeenCalled();

    type("lifecycle-expiration-date", "2030-01-01");
    await waitFor(() => expect(screen.queryByTestId("config-problems")).toBeNull());
    fireEvent.click(screen.getByTestId("lifecycle-save"));
    await screen.findByTestId("lifecycle-saved");
    expect(vi.mocked(api.putBucketLifecycle).mock.calls[0][2].Rules[0].Expiration).toEqual({ Date: "2030-01-01T00:00:00Z" });
  });

  it("shows a duplicate ID at the rule's ID", async () => {
    renderWithProviders(<LifecycleTab profileId="p1" bucket="photos" />);
    fireEvent.click(await screen.findByTestId("lifecycle-add-rule"));
    type("lifecycle-id", "expire-tmp");
    type("lifecycle-expiration-days", "3");
    expect((await screen.findByTestId("problem-Rules[2].ID")).textContent).toBe("Given twice: each must be unique.");
    fireEvent.click(screen.getByTestId("lifecycle-form-done"));
    expect(screen.getByTestId("lifecycle-rule-2").textContent).toContain("1 problem");
    expect(button("lifecycle-save").disabled).toBe(true);
  });

  it("removes a rule from the list, then saves the rest", async () => {
    renderWithProviders(<LifecycleTab profileId="p1" bucket="photos" />);
    fireEvent.click(await screen.findByTestId("lifecycle-rule-0-remove"));
    expect(sentence(0)).toContain("GLACIER");
    expect(screen.queryByTestId("lifecycle-rule-1")).toBeNull();
    fireEvent.click(screen.getByTestId("lifecycle-save"));
    await screen.findByTestId("lifecycle-saved");
    expect(api.putBucketLifecycle).toHaveBeenCalledWith("p1", "photos", { Rules: [PHOTOS.Rules[1]] });
  });

  it("edits the whole configuration as JSON, and the list follows", async () => {
    renderWithProviders(<LifecycleTab profileId="p1" bucket="photos" />);
    await screen.findByTestId("lifecycle-rule-1");
    fireEvent.click(screen.getByTestId("config-view-json"));
    const editor = await screen.findByTestId("lifecycle-json");
    expect(api.printConfig).toHaveBeenCalledWith({ kind: "lifecycle", value: PHOTOS });
    await waitFor(() => expect(editor.textContent).toContain("archive-old"));
    const view = EditorView.findFromDOM(editor.querySelector(".cm-editor") as HTMLElement)!;
    const typeJson = (text: string) => act(() => view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text } }));

    // Unparseable: Form keeps the user on JSON, with the problem.
    typeJson("{oops");
    fireEvent.click(screen.getByTestId("config-view-form"));
    expect((await screen.findByTestId("config-problems")).textContent).toBe("Not valid JSON (line 1, column 2): expected value");
    expect(screen.getByTestId("lifecycle-json-blocked")).toBeTruthy();

    const next: LifecycleConfiguration = {
      Rules: [{ ID: "uploads", Status: "Enabled", AbortIncompleteMultipartUpload: { DaysAfterInitiation: 7 } }],
    };
    typeJson(JSON.stringify(next));
    await waitFor(() => expect(api.parseConfig).toHaveBeenLastCalledWith("lifecycle", JSON.stringify(next)));
    fireEvent.click(screen.getByTestId("config-view-form"));
    await screen.findByTestId("lifecycle-rule-0");
    expect(sentence(0)).toBe("Incomplete multipart uploads are aborted 7 days after they start.");
    expect(screen.queryByTestId("lifecycle-rule-1")).toBeNull();

    // And back: the JSON shows the list as it now is.
    fireEvent.click(screen.getByTestId("config-view-json"));
    await screen.findByTestId("lifecycle-json");
    expect(api.printConfig).toHaveBeenLastCalledWith({ kind: "lifecycle", value: next });
    fireEvent.click(screen.getByTestId("lifecycle-save"));
    await waitFor(() => expect(api.putBucketLifecycle).toHaveBeenCalledWith("p1", "photos", next));
  });

  it("asks before deleting every rule, then reads back that none is set", async () => {
    renderWithProviders(<LifecycleTab profileId="p1" bucket="photos" />);
    fireEvent.click(await screen.findByTestId("lifecycle-delete"));
    expect(document.activeElement).toBe(screen.getByTestId("confirm-cancel"));
    expect(screen.getByTestId("confirm-dialog").textContent).toContain("Delete all lifecycle rules?");
    fireEvent.click(screen.getByTestId("confirm-cancel"));
    expect(api.deleteBucketLifecycle).not.toHaveBeenCalled();
    expect(screen.getByTestId("lifecycle-rule-0")).toBeTruthy();

    fireEvent.click(screen.getByTestId("lifecycle-delete"));
    fireEvent.click(screen.getByTestId("confirm-ok"));
    await screen.findByTestId("lifecycle-empty");
    expect(api.deleteBucketLifecycle).toHaveBeenCalledWith("p1", "photos");
    expect(screen.getByTestId("lifecycle-saved")).toBeTruthy();
    expect(screen.queryByTestId("confirm-dialog")).toBeNull();
    expect(screen.queryByTestId("lifecycle-delete")).toBeNull();
  });

  it("shows the editor off, with the reason, when the server lacks lifecycle", async () => {
    vi.mocked(api.getBucketLifecycle).mockRejectedValue(
      new BackendError({ code: "UnsupportedByServer", status: 501, requestId: "tx-1", detail: "lifecycle" }),
    );
    renderWithProviders(<LifecycleTab profileId="p1" bucket="photos" />);
    expect((await screen.findByTestId("config-unsupported")).textContent).toContain("This server does not support this setting");
    expect(button("lifecycle-add-rule").disabled).toBe(true);
  });
});

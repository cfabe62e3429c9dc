import { EditorView } from "@codemirror/view";
import { act, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { api, type Problem, type TagSet } from "../../../backend";
import { BackendError } from "../../../errors";
import { renderWithProviders } from "../../../test/render";
import { TagsTab } from "./TagsTab";

vi.mock("../../../backend");

const TWO: TagSet = { TagSet: [{ Key: "team", Value: "media" }, { Key: "项目", Value: "相册" }] };

const problem = (field: string, code: Problem["code"], limit: number | null = null): Problem => ({
  field,
  code,
  limit,
  line: null,
  column: null,
  detail: "",
});

const input = (id: string) => screen.getByTestId<HTMLInputElement>(id);
const button = (id: string) => screen.getByTestId<HTMLButtonElement>(id);
const values = () =>
  screen.queryAllByTestId(/^bucket-tags-row-\d+-key$/).map((k, i) => [
    (k as HTMLInputElement).value,
    input(`bucket-tags-row-${i}-value`).value,
  ]);

/** The server holds `stored`; a put replaces it, a delete empties it. */
function server(initial: TagSet) {
  let stored = initial;
  vi.mocked(api.getBucketTags).mockImplementation(async () => stored);
  vi.mocked(api.putBucketTags).mockImplementation(async (_p, _b, tags) => {
    stored = tags;
    return null;
  });
  vi.mocked(api.deleteBucketTags).mockImplementation(async () => {
    stored = { TagSet: [] };
    return null;
  });
}

describe("TagsTab", () => {
  beforeEach(() => {
    server(TWO);
    vi.mocked(api.checkConfig).mockResolvedValue([]);
    vi.mocked(api.printConfig).mockImplementation(async (doc) => JSON.stringify(doc.value, null, 2));
  });

  it("loads the tags, sends the edited set on Save and shows what the server holds", async () => {
    renderWithProviders(<TagsTab profileId="p1" bucket="photos" />);
    const tab = screen.getByTestId("settings-tags");
    await within(tab).findByTestId("bucket-tags-row-0-key");
    expect(api.getBucketTags).toHaveBeenCalledWith("p1", "photos");
    expect(values()).toEqual([
      ["team", "media"],
      ["项目", "相册"],
    ]);
    expect(screen.getByTestId("bucket-tags-count").textContent).toBe("2 / 50");
    expect(screen.queryByTestId("bucket-tags-none")).toBeNull();

    fireEvent.change(input("bucket-tags-row-0-value"), { target: { value: "video" } });
    fireEvent.click(button("bucket-tags-row-1-remove"));
    fireEvent.click(button("bucket-tags-add"));
    // The new row's key has the focus.
    expect(document.activeElement).toBe(input("bucket-tags-row-1-key"));
    fireEvent.change(input("bucket-tags-row-1-key"), { target: { value: "cost-center" } });
    expect(screen.getByTestId("bucket-tags-count").textContent).toBe("2 / 50");
    // Rust checks what the form holds.
    await waitFor(() =>
      expect(api.checkConfig).toHaveBeenLastCalledWith({
        kind: "bucketTags",
        value: { TagSet: [{ Key: "team", Value: "video" }, { Key: "cost-center", Value: "" }] },
      }),
    );

    fireEvent.click(button("bucket-tags-save"));
    await waitFor(() =>
      expect(api.putBucketTags).toHaveBeenCalledWith("p1", "photos", {
        TagSet: [{ Key: "team", Value: "video" }, { Key: "cost-center", Value: "" }],
      }),
    );
    expect((await screen.findByTestId("bucket-tags-saved")).textContent).toBe("Saved. Shown as read back from the server.");
    // Read back from the server.
    expect(api.getBucketTags).toHaveBeenCalledTimes(2);
    expect(values()).toEqual([
      ["team", "video"],
      ["cost-center", ""],
    ]);
    // An edit hides "Saved".
    fireEvent.change(input("bucket-tags-row-1-value"), { target: { value: "42" } });
    expect(screen.queryByTestId("bucket-tags-saved")).toBeNull();
  });

  it("shows the server's order after a save (what it holds, not what was typed)", async () => {
    vi.mocked(api.putBucketTags).mockResolvedValue(null);
    renderWithProviders(<TagsTab profileId="p1" bucket="photos" />);
    await screen.findByTestId("bucket-tags-row-0-key");
    vi.mocked(api.getBucketTags).mockResolvedValue({ TagSet: [{ Key: "a", Value: "1" }] });
    fireEvent.click(button("bucket-tags-save"));
    await screen.findByTestId("bucket-tags-saved");
    expect(values()).toEqual([["a", "1"]]);
  });

  it("disables the 51st tag", async () => {
    server({ TagSet: Array.from({ length: 49 }, (_, i) => ({ Key: `k${i}`, Value: "" })) });
    renderWithProviders(<TagsTab profileId="p1" bucket="photos" />);
    await screen.findByTestId("bucket-tags-row-48-key");
    expect(screen.getByTestId("bucket-tags-count").textContent).toBe("49 / 50");
    expect(button("bucket-tags-add").disabled).toBe(false);
    fireEvent.click(button("bucket-tags-add"));
    expect(screen.getByTestId("bucket-tags-row-49-key")).toBeTruthy();
    expect(screen.getByTestId("bucket-tags-count").textContent).toBe("50 / 50");
    expect(button("bucket-tags-add").disabled).toBe(true);
    // Removing one makes room again.
    fireEvent.click(button("bucket-tags-row-0-remove"));
    expect(button("bucket-tags-add").disabled).toBe(false);
  });

  it("shows a TooLong problem next to its field and sends nothing", async () => {
    const tooLong = "长".repeat(86);
    vi.mocked(api.checkConfig).mockImplementation(async (doc) =>
      doc.kind === "bucketTags" && doc.value.TagSet.some((t) => t.Value === tooLong) ? [problem("TagSet[1].Value", "TooLong", 256)] : [],
    );
    renderWithProviders(<TagsTab profileId="p1" bucket="photos" />);
    await screen.findByTestId("bucket-tags-row-1-value");
    fireEvent.change(input("bucket-tags-row-1-value"), { target: { value: tooLong } });

    const inline = await screen.findByTestId("bucket-tags-row-1-value-problems");
    expect(inline.textContent).toBe("Too long: at most 256 bytes (a Chinese character takes 3).");
    expect(input("bucket-tags-row-1-value").getAttribute("aria-invalid")).toBe("true");
    expect(screen.queryByTestId("bucket-tags-row-1-key-problems")).toBeNull();
    expect(screen.queryByTestId("config-problems")).toBeNull();

    // Save checks again, sends nothing, and lists what to fix above it.
    fireEvent.click(button("bucket-tags-save"));
    expect((await screen.findByTestId("config-problems")).textContent).toBe(
      "TagSet[1].Value: Too long: at most 256 bytes (a Chinese character takes 3).",
    );
    expect(screen.getByText("Fix 1 problem before saving.")).toBeTruthy();
    expect(api.checkConfig).toHaveBeenLastCalledWith({
      kind: "bucketTags",
      value: { TagSet: [{ Key: "team", Value: "media" }, { Key: "项目", Value: tooLong }] },
    });
    expect(api.putBucketTags).not.toHaveBeenCalled();

    // Fixed: the problem and the list go, and Save sends.
    fireEvent.change(input("bucket-tags-row-1-value"), { target: { value: "相册" } });
    await waitFor(() => expect(screen.queryByTestId("bucket-tags-row-1-value-problems")).toBeNull());
    expect(screen.queryByTestId("config-problems")).toBeNull();
    fireEvent.click(button("bucket-tags-save"));
    await waitFor(() => expect(api.putBucketTags).toHaveBeenCalledWith("p1", "photos", { TagSet: [TWO.TagSet[0], { Key: "项目", Value: "相册" }] }));
  });

  it("calls out a new row's empty key once it is left, or on Save", async () => {
    vi.mocked(api.checkConfig).mockImplementation(async (doc) =>
      doc.kind === "bucketTags" ? doc.value.TagSet.flatMap((t, i) => (t.Key === "" ? [problem(`TagSet[${i}].Key`, "Required")] : [])) : [],
    );
    renderWithProviders(<TagsTab profileId="p1" bucket="photos" />);
    await screen.findByTestId("bucket-tags-row-0-key");
    fireEvent.click(button("bucket-tags-add"));
    await waitFor(() => expect(api.checkConfig).toHaveBeenCalledWith(expect.objectContaining({ value: { TagSet: [...TWO.TagSet, { Key: "", Value: "" }] } })));
    await act(async () => {});
    expect(screen.queryByTestId("bucket-tags-row-2-key-problems")).toBeNull();
    fireEvent.blur(input("bucket-tags-row-2-key"));
    expect(screen.getByTestId("bucket-tags-row-2-key-problems").textContent).toBe("Required.");

    fireEvent.click(button("bucket-tags-add"));
    await waitFor(() => expect(screen.getAllByTestId(/^bucket-tags-row-\d+-key$/)).toHaveLength(4));
    fireEvent.click(button("bucket-tags-save"));
    expect((await screen.findByTestId("config-problems")).textContent).toBe("TagSet[2].Key: Required.TagSet[3].Key: Required.");
    expect(screen.getByTestId("bucket-tags-row-3-key-problems").textContent).toBe("Required.");
    expect(api.putBucketTags).not.toHaveBeenCalled();
  });

  it("re-checks on Save and refuses when Rust finds a problem the debounce had not shown yet", async () => {
    vi.mocked(api.checkConfig).mockImplementation(async (doc) =>
      doc.kind === "bucketTags" && doc.value.TagSet[0].Key === "项目" ? [problem("TagSet[0].Key", "Duplicate")] : [],
    );
    renderWithProviders(<TagsTab profileId="p1" bucket="photos" />);
    await screen.findByTestId("bucket-tags-row-0-key");
    fireEvent.change(input("bucket-tags-row-0-key"), { target: { value: "项目" } });
    // At once, before the debounced check has answered.
    fireEvent.click(button("bucket-tags-save"));
    expect((await screen.findByTestId("bucket-tags-row-0-key-problems")).textContent).toBe("Given twice: each must be unique.");
    expect(api.putBucketTags).not.toHaveBeenCalled();
  });

  it("says when the bucket has no tags", async () => {
    server({ TagSet: [] });
    renderWithProviders(<TagsTab profileId="p1" bucket="photos" />);
    expect((await screen.findByTestId("bucket-tags-none")).textContent).toBe("This bucket has no tags.");
    expect(screen.getByTestId("bucket-tags-count").textContent).toBe("0 / 50");
    expect(button("bucket-tags-delete").disabled).toBe(true);
  });

  it("removes all tags after a confirmation, then reads them again", async () => {
    renderWithProviders(<TagsTab profileId="p1" bucket="photos" />);
    await screen.findByTestId("bucket-tags-row-0-key");
    fireEvent.click(button("bucket-tags-delete"));
    const dialog = screen.getByTestId("confirm-dialog");
    expect(dialog.textContent).toContain("Remove all tags of “photos”?");
    expect(dialog.textContent).toContain("All 2 of its tags are removed from the server.");
    expect(document.activeElement).toBe(screen.getByTestId("confirm-cancel"));
    fireEvent.click(screen.getByTestId("confirm-ok"));
    await waitFor(() => expect(api.deleteBucketTags).toHaveBeenCalledWith("p1", "photos"));
    expect((await screen.findByTestId("bucket-tags-saved")).textContent).toBe(
      "All tags removed. Shown as read back from the server.",
    );
    expect(screen.getByTestId("bucket-tags-none")).toBeTruthy();
    expect(values()).toEqual([]);
    expect(api.putBucketTags).not.toHaveBeenCalled();
  });

  it("sends nothing when the removal is cancelled", async () => {
    renderWithProviders(<TagsTab profileId="p1" bucket="photos" />);
    await screen.findByTestId("bucket-tags-row-0-key");
    fireEvent.click(button("bucket-tags-delete"));
    fireEvent.click(screen.getByTestId("confirm-cancel"));
    await waitFor(() => expect(screen.queryByTestId("confirm-dialog")).toBeNull());
    expect(api.deleteBucketTags).not.toHaveBeenCalled();
  });

  it("edits the same tags as JSON, and keeps unparseable text on JSON", async () => {
    const parsed: TagSet = { TagSet: [{ Key: "env", Value: "prod" }] };
    vi.mocked(api.parseConfig).mockImplementation(async (_kind, text) =>
      text.includes("env")
        ? { document: { kind: "bucketTags", value: parsed }, problems: [] }
        : { document: null, problems: [{ ...problem("", "JsonSyntax"), line: 1, column: 2, detail: "expected value" }] },
    );
    renderWithProviders(<TagsTab profileId="p1" bucket="photos" />);
    await screen.findByTestId("bucket-tags-row-0-key");
    fireEvent.click(screen.getByTestId("config-view-json"));
    const editor = await screen.findByTestId("bucket-tags-json");
    expect(api.printConfig).toHaveBeenCalledWith({ kind: "bucketTags", value: TWO });
    await waitFor(() => expect(editor.textContent).toContain("相册"));
    const view = EditorView.findFromDOM(editor.querySelector(".cm-editor") as HTMLElement)!;
    const type = (text: string) => act(() => view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text } }));

    // Unparseable: Form keeps the user on JSON, with the problem.
    type("{oops");
    fireEvent.click(screen.getByTestId("config-view-form"));
    expect((await screen.findByTestId("config-problems")).textContent).toBe(
      "Not valid JSON (line 1, column 2): expected value",
    );
    expect(screen.getByTestId("bucket-tags-json")).toBeTruthy();
    fireEvent.click(button("bucket-tags-save"));

    // Parseable: the form follows, and Save sends it.
    type('{"TagSet": [{"Key": "env", "Value": "prod"}]}');
    await waitFor(() => expect(api.parseConfig).toHaveBeenLastCalledWith("bucketTags", '{"TagSet": [{"Key": "env", "Value": "prod"}]}'));
    fireEvent.click(screen.getByTestId("config-view-form"));
    await screen.findByTestId("bucket-tags-row-0-key");
    expect(values()).toEqual([["env", "prod"]]);
    expect(api.putBucketTags).not.toHaveBeenCalled();
    fireEvent.click(button("bucket-tags-save"));
    await waitFor(() => expect(api.putBucketTags).toHaveBeenCalledWith("p1", "photos", parsed));
  });

  it("saves from the JSON view and shows the text read back", async () => {
    const parsed: TagSet = { TagSet: [{ Key: "env", Value: "prod" }] };
    vi.mocked(api.parseConfig).mockResolvedValue({ document: { kind: "bucketTags", value: parsed }, problems: [] });
    renderWithProviders(<TagsTab profileId="p1" bucket="photos" />);
    await screen.findByTestId("bucket-tags-row-0-key");
    fireEvent.click(screen.getByTestId("config-view-json"));
    const editor = await screen.findByTestId("bucket-tags-json");
    await waitFor(() => expect(editor.textContent).toContain("相册"));
    const view = EditorView.findFromDOM(editor.querySelector(".cm-editor") as HTMLElement)!;
    act(() => view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: '{"TagSet":[{"Key":"env","Value":"prod"}]}' } }));
    fireEvent.click(button("bucket-tags-save"));
    await waitFor(() => expect(api.putBucketTags).toHaveBeenCalledWith("p1", "photos", parsed));
    await screen.findByTestId("bucket-tags-saved");
    // The server's answer, printed again.
    expect(api.printConfig).toHaveBeenLastCalledWith({ kind: "bucketTags", value: parsed });
    await waitFor(() => expect(view.state.doc.toString()).toBe(JSON.stringify(parsed, null, 2)));
  });

  it("shows the editor off, with the reason, when the server lacks tagging", async () => {
    vi.mocked(api.getBucketTags).mockRejectedValue(
      new BackendError({ code: "UnsupportedByServer", status: 501, requestId: "tx-1", detail: "tagging" }),
    );
    renderWithProviders(<TagsTab profileId="p1" bucket="photos" />);
    expect((await screen.findByTestId("config-unsupported")).textContent).toContain("This server does not support this setting");
    expect(button("bucket-tags-add").disabled).toBe(true);
    expect(screen.queryByTestId("bucket-tags-save")).toBeNull();
  });

  it("shows why the tags could not be read", async () => {
    vi.mocked(api.getBucketTags).mockRejectedValue(new BackendError({ code: "AccessDenied", status: 403, requestId: "tx-2", detail: "denied" }));
    renderWithProviders(<TagsTab profileId="p1" bucket="photos" />);
    expect(await screen.findByTestId("error-message")).toBeTruthy();
    expect(screen.queryByTestId("bucket-tags-save")).toBeNull();
  });

  it("speaks Chinese", async () => {
    renderWithProviders(<TagsTab profileId="p1" bucket="photos" />, "zh-CN");
    await screen.findByTestId("bucket-tags-row-0-key");
    expect(button("bucket-tags-add").textContent).toBe("添加标签");
    expect(input("bucket-tags-row-1-key").getAttribute("aria-label")).toBe("第 2 个标签的键");
    expect(screen.getByText(/一个汉字占 3 字节/)).toBeTruthy();
    fireEvent.click(button("bucket-tags-delete"));
    expect(screen.getByTestId("confirm-dialog").textContent).toContain("移除“photos”的全部标签？");
  });
});

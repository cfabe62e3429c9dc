import { act, fireEvent, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { api, type SearchPage as Page } from "../../backend";
import { BackendError } from "../../errors";
import { hit, mockSearchBackend, page, queryText, renderSearch, rows, typeQuery, validQuery } from "./testing";

vi.mock("../../backend");

let backend: ReturnType<typeof mockSearchBackend>;

beforeEach(() => {
  vi.resetAllMocks();
  backend = mockSearchBackend();
});

const set = (el: HTMLElement, value: string) => fireEvent.change(el, { target: { value } });
const runButton = () => screen.getByTestId<HTMLButtonElement>("search-run");

describe("text and builder", () => {
  it("a query typed as text replaces the builder's tree, nested group included", async () => {
    renderSearch();
    await validQuery("size>=1048576 and (name==*.mp4 or x-amz-meta-color==red)");
    await waitFor(() => expect(rows()).toEqual(["size ge 1 MiB", "name eq *.mp4", "meta:color eq red"]));
    const groups = screen.getAllByTestId("search-group");
    expect(groups.map((g) => g.dataset.join)).toEqual(["and", "or"]);
    // The nested group holds the two "or" rows.
    expect(within(groups[1]).getAllByTestId("search-row")).toHaveLength(2);
    expect(screen.getByTestId("search-valid").textContent).toBe(
      "Valid query: size>=1048576 and (name==*.mp4 or x-amz-meta-color==red)",
    );
  });

  it("a date in the text shows as local date-time in the builder", async () => {
    renderSearch();
    await validQuery("mtime>2026-12-01T10:00:00Z");
    const d = new Date("2026-12-01T10:00:00Z");
    const pad = (n: number) => String(n).padStart(2, "0");
    const local = `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
    await waitFor(() => expect(rows()).toEqual([`mtime gt ${local}`]));
  });

  it("builder edits are printed to the text: size with units, or-joined rows, a nested group", async () => {
    renderSearch();
    const [row] = screen.getAllByTestId("search-row");
    set(within(row).getByTestId("search-field"), "size");
    set(within(row).getByTestId("search-op"), "ge");
    set(within(row).getByTestId("search-value"), "1.5");
    expect(within(row).getByTestId<HTMLSelectElement>("search-unit").value).toBe("MiB");
    await waitFor(() => expect(queryText()).toBe("size>=1572864"));
    expect(api.printSearchQuery).toHaveBeenLastCalledWith({ root: { cond: { field: "size", op: "ge", value: { integer: "1572864" } } } });

    // A second row: the text waits until it has a value.
    fireEvent.click(screen.getAllByTestId("search-add-condition")[0]);
    expect(screen.getByTestId("search-builder-incomplete")).toBeTruthy();
    expect(runButton().disabled).toBe(true);
    const second = screen.getAllByTestId("search-row")[1];
    expect(document.activeElement).toBe(within(second).getByTestId("search-field"));
    set(within(second).getByTestId("search-value"), "a.txt");
    await waitFor(() => expect(queryText()).toBe("size>=1572864 and name==a.txt"));
    set(screen.getAllByTestId("search-join")[0], "or");
    await waitFor(() => expect(queryText()).toBe("size>=1572864 or name==a.txt"));

    // A group ( ) inside: its rows are joined the other way, in parentheses.
    fireEvent.click(screen.getAllByTestId("search-add-group")[0]);
    const group = screen.getAllByTestId("search-group")[1];
    set(within(group).getByTestId("search-field"), "meta");
    set(within(group).getByTestId("search-meta-name"), "Color");
    set(within(group).getByTestId("search-value"), "red");
    fireEvent.click(within(group).getByTestId("search-add-condition"));
    const groupRows = within(group).getAllByTestId("search-row");
    set(within(groupRows[1]).getByTestId("search-field"), "contentType");
    set(within(groupRows[1]).getByTestId("search-value"), "image/png");
    // "and" binds tighter than "or": the printer writes no parentheses there.
    await waitFor(() => expect(queryText()).toBe("size>=1572864 or name==a.txt or x-amz-meta-color==red and content_type==image/png"));
    await waitFor(() => expect(screen.getByTestId("search-valid")).toBeTruthy());
    // The check of the printed text leaves the builder's rows as they are.
    expect(rows()).toHaveLength(4);
    expect(runButton().disabled).toBe(false);

    // Removing a row prints again.
    fireEvent.click(within(groupRows[0]).getByTestId("search-remove"));
    await waitFor(() => expect(queryText()).toBe("size>=1572864 or name==a.txt or content_type==image/png"));
    // The focus goes to the group's "Add condition", not to the page.
    await waitFor(() => expect(document.activeElement).toBe(within(screen.getAllByTestId("search-group")[1]).getByTestId("search-add-condition")));
  });

  it("a row that cannot be written says why", async () => {
    renderSearch();
    const [row] = screen.getAllByTestId("search-row");
    set(within(row).getByTestId("search-value"), "two words");
    expect(within(row).getByTestId("search-row-problem").textContent).toBe("A value may not contain spaces or “)” nor start with a quote.");
    set(within(row).getByTestId("search-field"), "versionedEpoch");
    set(within(row).getByTestId("search-value"), "12x");
    expect(within(row).getByTestId("search-row-problem").textContent).toBe("Enter a whole number (digits only).");
    expect(api.printSearchQuery).not.toHaveBeenCalled();
  });
});

describe("checking and sending", () => {
  it("an invalid query shows its problem with the token marked, and nothing is sent", async () => {
    const user = userEvent.setup();
    renderSearch();
    typeQuery("name==a.txt and size>=10MB");
    const problem = await screen.findByTestId("search-problem");
    expect(screen.getByTestId("search-problem-message").textContent).toBe(
      "“10MB” is not a whole number: digits only, such as 1048576 (no units, no sign).",
    );
    expect(screen.getByTestId("search-bad-token").textContent).toBe("10MB");
    expect(within(problem).getByTestId("search-problem-source").textContent).toBe("name==a.txt and size>=10MB");
    expect(screen.getByTestId("search-query").getAttribute("aria-invalid")).toBe("true");
    expect(runButton().disabled).toBe(true);
    screen.getByTestId("search-query").focus();
    await user.keyboard("{Enter}");
    fireEvent.submit(runButton().closest("form")!);
    await act(async () => {});
    expect(api.searchObjects).not.toHaveBeenCalled();
  });

  it("marks a token after multi-byte characters at the right place, and an unclosed (", async () => {
    renderSearch();
    typeQuery("name==中文 and sise==1");
    await screen.findByTestId("search-problem");
    expect(screen.getByTestId("search-bad-token").textContent).toBe("sise");
    expect(screen.getByTestId("search-problem-message").textContent).toContain("“sise” is not a field");
    typeQuery("(name==a or name==b");
    await waitFor(() => expect(screen.getByTestId("search-problem-message").textContent).toBe("This “(” is never closed."));
    expect(screen.getByTestId("search-bad-token").textContent).toBe("(");
  });

  it("Enter right after typing checks first, then sends the request with the options", async () => {
    vi.mocked(api.searchObjects).mockResolvedValue(page([hit("a.txt")]));
    renderSearch();
    set(screen.getByTestId("search-mode"), "wild");
    expect(screen.getByTestId("search-mode-hint").textContent).toContain("* is any run of characters");
    set(screen.getByTestId("search-order"), "size");
    set(screen.getByTestId("search-direction"), "desc");
    set(screen.getByTestId("search-max-keys"), "0");
    expect(screen.getByTestId("search-max-keys-error").textContent).toBe("Enter a whole number from 1 to 10,000.");
    set(screen.getByTestId("search-max-keys"), "10001");
    expect(screen.getByTestId("search-max-keys-error")).toBeTruthy();
    set(screen.getByTestId("search-max-keys"), "250");
    expect(screen.queryByTestId("search-max-keys-error")).toBeNull();
    set(screen.getByTestId("search-query"), "name==*.txt");
    fireEvent.keyDown(screen.getByTestId("search-query"), { key: "Enter" });
    await waitFor(() => expect(api.searchObjects).toHaveBeenCalledTimes(1));
    const [profileId, request, engine, searchId] = vi.mocked(api.searchObjects).mock.calls[0];
    expect([profileId, engine]).toEqual(["p1", "server"]);
    expect(request).toEqual({
      bucket: "bkt",
      query: "name==*.txt",
      options: { mode: "wild", order: { key: "size", descending: true }, maxKeys: 250, marker: null },
    });
    expect(searchId).toMatch(/.{8,}/);
    expect(await screen.findByTestId("search-results")).toBeTruthy();
  });

  it("orders by a custom metadata name only once it is given", async () => {
    vi.mocked(api.searchObjects).mockResolvedValue(page([]));
    renderSearch();
    await validQuery("size>0");
    set(screen.getByTestId("search-order"), "meta");
    expect(screen.getByTestId("search-order-meta-error").textContent).toBe("Enter the metadata name (after x-amz-meta-).");
    expect(runButton().disabled).toBe(true);
    set(screen.getByTestId("search-order-meta"), "Rank");
    expect(screen.queryByTestId("search-order-meta-error")).toBeNull();
    fireEvent.click(runButton());
    await screen.findByTestId("search-none");
    expect(vi.mocked(api.searchObjects).mock.calls[0][1].options.order).toEqual({ key: { meta: "rank" }, descending: false });
  });

  it("shows the server's error with its code and request id", async () => {
    vi.mocked(api.searchObjects).mockRejectedValue(
      new BackendError({ code: "AccessDenied", status: 403, requestId: "tx-search-1", detail: "" }),
    );
    renderSearch();
    await validQuery("name==a");
    fireEvent.click(runButton());
    const error = await screen.findByTestId("error-message");
    expect(error.textContent).toContain("The search failed.");
    expect(error.textContent).toContain("tx-search-1");
  });
});

describe("engines", () => {
  it("Auto: a server without metadata search offers to search on this computer, which runs local", async () => {
    vi.mocked(api.searchObjects).mockImplementation(async (_p, _r, engine) => {
      if (engine === "server") throw new BackendError({ code: "UnsupportedByServer", status: 200, requestId: null, detail: "listing" });
      return page([hit("photos/cat.jpg", { contentType: "image/jpeg", customMetadata: { color: "red" } })], { engine: "local", scanned: 40, headed: 3 });
    });
    renderSearch();
    await validQuery("x-amz-meta-color==red");
    fireEvent.click(runButton());
    const notice = await screen.findByTestId("search-no-server");
    expect(notice.textContent).toContain("This server has no metadata search");
    expect(screen.queryByTestId("error-message")).toBeNull();
    expect(api.searchObjects).toHaveBeenCalledTimes(1);

    fireEvent.click(within(notice).getByTestId("search-run-local"));
    await screen.findByTestId("search-results");
    expect(vi.mocked(api.searchObjects).mock.calls[1].slice(0, 3)).toEqual([
      "p1",
      { bucket: "bkt", query: "x-amz-meta-color==red", options: { mode: "term", order: null, maxKeys: 100, marker: null } },
      "local",
    ]);
    expect(screen.queryByTestId("search-no-server")).toBeNull();
    const row = screen.getByTestId("search-hit");
    expect(row.textContent).toContain("image/jpeg");
    expect(row.textContent).toContain("color=red");
    expect(screen.getByTestId("search-summary").textContent).toBe(
      "1 result shown · found on this computer · 40 objects listed, 3 HEAD requests",
    );
  });

  it("Server: UnsupportedByServer is an error, no offer", async () => {
    vi.mocked(api.searchObjects).mockRejectedValue(new BackendError({ code: "UnsupportedByServer", status: 200, requestId: "tx9", detail: "" }));
    renderSearch();
    fireEvent.click(screen.getByTestId("search-engine-server"));
    await validQuery("name==a");
    fireEvent.click(runButton());
    await screen.findByTestId("error-message");
    expect(screen.queryByTestId("search-no-server")).toBeNull();
  });

  it("On this computer: warns, shows progress from events, and Cancel stops it (partial results said)", async () => {
    let answer: (p: Page) => void = () => {};
    vi.mocked(api.searchObjects).mockImplementation(() => new Promise<Page>((resolve) => (answer = resolve)));
    renderSearch();
    fireEvent.click(screen.getByTestId("search-engine-local"));
    expect(screen.getByTestId("search-engine-hint").textContent).toContain("Lists the whole bucket here");
    expect(screen.getByTestId("search-engine-hint").textContent).toContain("HEAD request per candidate object");
    await validQuery("content_type==image/png");
    fireEvent.click(runButton());
    await waitFor(() => expect(api.searchObjects).toHaveBeenCalledTimes(1));
    const searchId = vi.mocked(api.searchObjects).mock.calls[0][3];
    expect(vi.mocked(api.searchObjects).mock.calls[0][2]).toBe("local");

    act(() => backend.emit({ searchId: "someone-else", listed: 9, headed: 9, matched: 9 }));
    act(() => backend.emit({ searchId, listed: 1200, headed: 30, matched: 4 }));
    expect(screen.getByTestId("search-progress").textContent).toBe("Listed 1,200 · HEAD 30 · matched 4");

    fireEvent.click(screen.getByTestId("search-cancel"));
    expect(api.cancelSearch).toHaveBeenCalledWith(searchId);
    expect(screen.getByTestId<HTMLButtonElement>("search-cancel").textContent).toBe("Cancelling…");
    await act(async () =>
      answer(page([hit("a.png", { contentType: "image/png" })], { engine: "local", scanned: 1300, headed: 31, limited: { kind: "cancelled", listed: 1300 } })),
    );
    expect(screen.queryByTestId("search-cancel")).toBeNull();
    expect(screen.queryByTestId("search-progress")).toBeNull();
    expect(screen.getByTestId("search-limited").textContent).toBe("Cancelled after 1,300 objects listed: the results cover only those.");
    expect(screen.getAllByTestId("search-hit")).toHaveLength(1);
  });

  it("More results asks the next page by marker, from the engine that answered", async () => {
    vi.mocked(api.searchObjects)
      .mockResolvedValueOnce(page([hit("a"), hit("b")], { isTruncated: true, nextMarker: "2" }))
      .mockResolvedValueOnce(page([hit("c")]));
    renderSearch();
    await validQuery("name>a");
    fireEvent.click(runButton());
    fireEvent.click(await screen.findByTestId("search-more"));
    await waitFor(() => expect(screen.getAllByTestId("search-hit")).toHaveLength(3));
    const [, request, engine] = vi.mocked(api.searchObjects).mock.calls[1];
    expect(engine).toBe("server");
    expect(request.options.marker).toBe("2");
    expect(screen.queryByTestId("search-more")).toBeNull();
  });
});

describe("results", () => {
  const KEY = "a//b c/中文.txt";

  it("shows names exactly and opens one with Enter or a double click; arrows move", async () => {
    vi.mocked(api.searchObjects).mockResolvedValue(
      page([hit("first.txt"), hit(KEY, { instance: "v-123" }), hit("x  y.txt")]),
    );
    const { onOpen } = renderSearch();
    await validQuery("size>0");
    fireEvent.click(runButton());
    const names = await screen.findAllByTestId("search-hit-name");
    expect(names.map((n) => n.textContent)).toEqual(["first.txt", KEY, "x  y.txt"]);
    expect(screen.getByTestId("search-hit-version").textContent).toBe("version v-123");

    const hits = screen.getAllByTestId("search-hit");
    hits[0].focus();
    fireEvent.keyDown(hits[0], { key: "ArrowDown" });
    expect(document.activeElement).toBe(hits[1]);
    fireEvent.keyDown(hits[1], { key: "Enter" });
    expect(onOpen).toHaveBeenCalledWith(expect.objectContaining({ key: KEY }));
    fireEvent.keyDown(hits[1], { key: "End" });
    expect(document.activeElement).toBe(hits[2]);
    fireEvent.doubleClick(hits[0]);
    expect(onOpen).toHaveBeenLastCalledWith(expect.objectContaining({ key: "first.txt" }));
  });
});

describe("zh-CN", () => {
  it("says everything in Chinese: labels, problems, the no-server offer, progress", async () => {
    vi.mocked(api.searchObjects).mockRejectedValue(new BackendError({ code: "UnsupportedByServer", status: 200, requestId: null, detail: "" }));
    renderSearch("zh-CN");
    expect(screen.getByRole("heading", { name: "搜索" })).toBeTruthy();
    expect(screen.getAllByText("查询构建器").length).toBeGreaterThan(0);
    expect(screen.getByTestId("search-engine-hint").textContent).toBe("使用服务器的元数据搜索；服务器不支持时，可改为在本机搜索。");
    typeQuery("size>=10MB");
    await waitFor(() =>
      expect(screen.getByTestId("search-problem-message").textContent).toBe("“10MB”不是整数：只能写数字，例如 1048576（不带单位和符号）。"),
    );
    await validQuery("size>=10");
    fireEvent.click(runButton());
    const notice = await screen.findByTestId("search-no-server");
    expect(notice.textContent).toContain("此服务器没有元数据搜索功能");
    expect(within(notice).getByTestId("search-run-local").textContent).toBe("在本机搜索");
    // No English words left on the page (field names and operators are the query's syntax).
    const text = screen.getByTestId("search-page").textContent ?? "";
    expect(text).not.toMatch(/\b(Search|Query|Bucket|Options|Add|Remove|Enter|results?)\b/);
  });
});

import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { api } from "../../backend";
import { nameOf, obj, page, renderBrowser, rowOf, selectedKeys } from "./testing";

vi.mock("../../backend");

beforeEach(() => {
  localStorage.clear();
  vi.mocked(api.headObject).mockReturnValue(new Promise(() => {}));
});

describe("keys exactly as they are", () => {
  it("shows leading, trailing and repeated spaces, and escapes bidi and control characters", async () => {
    vi.mocked(api.listObjects).mockResolvedValue(
      page("special/", [], [obj("special/  two leading spaces.txt"), obj("special/trailing  "), obj("special/evil\u202Etxt.exe")]),
    );
    renderBrowser("special/");
    await waitFor(() => rowOf("special/  two leading spaces.txt"));
    expect(() => rowOf("special/ two leading spaces.txt")).toThrow();
    expect(nameOf("special/  two leading spaces.txt")).toBe("  two leading spaces.txt");
    expect(nameOf("special/trailing  ")).toBe("trailing  ");
    const evil = rowOf("special/evil\u202Etxt.exe");
    expect(nameOf("special/evil\u202Etxt.exe")).toBe("evil\\u202Etxt.exe");
    expect(evil.textContent).not.toContain("\u202E");
    expect(within(evil).getByText("\\u202E").className).toContain("name-escape");
    expect(evil.querySelector(".cell-name")?.getAttribute("title")).toBe("special/evil\\u202Etxt.exe");
  });

  it("shows an empty folder name as a placeholder, and opens exactly its prefix", async () => {
    vi.mocked(api.listObjects).mockResolvedValue(page("double/", ["double//"], []));
    const { onNavigate } = renderBrowser("double/");
    const row = await screen.findByTestId("object-row-double//");
    expect(row.textContent).toContain("(empty name)");
    fireEvent.doubleClick(row);
    expect(onNavigate).toHaveBeenLastCalledWith("double//");
  });

  it("says the placeholder in Chinese too", async () => {
    vi.mocked(api.listObjects).mockResolvedValue(page("double/", ["double//"], []));
    renderBrowser("double/", { locale: "zh-CN" });
    expect((await screen.findByTestId("object-row-double//")).textContent).toContain("（空名称）");
  });

  it("cuts a long name in the middle, keeping its extension, with the whole name in the title", async () => {
    const key = `${"quarterly-report-".repeat(4)}final.tar.gz`;
    vi.mocked(api.listObjects).mockResolvedValue(page("", [], [obj(key)]));
    renderBrowser();
    await screen.findByTestId(`object-row-${key}`);
    const shown = nameOf(key);
    expect(shown).not.toBe(key);
    expect(shown.startsWith("quarterly-rep")).toBe(true);
    expect(shown.endsWith(".tar.gz")).toBe(true);
    expect(shown).toContain("…");
    expect(screen.getByTestId(`object-row-${key}`).querySelector(".cell-name")?.getAttribute("title")).toBe(key);
  });
});

describe("breadcrumb", () => {
  beforeEach(() => vi.mocked(api.listObjects).mockResolvedValue(page("", [], [])));

  it("has one crumb per level of the exact prefix; each opens exactly its prefix", async () => {
    const { onNavigate } = renderBrowser("double//slash/");
    const crumbs = within(screen.getByTestId("breadcrumb"))
      .getAllByRole("button")
      .map((b) => b.getAttribute("data-testid"));
    expect(crumbs).toEqual(["breadcrumb-root", "breadcrumb-double/", "breadcrumb-double//", "breadcrumb-double//slash/"]);
    expect(screen.getByTestId("breadcrumb-double//").textContent).toBe("(empty name)");
    fireEvent.click(screen.getByTestId("breadcrumb-double//"));
    expect(onNavigate).toHaveBeenLastCalledWith("double//");
    fireEvent.click(screen.getByTestId("breadcrumb-double//slash/"));
    expect(onNavigate).toHaveBeenLastCalledWith("double//slash/");
    fireEvent.click(screen.getByTestId("breadcrumb-root"));
    expect(onNavigate).toHaveBeenLastCalledWith("");
  });

  it("collapses the middle of a deep prefix into a menu, and keeps the bucket's name", async () => {
    const user = userEvent.setup();
    const levels = Array.from({ length: 13 }, (_, i) => `level-${i + 1}`);
    const prefix = `${levels.join("/")}/`;
    const at = (n: number) => `${levels.slice(0, n).join("/")}/`;
    const { onNavigate } = renderBrowser(prefix);
    expect(screen.getByTestId("breadcrumb-root").textContent).toBe("bkt");
    expect(screen.getByTestId(`breadcrumb-${at(12)}`)).toBeTruthy();
    expect(screen.queryByTestId(`breadcrumb-${at(1)}`)).toBeNull();
    expect(screen.getByTestId(`breadcrumb-${at(13)}`).getAttribute("aria-current")).toBe("location");
    expect(screen.queryByTestId(`breadcrumb-${at(5)}`)).toBeNull();
    await user.click(screen.getByTestId("breadcrumb-more"));
    const menu = await screen.findByRole("menu");
    expect(within(menu).getAllByRole("menuitem").map((i) => i.textContent)).toEqual(levels.slice(0, 11));
    await user.click(screen.getByTestId(`breadcrumb-${at(5)}`));
    expect(onNavigate).toHaveBeenLastCalledWith(at(5));
  });
});

describe("path field", () => {
  const enter = (value: string) => {
    const input = screen.getByTestId("path-input");
    fireEvent.change(input, { target: { value } });
    fireEvent.keyDown(input, { key: "Enter" });
  };

  it("opens a value ending in / as that prefix, exactly, without listing", async () => {
    vi.mocked(api.listObjects).mockResolvedValue(page("", [], []));
    const { onNavigate } = renderBrowser();
    vi.mocked(api.listObjects).mockClear();
    enter("  a//b /");
    await waitFor(() => expect(onNavigate).toHaveBeenLastCalledWith("  a//b /"));
    enter("");
    await waitFor(() => expect(onNavigate).toHaveBeenLastCalledWith(""));
    expect(api.listObjects).not.toHaveBeenCalled();
  });

  it("opens an object key's folder and selects the object", async () => {
    vi.mocked(api.listObjects).mockImplementation(async (_p, _b, prefix) =>
      prefix === "docs/report.pdf" ? page(prefix, [], [obj("docs/report.pdf"), obj("docs/report.pdf.bak")]) : page(prefix, [], []),
    );
    const { onGo } = renderBrowser();
    enter("docs/report.pdf");
    await waitFor(() => expect(onGo).toHaveBeenCalledWith({ bucket: "bkt", prefix: "docs/", select: "docs/report.pdf" }));
    expect(api.listObjects).toHaveBeenCalledWith("p1", "bkt", "docs/report.pdf", null, 1000);
  });

  it("opens a folder typed without its slash as a folder", async () => {
    vi.mocked(api.listObjects).mockResolvedValue(page("", ["docs/"], [obj("docs.txt")]));
    const { onNavigate, onGo } = renderBrowser();
    enter("docs");
    await waitFor(() => expect(onNavigate).toHaveBeenLastCalledWith("docs/"));
    expect(onGo).not.toHaveBeenCalled();
  });

  it("accepts s3://bucket/key and the endpoint's own URL", async () => {
    vi.mocked(api.listObjects).mockImplementation(async (_p, _b, prefix) => page(prefix, [], [obj("a b/c.txt")]));
    const { onGo } = renderBrowser("", { endpoint: "http://127.0.0.1:7480/" });
    enter("s3://other/a b/c.txt");
    await waitFor(() => expect(onGo).toHaveBeenLastCalledWith({ bucket: "other", prefix: "a b/", select: "a b/c.txt" }));
    expect(api.listObjects).toHaveBeenLastCalledWith("p1", "other", "a b/c.txt", null, 1000);
    enter("s3://other/x/");
    await waitFor(() => expect(onGo).toHaveBeenLastCalledWith({ bucket: "other", prefix: "x/" }));
    enter("http://127.0.0.1:7480/other/a%20b/c.txt");
    await waitFor(() => expect(onGo).toHaveBeenCalledTimes(3));
    expect(onGo).toHaveBeenLastCalledWith({ bucket: "other", prefix: "a b/", select: "a b/c.txt" });
  });

  it("selects the object it was asked to, once listed", async () => {
    vi.mocked(api.listObjects).mockResolvedValue(page("docs/", [], [obj("docs/a.txt"), obj("docs/report.pdf")]));
    renderBrowser("docs/", { initialSelect: "docs/report.pdf" });
    await screen.findByTestId("object-row-docs/report.pdf");
    expect(selectedKeys()).toEqual(["docs/report.pdf"]);
    expect(document.querySelector(".object-row.focused")?.getAttribute("data-testid")).toBe("object-row-docs/report.pdf");
  });

  it("says there is nothing under a prefix, unlike an empty bucket or an empty folder", async () => {
    vi.mocked(api.listObjects).mockResolvedValue(page("nope/", [], []));
    const { unmount } = renderBrowser("nope/");
    expect((await screen.findByTestId("objects-nothing-under")).textContent).toBe("Nothing under nope/.");
    unmount();

    vi.mocked(api.listObjects).mockResolvedValue(page("", [], []));
    const second = renderBrowser("");
    expect((await screen.findByTestId("objects-empty")).textContent).toContain("This bucket is empty.");
    expect(screen.queryByTestId("objects-nothing-under")).toBeNull();
    second.unmount();

    vi.mocked(api.listObjects).mockResolvedValue(page("marked/", [], [obj("marked/", 0)]));
    renderBrowser("marked/", { locale: "zh-CN" });
    expect((await screen.findByTestId("objects-empty")).textContent).toContain("此文件夹为空。");
  });

  it("says nothing-under in Chinese", async () => {
    vi.mocked(api.listObjects).mockResolvedValue(page("无/", [], []));
    renderBrowser("无/", { locale: "zh-CN" });
    expect((await screen.findByTestId("objects-nothing-under")).textContent).toBe("无/ 下没有任何内容。");
  });
});

describe("small windows and counts", () => {
  const many = (n: number, name: string) => Array.from({ length: n }, (_, i) => obj(`${name}-${i}`));
  // A short first page: the table asks for the next one at once (it is near the end of the rows).
  const twoThousand = async (_p: string, _b: string, prefix: string, token: string | null) =>
    token === null ? page(prefix, [], many(150, "f"), "t") : page(prefix, [], many(1850, "g"));

  it("formats counts per language", async () => {
    vi.mocked(api.listObjects).mockImplementation(twoThousand);
    renderBrowser();
    await waitFor(() => expect(screen.getByTestId("loaded-count").textContent).toBe("2,000 items loaded"));
    fireEvent.keyDown(screen.getByTestId("object-table"), { key: "a", ctrlKey: true });
    expect(screen.getByTestId("selected-count").textContent).toBe("2,000 selected");
    expect(screen.getByTestId("details-pane").textContent).toContain("2,000 objects selected.");
    fireEvent.click(screen.getByTestId("object-delete"));
    expect(screen.getByTestId("confirm-dialog").textContent).toContain("Delete 2,000 objects?");
  });

  it("formats counts in Chinese", async () => {
    vi.mocked(api.listObjects).mockImplementation(twoThousand);
    renderBrowser("", { locale: "zh-CN" });
    await waitFor(() => expect(screen.getByTestId("loaded-count").textContent).toBe("已加载 2,000 项"));
    fireEvent.keyDown(screen.getByTestId("object-table"), { key: "a", ctrlKey: true });
    expect(screen.getByTestId("selected-count").textContent).toBe("已选择 2,000 项");
  });

  it("collapses the details pane and remembers it", async () => {
    vi.mocked(api.listObjects).mockResolvedValue(page("", [], [obj("a.txt")]));
    const first = renderBrowser();
    expect(screen.getByTestId("details-pane")).toBeTruthy();
    expect(screen.getByTestId("details-toggle").getAttribute("aria-pressed")).toBe("true");
    fireEvent.click(screen.getByTestId("details-toggle"));
    expect(screen.queryByTestId("details-pane")).toBeNull();
    expect(screen.getByTestId("details-toggle").getAttribute("aria-label")).toBe("Show details");
    first.unmount();
    renderBrowser();
    expect(screen.queryByTestId("details-pane")).toBeNull();
    fireEvent.click(screen.getByTestId("details-toggle"));
    expect(screen.getByTestId("details-pane")).toBeTruthy();
  });

  it("resizes a column by dragging its header's edge, and remembers the width", async () => {
    vi.mocked(api.listObjects).mockResolvedValue(page("", [], [obj("a.txt")]));
    const first = renderBrowser();
    await screen.findByTestId("object-row-a.txt");
    const columns = () => screen.getByTestId("object-table").style.getPropertyValue("--object-columns");
    expect(columns()).toBe("minmax(240px, 1fr) 92px 128px 96px 60px");
    const handle = screen.getByTestId("col-resize-size");
    fireEvent.pointerDown(handle, { clientX: 500, pointerId: 1 });
    fireEvent.pointerMove(handle, { clientX: 540, pointerId: 1 });
    fireEvent.pointerUp(handle, { clientX: 540, pointerId: 1 });
    expect(columns()).toBe("minmax(240px, 1fr) 132px 128px 96px 60px");
    // Never narrower than the column's minimum.
    fireEvent.pointerDown(screen.getByTestId("col-resize-name"), { clientX: 500, pointerId: 1 });
    fireEvent.pointerMove(screen.getByTestId("col-resize-name"), { clientX: 100, pointerId: 1 });
    expect(columns()).toBe("minmax(120px, 1fr) 132px 128px 96px 60px");
    first.unmount();
    renderBrowser();
    await screen.findByTestId("object-row-a.txt");
    expect(columns()).toBe("minmax(120px, 1fr) 132px 128px 96px 60px");
  });
});

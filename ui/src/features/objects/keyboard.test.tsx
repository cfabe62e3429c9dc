import { act, fireEvent, screen, waitFor } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { api } from "../../backend";
import { scrollTopToShow } from "./ObjectTable";
import { focusedRow, obj, page, renderBrowser, selectedKeys } from "./testing";
import { TYPE_AHEAD_MS } from "./useTableKeyboard";

vi.mock("../../backend");

// Few enough rows that the row window renders them all (happy-dom has no real layout).
const FILES = Array.from({ length: 20 }, (_, i) => `kb/file-${String(i).padStart(2, "0")}.txt`);
const ALL = ["kb/alpha/", "kb/beta/", ...FILES, "kb/report.txt", "kb/zeta.txt"];

beforeEach(() => {
  vi.mocked(api.headObject).mockReturnValue(new Promise(() => {}));
  vi.mocked(api.listObjects).mockResolvedValue(
    page("kb/", ["kb/alpha/", "kb/beta/"], [...FILES, "kb/report.txt", "kb/zeta.txt"].map((k) => obj(k))),
  );
});

afterEach(() => vi.useRealTimers());

async function table(prefix = "kb/") {
  const r = renderBrowser(prefix);
  await screen.findByTestId("object-row-kb/zeta.txt");
  const el = screen.getByTestId("object-table");
  // A 300 px table: a page is 6 rows (264 px under the header, less one row of context).
  Object.defineProperty(el, "clientHeight", { configurable: true, value: 300 });
  el.focus();
  const press = (key: string, init: Partial<KeyboardEventInit> = {}) => fireEvent.keyDown(el, { key, ...init });
  return { ...r, el, press };
}

describe("object table keyboard", () => {
  it("ArrowDown/ArrowUp move a focus row that is not the selection", async () => {
    const { press } = await table();
    expect(focusedRow()).toBeNull();
    press("ArrowDown");
    expect(focusedRow()).toBe("kb/alpha/");
    press("ArrowDown");
    press("ArrowDown");
    expect(focusedRow()).toBe(FILES[0]);
    press("ArrowUp");
    expect(focusedRow()).toBe("kb/beta/");
    expect(selectedKeys()).toEqual([]);
    // It stops at the ends.
    press("ArrowUp");
    press("ArrowUp");
    expect(focusedRow()).toBe("kb/alpha/");
  });

  it("Home and End go to the first and last loaded row", async () => {
    const { press } = await table();
    press("End");
    expect(focusedRow()).toBe("kb/zeta.txt");
    press("Home");
    expect(focusedRow()).toBe("kb/alpha/");
  });

  it("PageDown and PageUp move by a page of visible rows", async () => {
    const { press } = await table();
    press("Home");
    press("PageDown");
    expect(focusedRow()).toBe(ALL[6]);
    press("PageDown");
    press("PageDown");
    expect(focusedRow()).toBe(ALL[18]);
    press("PageDown");
    expect(focusedRow()).toBe("kb/zeta.txt");
    press("PageUp");
    expect(focusedRow()).toBe(ALL[ALL.length - 1 - 6]);
  });

  it("Shift+movement extends the selection from the anchor", async () => {
    const { press } = await table();
    fireEvent.click(screen.getByTestId(`object-row-${FILES[2]}`));
    expect(focusedRow()).toBe(FILES[2]);
    press("ArrowDown", { shiftKey: true });
    press("ArrowDown", { shiftKey: true });
    expect(selectedKeys()).toEqual([FILES[2], FILES[3], FILES[4]]);
    press("ArrowUp", { shiftKey: true });
    expect(selectedKeys()).toEqual([FILES[2], FILES[3]]);
    press("Home", { shiftKey: true });
    expect(selectedKeys()).toEqual(ALL.slice(0, ALL.indexOf(FILES[2]) + 1));
  });

  it("Ctrl+A (and ⌘+A) selects every loaded row and says how many", async () => {
    const { press } = await table();
    const ctrlA = fireEvent.keyDown(screen.getByTestId("object-table"), { key: "a", ctrlKey: true });
    expect(ctrlA).toBe(false); // default prevented: the page's text is not selected
    expect(selectedKeys()).toHaveLength(ALL.length);
    expect(screen.getByTestId("selected-count").textContent).toBe("24 selected");
    press("Escape");
    press("a", { metaKey: true });
    expect(selectedKeys()).toHaveLength(ALL.length);
  });

  it("Space toggles the focus row's selection", async () => {
    const { press } = await table();
    press("ArrowDown");
    press("ArrowDown");
    press(" ");
    expect(selectedKeys()).toEqual(["kb/beta/"]);
    press("ArrowDown");
    press(" ");
    expect(selectedKeys()).toEqual(["kb/beta/", FILES[0]]);
    press(" ");
    expect(selectedKeys()).toEqual(["kb/beta/"]);
  });

  it("Enter opens a focused folder, or shows a focused object's details", async () => {
    vi.mocked(api.headObject).mockResolvedValue({
      key: "kb/report.txt",
      size: 1024,
      contentType: "text/plain",
      lastModified: null,
      etag: null,
      versionId: null,
      storageClass: null,
      objectType: "Normal",
      metadata: {},
      rawMetadata: {},
    });
    const { press, onNavigate } = await table();
    press("ArrowDown");
    press("Enter");
    expect(onNavigate).toHaveBeenLastCalledWith("kb/alpha/");
    press("r");
    expect(focusedRow()).toBe("kb/report.txt");
    press("Enter");
    expect(selectedKeys()).toEqual(["kb/report.txt"]);
    expect((await screen.findByTestId("details-contentType")).textContent).toBe("text/plain");
  });

  it("Backspace and Alt+ArrowUp go up one level; not at the root", async () => {
    const { press, onNavigate } = await table("kb/");
    press("Backspace");
    expect(onNavigate).toHaveBeenLastCalledWith("");
    onNavigate.mockClear();
    press("ArrowUp", { altKey: true });
    expect(onNavigate).toHaveBeenLastCalledWith("");
    expect(focusedRow()).toBeNull(); // Alt+Up does not move the focus row
  });

  it("Backspace at the bucket's root does nothing", async () => {
    vi.mocked(api.listObjects).mockResolvedValue(page("", [], [obj("kb/zeta.txt")]));
    const { press, onNavigate } = await table("");
    press("Backspace");
    expect(onNavigate).not.toHaveBeenCalled();
  });

  it("Delete asks to delete the selected rows, folders counted, with the count", async () => {
    vi.mocked(api.summarizeFolder).mockImplementation(async (_p, _b, prefix) => ({ prefix, objects: 4, bytes: 4096 }));
    const { press } = await table();
    press("a", { ctrlKey: true });
    press("Delete");
    // 22 objects of the 24 rows, and the 4 objects of each of the 2 folders.
    const question = await screen.findByTestId("delete-question");
    expect(question.textContent?.replace(/\u00a0/g, " ")).toBe("Delete 2 folders and 22 objects: 30 objects, 30.0 KiB in all?");
    fireEvent.click(screen.getByTestId("confirm-cancel"));
    expect(api.deleteObjects).not.toHaveBeenCalled();
    expect(api.deleteFolder).not.toHaveBeenCalled();
  });

  it("Delete with nothing selected asks nothing", async () => {
    const { press } = await table();
    press("ArrowDown");
    press("Delete");
    expect(screen.queryByTestId("confirm-dialog")).toBeNull();
  });

  it("Escape clears the selection", async () => {
    const { press } = await table();
    press("a", { ctrlKey: true });
    press("Escape");
    expect(selectedKeys()).toEqual([]);
    expect(screen.queryByTestId("selected-count")).toBeNull();
  });

  it("typing jumps to the first row whose shown name starts with the letters typed", async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const { press } = await table();
    press("f");
    expect(focusedRow()).toBe(FILES[0]);
    press("i");
    press("l");
    press("e");
    press("-");
    press("1");
    expect(focusedRow()).toBe(FILES[10]);
    press("2");
    expect(focusedRow()).toBe(FILES[12]);
    press("x");
    expect(focusedRow()).toBe(FILES[12]); // no match: the focus stays
    // After a pause the typed text starts over.
    act(() => vi.advanceTimersByTime(TYPE_AHEAD_MS + 50));
    press("Z");
    expect(focusedRow()).toBe("kb/zeta.txt");
    act(() => vi.advanceTimersByTime(TYPE_AHEAD_MS + 50));
    press("b");
    expect(focusedRow()).toBe("kb/beta/");
    expect(selectedKeys()).toEqual([]);
  });

  it("leaves keys on the header's buttons to them", async () => {
    const { onNavigate } = await table();
    fireEvent.keyDown(screen.getByTestId("sort-name"), { key: "Backspace" });
    fireEvent.keyDown(screen.getByTestId("sort-name"), { key: "ArrowDown" });
    expect(onNavigate).not.toHaveBeenCalled();
    expect(focusedRow()).toBeNull();
  });

  it("scrolls the focus row into view below the sticky header", () => {
    // Row 0 is at 0..34 under a 36 px header; a 300 px viewport shows rows 0..6 whole.
    expect(scrollTopToShow(0, 0, 300)).toBe(0);
    expect(scrollTopToShow(6, 0, 300)).toBe(0);
    expect(scrollTopToShow(7, 0, 300)).toBe(36 + 8 * 34 - 300);
    expect(scrollTopToShow(99, 0, 300)).toBe(36 + 100 * 34 - 300);
    expect(scrollTopToShow(3, 1000, 300)).toBe(3 * 34);
  });

  it("keeps the keyboard focus on the table after a click on a row", async () => {
    await table();
    fireEvent.click(screen.getByTestId(`object-row-${FILES[0]}`));
    await waitFor(() => expect(focusedRow()).toBe(FILES[0]));
    expect(screen.getByTestId("object-table").getAttribute("aria-activedescendant")).toBeTruthy();
  });
  it("F3 previews the focus object (not a folder); ← / → in the preview walk the objects and the focus row follows", async () => {
    vi.mocked(api.previewObject).mockImplementation(async (_p, _b, key) => ({
      key,
      versionId: null,
      contentType: "text/plain",
      size: 1,
      fetchedBytes: 1,
      truncated: false,
      content: { kind: "text", value: { text: `body of ${key}`, encoding: "UTF-8", detectedEncoding: "UTF-8", bom: false, lossy: false } },
    }));
    const { press } = await table();
    press("Home");
    press("F3");
    expect(screen.queryByTestId("preview-dialog")).toBeNull();
    press("End");
    press("ArrowUp");
    press("F3");
    expect((await screen.findByTestId("preview-text")).textContent).toContain("body of kb/report.txt");
    expect(selectedKeys()).toEqual(["kb/report.txt"]);
    fireEvent.keyDown(screen.getByTestId("preview-text"), { key: "ArrowRight" });
    await waitFor(() => expect(screen.getByTestId("preview-text").textContent).toContain("body of kb/zeta.txt"));
    expect(focusedRow()).toBe("kb/zeta.txt");
    // The last object: no next.
    expect(screen.queryByTestId("preview-next")).toBeNull();
    fireEvent.keyDown(screen.getByTestId("preview-text"), { key: "ArrowLeft" });
    await waitFor(() => expect(screen.getByTestId("preview-text").textContent).toContain("body of kb/report.txt"));
    fireEvent.keyDown(screen.getByTestId("preview-text"), { key: "ArrowLeft" });
    await waitFor(() => expect(screen.getByTestId("preview-text").textContent).toContain(`body of ${FILES[19]}`));
  });

  it("the context menu of one object offers Preview (F3)", async () => {
    vi.mocked(api.previewObject).mockReturnValue(new Promise(() => {}));
    await table();
    fireEvent.contextMenu(screen.getByTestId("object-row-kb/zeta.txt"));
    const item = await screen.findByTestId("row-menu-preview");
    expect(item.textContent).toContain("F3");
    fireEvent.click(item);
    expect(await screen.findByTestId("preview-dialog")).toBeTruthy();
    expect(screen.getByTestId("preview-dialog").textContent).toContain("zeta.txt");
  });
});

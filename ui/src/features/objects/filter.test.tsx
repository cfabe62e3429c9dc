import { act, fireEvent, screen } from "@testing-library/react";
import { useState } from "react";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { api, type ObjectPage } from "../../backend";
import { renderWithProviders } from "../../test/render";
import { ObjectBrowser } from "./ObjectBrowser";
import { focusedRow, obj, page, renderBrowser, rowOf, selectedKeys } from "./testing";

vi.mock("../../backend");

// Few enough rows that the row window renders them all (happy-dom has no real layout).
const FOLDERS = ["f/照片/", "f/Reports/"];
const OBJECTS = [
  "f/Report 2024.pdf",
  "f/report-final.PDF",
  "f/image[1].png",
  "f/image1.png",
  "f/a.b+c.txt",
  "f/axb+c.txt",
  "f/party 🎉.jpg",
  "f/照片-001.jpg",
  "f/data99.csv",
  "f/x9y9.txt",
];
const ALL = [...FOLDERS, ...OBJECTS];

/** The keys of the rows on screen, in table order. */
function shownKeys(): string[] {
  return [...document.querySelectorAll<HTMLElement>('.object-rows > [role="row"]')].map((r) => (r.dataset.testid ?? "").replace(/^object-row-/, ""));
}

const box = () => screen.getByTestId("object-filter") as HTMLInputElement;
const type = (text: string) => fireEvent.change(box(), { target: { value: text } });
const count = () => screen.getByTestId("object-filter-count").textContent;

async function browse(prefix = "f/", locale: "en" | "zh-CN" = "en") {
  const r = renderBrowser(prefix, { locale });
  await screen.findByTestId(`object-row-${ALL[ALL.length - 1]}`);
  return r;
}

beforeEach(() => {
  vi.mocked(api.headObject).mockReturnValue(new Promise(() => {}));
  vi.mocked(api.listObjects).mockResolvedValue(page("f/", FOLDERS, OBJECTS.map((k) => obj(k))));
});

describe("quick filter: where the list stands", () => {
  it("stays where the user scrolled while a keystroke hides no row, and goes to the top when it does", async () => {
    const many = Array.from({ length: 300 }, (_, i) => `f/obj-${String(i).padStart(4, "0")}.txt`);
    vi.mocked(api.listObjects).mockResolvedValue(page("f/", [], many.map((k) => obj(k))));
    renderBrowser("f/");
    await screen.findByTestId("object-row-f/obj-0000.txt");
    const table = screen.getByTestId("object-table");
    table.scrollTop = 3400; // row 100 at the top
    fireEvent.scroll(table);
    await screen.findByTestId("object-row-f/obj-0100.txt");
    type("obj"); // every row still matches: the same list
    expect(table.scrollTop).toBe(3400);
    expect(screen.getByTestId("object-row-f/obj-0100.txt")).toBeTruthy();
    type("obj-02"); // other rows: from the top
    expect(table.scrollTop).toBe(0);
    expect(shownKeys()[0]).toBe("f/obj-0200.txt");
  });
});

describe("quick filter: what it shows", () => {
  it("plain text: case-insensitive part of the name, folders and objects, with N of M and a clear button", async () => {
    await browse();
    expect(screen.queryByTestId("object-filter-count")).toBeNull();
    expect(screen.queryByTestId("object-filter-clear")).toBeNull();
    type("REPORT");
    expect(shownKeys()).toEqual(["f/Reports/", "f/Report 2024.pdf", "f/report-final.PDF"]);
    expect(count()).toBe("3 of 12");
    // The status bar still counts every loaded row.
    expect(screen.getByTestId("loaded-count").textContent).toBe("12 items loaded");
    fireEvent.click(screen.getByTestId("object-filter-clear"));
    expect(box().value).toBe("");
    expect(document.activeElement).toBe(box());
    expect(shownKeys()).toEqual(ALL);
    expect(screen.queryByTestId("object-filter-count")).toBeNull();
  });

  it("glob: * any run and ? one character, over the whole name", async () => {
    await browse();
    type("*.jpg");
    expect(shownKeys()).toEqual(["f/party 🎉.jpg", "f/照片-001.jpg"]);
    type("*.PDF");
    expect(shownKeys()).toEqual(["f/Report 2024.pdf", "f/report-final.PDF"]);
    type("image?.png");
    expect(shownKeys()).toEqual(["f/image1.png"]);
    type("*9*9*");
    expect(shownKeys()).toEqual(["f/data99.csv", "f/x9y9.txt"]);
    type("*99*");
    expect(shownKeys()).toEqual(["f/data99.csv"]);
    expect(count()).toBe("1 of 12");
  });

  it("[ . + are literal, in text and in globs", async () => {
    await browse();
    type("image[1]");
    expect(shownKeys()).toEqual(["f/image[1].png"]);
    type("[1]*");
    expect(shownKeys()).toEqual([]);
    type("image[1]*");
    expect(shownKeys()).toEqual(["f/image[1].png"]);
    type("a.b+");
    expect(shownKeys()).toEqual(["f/a.b+c.txt"]);
    type("?.b+c.*");
    expect(shownKeys()).toEqual(["f/a.b+c.txt"]);
  });

  it("Chinese and emoji names", async () => {
    await browse();
    type("照片");
    expect(shownKeys()).toEqual(["f/照片/", "f/照片-001.jpg"]);
    type("🎉");
    expect(shownKeys()).toEqual(["f/party 🎉.jpg"]);
    type("*?.jpg");
    expect(shownKeys()).toEqual(["f/party 🎉.jpg", "f/照片-001.jpg"]);
    type("照?");
    expect(shownKeys()).toEqual(["f/照片/"]);
  });

  it("names with spaces and // are matched as they are (the part after the prefix)", async () => {
    vi.mocked(api.listObjects).mockResolvedValue(
      page("a//", ["a///", "a// x /"], [obj("a//b  c.txt"), obj("a//b c.txt"), obj("a// lead.txt")]),
    );
    renderBrowser("a//");
    await screen.findByTestId("object-row-a// lead.txt");
    type("b  c");
    expect(shownKeys()).toEqual(["a//b  c.txt"]);
    type(" ");
    expect(shownKeys()).toEqual(["a// x /", "a//b  c.txt", "a//b c.txt", "a// lead.txt"]);
    type(" x ");
    expect(shownKeys()).toEqual(["a// x /"]);
    // "/" is never in a name of this folder's rows (the folder "a///" is named "").
    type("/");
    expect(shownKeys()).toEqual([]);
  });

  it("says when nothing matches, in both languages", async () => {
    await browse();
    type("zzz");
    expect(screen.getByTestId("object-filter-empty").textContent).toContain("No names in the loaded rows match “zzz”.");
    expect(count()).toBe("0 of 12");
    // Everything is loaded: no word about more rows.
    expect(screen.queryByTestId("object-filter-only-loaded")).toBeNull();
    expect(screen.queryByTestId("object-filter-load-more")).toBeNull();
    fireEvent.click(screen.getByTestId("object-filter-empty-clear"));
    expect(shownKeys()).toEqual(ALL);
  });

  it("counts in Chinese", async () => {
    await browse("f/", "zh-CN");
    type("report");
    expect(count()).toBe("3 / 12");
    expect(screen.getByTestId("object-filter-count").getAttribute("aria-label")).toBe("已加载的 12 行中有 3 行匹配");
    expect(box().getAttribute("aria-label")).toBe("筛选此文件夹中的名称");
    expect(screen.getByTestId("object-filter-clear").getAttribute("aria-label")).toBe("清除筛选（Esc）");
    type("zzz");
    expect(screen.getByTestId("object-filter-empty").textContent).toContain("已加载的行中没有名称匹配“zzz”。");
    expect(screen.getByTestId("object-filter-empty-clear").textContent).toBe("清除筛选");
  });

  it("filters only the loaded rows, says so, and loads more only when asked", async () => {
    let answer!: (p: ObjectPage) => void;
    vi.mocked(api.listObjects).mockReset();
    vi.mocked(api.listObjects).mockReturnValueOnce(new Promise((resolve) => (answer = resolve)));
    renderBrowser("f/");
    // Typed while the first page is on its way.
    type("zzz");
    await act(async () => answer(page("f/", FOLDERS, OBJECTS.map((k) => obj(k)), "t2")));
    const empty = await screen.findByTestId("object-filter-empty");
    expect(empty.textContent).toContain("No names in the loaded rows match “zzz”.");
    expect(screen.getByTestId("object-filter-only-loaded").textContent).toBe("Only the 12 loaded rows are filtered: this folder has more.");
    // Filtered, the table does not fetch the next page by itself.
    await act(async () => {});
    expect(api.listObjects).toHaveBeenCalledTimes(1);

    vi.mocked(api.listObjects).mockResolvedValueOnce(page("f/", [], [obj("f/zzz.txt"), obj("f/other.txt")], null));
    fireEvent.click(screen.getByTestId("object-filter-load-more"));
    await screen.findByTestId("object-row-f/zzz.txt");
    expect(api.listObjects).toHaveBeenLastCalledWith("p1", "bkt", "f/", "t2", 1000);
    expect(shownKeys()).toEqual(["f/zzz.txt"]);
    expect(count()).toBe("1 of 14");
    expect(screen.queryByTestId("object-filter-load-more")).toBeNull();
  });

  it("shows the zh-CN word about more rows", async () => {
    vi.mocked(api.listObjects).mockReset();
    let answer!: (p: ObjectPage) => void;
    vi.mocked(api.listObjects).mockReturnValueOnce(new Promise((resolve) => (answer = resolve)));
    renderBrowser("f/", { locale: "zh-CN" });
    type("zzz");
    await act(async () => answer(page("f/", FOLDERS, OBJECTS.map((k) => obj(k)), "t2")));
    expect((await screen.findByTestId("object-filter-only-loaded")).textContent).toBe("只筛选了已加载的 12 行：此文件夹中还有更多。");
    expect(screen.getByTestId("object-filter-load-more").textContent).toBe("加载更多");
  });
});

describe("quick filter: selection", () => {
  it("rows the filter hides leave the selection; Delete acts on what is shown", async () => {
    await browse();
    fireEvent.click(rowOf("f/Report 2024.pdf"));
    fireEvent.click(rowOf("f/data99.csv"), { ctrlKey: true });
    fireEvent.click(rowOf("f/image1.png"), { ctrlKey: true });
    expect(screen.getByTestId("selected-count").textContent).toBe("3 selected");
    type("report");
    expect(selectedKeys()).toEqual(["f/Report 2024.pdf"]);
    expect(screen.getByTestId("selected-count").textContent).toBe("1 selected");
    // Cleared, the hidden rows come back unselected.
    type("");
    expect(selectedKeys()).toEqual(["f/Report 2024.pdf"]);
    type("*.png");
    expect(selectedKeys()).toEqual([]);
    expect(screen.queryByTestId("selected-count")).toBeNull();
    expect((screen.getByTestId("object-delete") as HTMLButtonElement).disabled).toBe(true);
  });

  it("Ctrl+A, Shift ranges and Delete work on the filtered rows", async () => {
    vi.mocked(api.summarizeFolder).mockResolvedValue({ prefix: "f/照片/", objects: 0, bytes: 0 });
    await browse();
    type("*.png");
    const table = screen.getByTestId("object-table");
    table.focus();
    fireEvent.keyDown(table, { key: "a", ctrlKey: true });
    expect(selectedKeys()).toEqual(["f/image[1].png", "f/image1.png"]);
    type("");
    // Nothing hidden was selected by Ctrl+A.
    expect(selectedKeys()).toEqual(["f/image[1].png", "f/image1.png"]);

    type("*.jpg");
    expect(selectedKeys()).toEqual([]);
    type("?*");
    // A shift-click range runs over the shown rows only.
    type("*9*");
    expect(shownKeys()).toEqual(["f/data99.csv", "f/x9y9.txt"]);
    fireEvent.click(rowOf("f/data99.csv"));
    fireEvent.click(rowOf("f/x9y9.txt"), { shiftKey: true });
    type("");
    expect(selectedKeys()).toEqual(["f/data99.csv", "f/x9y9.txt"]);

    type("data");
    screen.getByTestId("object-table").focus();
    fireEvent.keyDown(screen.getByTestId("object-table"), { key: "Delete" });
    expect(screen.getByTestId("confirm-dialog").textContent).toContain("Delete 1 object?");
  });

  it("keyboard navigation and Shift+arrows walk the filtered rows", async () => {
    await browse();
    type("report");
    const table = screen.getByTestId("object-table");
    table.focus();
    fireEvent.keyDown(table, { key: "ArrowDown" });
    expect(focusedRow()).toBe("f/Reports/");
    fireEvent.keyDown(table, { key: "ArrowDown", shiftKey: true });
    fireEvent.keyDown(table, { key: "ArrowDown", shiftKey: true });
    expect(focusedRow()).toBe("f/report-final.PDF");
    fireEvent.keyDown(table, { key: "ArrowDown" });
    expect(focusedRow()).toBe("f/report-final.PDF");
    expect(selectedKeys()).toEqual(["f/Reports/", "f/Report 2024.pdf", "f/report-final.PDF"]);
    fireEvent.keyDown(table, { key: "End" });
    expect(focusedRow()).toBe("f/report-final.PDF");
  });
});

describe("quick filter: keyboard", () => {
  it("Ctrl+F and / go to the box; Esc clears it and goes back to the table; Down goes to the first row", async () => {
    await browse();
    const table = screen.getByTestId("object-table");
    table.focus();
    fireEvent.keyDown(table, { key: "f", ctrlKey: true });
    expect(document.activeElement).toBe(box());

    type("report");
    fireEvent.keyDown(box(), { key: "Escape" });
    expect(box().value).toBe("");
    expect(document.activeElement).toBe(table);
    expect(shownKeys()).toEqual(ALL);

    fireEvent.keyDown(table, { key: "/" });
    expect(document.activeElement).toBe(box());
    type("*.jpg");
    fireEvent.keyDown(box(), { key: "ArrowDown" });
    expect(document.activeElement).toBe(table);
    expect(focusedRow()).toBe("f/party 🎉.jpg");
    // ...and on from there, within the filtered rows.
    fireEvent.keyDown(table, { key: "ArrowDown" });
    expect(focusedRow()).toBe("f/照片-001.jpg");
    fireEvent.keyDown(table, { key: "Enter" });
    expect(selectedKeys()).toEqual(["f/照片-001.jpg"]);

    // ⌘F as well, from anywhere in the browser (here: the path field).
    fireEvent.keyDown(screen.getByTestId("path-input"), { key: "f", metaKey: true });
    expect(document.activeElement).toBe(box());
    expect(box().selectionStart).toBe(0);
    expect(box().selectionEnd).toBe("*.jpg".length);
    // Esc with the text still there: cleared, back to the table.
    fireEvent.keyDown(box(), { key: "Escape" });
    expect(box().value).toBe("");
    expect(document.activeElement).toBe(table);
  });

  it("Ctrl+F is left alone inside a dialog", async () => {
    await browse();
    fireEvent.click(rowOf("f/data99.csv"));
    fireEvent.click(screen.getByTestId("object-delete"));
    const dialog = screen.getByTestId("confirm-dialog");
    const cancel = screen.getByTestId("confirm-cancel");
    expect(document.activeElement).toBe(cancel);
    fireEvent.keyDown(cancel, { key: "f", ctrlKey: true });
    expect(document.activeElement).toBe(cancel);
    expect(dialog.isConnected).toBe(true);
  });

  it("the filter belongs to one folder: another place starts without it", async () => {
    vi.mocked(api.listObjects).mockImplementation(async (_p, _b, prefix) =>
      prefix === "f/Reports/" ? page(prefix, [], [obj("f/Reports/report.txt"), obj("f/Reports/x.txt")]) : page("f/", FOLDERS, OBJECTS.map((k) => obj(k))),
    );
    // As the route does (router.tsx): one ObjectBrowser per place, keyed by it.
    function Place() {
      const [prefix, setPrefix] = useState("f/");
      return <ObjectBrowser key={prefix} profileId="p1" bucket="bkt" prefix={prefix} onNavigate={setPrefix} />;
    }
    renderWithProviders(<Place />);
    await screen.findByTestId("object-row-f/Reports/");
    type("report");
    fireEvent.doubleClick(rowOf("f/Reports/"));
    await screen.findByTestId("object-row-f/Reports/x.txt");
    expect(box().value).toBe("");
    expect(shownKeys()).toEqual(["f/Reports/report.txt", "f/Reports/x.txt"]);
  });
});

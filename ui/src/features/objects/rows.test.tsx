import { render } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { ObjectEntry, ObjectPage } from "../../backend";
import { I18nProvider } from "../../i18n";
import { ObjectTable } from "./ObjectTable";
import { nextSort, rowsFromPages, sortRows } from "./rows";

const entry = (key: string, size: number): ObjectEntry => ({
  key,
  size,
  lastModified: Date.UTC(2025, 0, 1) + size * 1000,
  storageClass: "STANDARD",
  etag: null,
});

function bigListing(pages: number, perPage: number): ObjectPage[] {
  return Array.from({ length: pages }, (_, p) => ({
    bucket: "b",
    prefix: "",
    folders: p === 0 ? ["f1/", "f2/"] : [],
    objects: Array.from({ length: perPage }, (_, i) => entry(`obj-${p * perPage + i}`, (p * perPage + i) % 9973)),
    nextToken: p < pages - 1 ? `t${p}` : null,
  }));
}

describe("rows", () => {
  it("skips the folder-marker object named like the prefix", () => {
    const rows = rowsFromPages([{ bucket: "b", prefix: "a/", folders: [], objects: [entry("a/", 0), entry("a/x", 1)], nextToken: null }], "a/");
    expect(rows.map((r) => r.key)).toEqual(["a/x"]);
  });

  it("builds each page's rows once while more pages load", () => {
    const pages = bigListing(3, 10);
    const first = rowsFromPages(pages.slice(0, 2), "");
    const second = rowsFromPages(pages, "");
    expect(second).toHaveLength(32);
    // Same row objects for the pages already loaded: no rebuild of everything per page.
    const byKey = new Map(first.map((r) => [r.key, r]));
    for (const row of second) {
      if (byKey.has(row.key)) expect(row).toBe(byKey.get(row.key));
    }
    expect(second.filter((r) => byKey.has(r.key))).toHaveLength(22);
  });

  it("cycles sort direction per column", () => {
    expect(nextSort(null, "size")).toEqual({ column: "size", direction: "asc" });
    expect(nextSort({ column: "size", direction: "asc" }, "size")).toEqual({ column: "size", direction: "desc" });
    expect(nextSort({ column: "size", direction: "desc" }, "name")).toEqual({ column: "name", direction: "asc" });
  });

  it("sorts 100,000 rows by date quickly, folders on top", () => {
    const rows = rowsFromPages(bigListing(100, 1000), "");
    expect(rows).toHaveLength(100_002);
    const started = performance.now();
    const sorted = sortRows(rows, { column: "lastModified", direction: "desc" });
    // Generous bound for a loaded 2-core CI machine; a quadratic or parse-in-comparator sort takes far longer.
    expect(performance.now() - started).toBeLessThan(5000);
    expect(sorted.slice(0, 2).map((r) => r.kind)).toEqual(["folder", "folder"]);
    const first = sorted[2];
    expect(first.kind === "object" && first.entry.size).toBe(9972);
  });

  it("renders only a window of 100,000 rows", () => {
    const rows = rowsFromPages(bigListing(100, 1000), "");
    const { getAllByRole } = render(
      <I18nProvider locale="en">
        <ObjectTable
          rows={rows}
          selected={new Set()}
          sort={null}
          onSort={() => {}}
          onRowClick={() => {}}
          onOpenFolder={() => {}}
          focusKey={null}
          onKeyDown={() => {}}
          canLoadMore={false}
          onLoadMore={() => {}}
        />
      </I18nProvider>,
    );
    const rendered = getAllByRole("row").length;
    expect(rendered).toBeGreaterThan(5);
    expect(rendered).toBeLessThan(80);
  });
});

import type { ObjectEntry, ObjectPage } from "../../backend";
import { lastSegment } from "../../lib/path";

export type Row =
  | { kind: "folder"; key: string; name: string }
  | { kind: "object"; key: string; name: string; entry: ObjectEntry };

export type SortColumn = "name" | "size" | "lastModified" | "storageClass" | "etag";
export type SortDirection = "asc" | "desc";
export interface Sort {
  column: SortColumn;
  direction: SortDirection;
}

/** Rows of one page, built once: pages keep their identity while more pages load. */
const rowsOfPage = new WeakMap<ObjectPage, { folders: Row[]; objects: Row[] }>();

function pageRows(page: ObjectPage, prefix: string): { folders: Row[]; objects: Row[] } {
  let rows = rowsOfPage.get(page);
  if (!rows) {
    rows = { folders: [], objects: [] };
    for (const f of page.folders) rows.folders.push({ kind: "folder", key: f, name: lastSegment(f) });
    for (const o of page.objects) {
      // A zero-byte "folder marker" object named like the prefix itself is the folder we are in.
      if (o.key === prefix) continue;
      rows.objects.push({ kind: "object", key: o.key, name: lastSegment(o.key), entry: o });
    }
    rowsOfPage.set(page, rows);
  }
  return rows;
}

/**
 * The rows of the loaded pages: every folder first, then the objects, each in server order.
 * Each page's rows are made once (a WeakMap keyed by the page), so loading page N costs the
 * rows of page N plus one array of references, not a rebuild of all N pages' rows: with
 * 100,000 rows that rebuild was millions of short-lived objects and a swollen heap.
 */
export function rowsFromPages(pages: readonly ObjectPage[], prefix: string): Row[] {
  const folders: Row[] = [];
  const objects: Row[] = [];
  for (const page of pages) {
    const rows = pageRows(page, prefix);
    for (const r of rows.folders) folders.push(r);
    for (const r of rows.objects) objects.push(r);
  }
  return folders.concat(objects);
}

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: "base" });

type SortValue = string | number;

function sortValue(row: Row, column: SortColumn): SortValue {
  if (column === "name" || row.kind === "folder") return row.name;
  const e = row.entry;
  switch (column) {
    case "size":
      return e.size;
    case "lastModified":
      return e.lastModified ?? 0;
    case "storageClass":
      return e.storageClass ?? "";
    case "etag":
      return e.etag ?? "";
  }
}

function compareValues(a: SortValue, b: SortValue): number {
  if (typeof a === "number" && typeof b === "number") return a - b;
  return collator.compare(String(a), String(b));
}

/**
 * The rows sorted by `sort`, folders always on top (folders by name; by name descending only when
 * the name column is sorted descending). `null` keeps the server order.
 */
export function sortRows(rows: readonly Row[], sort: Sort | null): readonly Row[] {
  if (!sort) return rows;
  const sign = sort.direction === "asc" ? 1 : -1;
  const folderSign = sort.column === "name" ? sign : 1;
  // Decorate once: the comparator then does no parsing (100,000 rows sort in well under a second).
  const decorated = rows.map((row, i) => ({ row, i, v: sortValue(row, sort.column) }));
  decorated.sort((a, b) => {
    if (a.row.kind !== b.row.kind) return a.row.kind === "folder" ? -1 : 1;
    const s = a.row.kind === "folder" ? folderSign : sign;
    return s * compareValues(a.v, b.v) || a.i - b.i;
  });
  return decorated.map((d) => d.row);
}

/** Header click: a new column sorts ascending, the same column flips. */
export function nextSort(current: Sort | null, column: SortColumn): Sort {
  if (current?.column === column) return { column, direction: current.direction === "asc" ? "desc" : "asc" };
  return { column, direction: "asc" };
}

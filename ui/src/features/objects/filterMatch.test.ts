import { describe, expect, it } from "vitest";
import { compileNameFilter, isGlob, keysMatching, lowerNames, RowFilter } from "./filter";
import type { Row } from "./rows";

/** Does the typed filter keep this name? (the matcher sees names lowercased, as the browser gives them) */
function keeps(filter: string, name: string): boolean {
  const m = compileNameFilter(filter);
  if (m === null) return true;
  return m(name.toLowerCase());
}

describe("quick filter matcher", () => {
  it("an empty filter keeps everything (no matcher at all)", () => {
    expect(compileNameFilter("")).toBeNull();
  });

  it("plain text is a case-insensitive substring anywhere in the name", () => {
    expect(keeps("report", "Q3 REPORT final.pdf")).toBe(true);
    expect(keeps("RePoRt", "my-report.pdf")).toBe(true);
    expect(keeps("txt", "a.txt")).toBe(true);
    expect(keeps("tx t", "a.txt")).toBe(false);
    expect(isGlob("report")).toBe(false);
  });

  it("regex metacharacters and [ are literal in plain text", () => {
    expect(keeps("a.b", "a.b.txt")).toBe(true);
    expect(keeps("a.b", "axb.txt")).toBe(false);
    expect(keeps("c++", "notes on c++.md")).toBe(true);
    expect(keeps("c++", "cc.md")).toBe(false);
    expect(keeps("[1]", "image[1].png")).toBe(true);
    expect(keeps("[1]", "image1.png")).toBe(false);
    expect(keeps("(x)|^$\\{2}", "a(x)|^$\\{2}b")).toBe(true);
  });

  it("spaces count as typed: nothing is trimmed", () => {
    expect(keeps(" b", "a b.txt")).toBe(true);
    expect(keeps(" b", "ab.txt")).toBe(false);
    expect(keeps("b  c", "b  c.txt")).toBe(true);
    expect(keeps("b  c", "b c.txt")).toBe(false);
    expect(keeps(" ", "nospace")).toBe(false);
  });

  it("* is any run over the whole name", () => {
    expect(isGlob("*.jpg")).toBe(true);
    expect(keeps("*.jpg", "Photo.JPG")).toBe(true);
    expect(keeps("*.jpg", "photo.jpg.bak")).toBe(false);
    expect(keeps("*99*", "obj-0099000.txt")).toBe(true);
    expect(keeps("*99*", "obj-0090900.txt")).toBe(false);
    expect(keeps("*9", "obj-9.txt")).toBe(false);
    expect(keeps("obj*", "obj-1.txt")).toBe(true);
    expect(keeps("obj*", "my-obj-1.txt")).toBe(false);
    expect(keeps("*", "anything")).toBe(true);
    expect(keeps("*", "")).toBe(true);
    expect(keeps("a*b*c", "a-x-b-y-c")).toBe(true);
    expect(keeps("a*b*c", "a-c-b")).toBe(false);
    expect(keeps("ab*b", "ab")).toBe(false);
    expect(keeps("ab*b", "abb")).toBe(true);
    expect(keeps("a**b", "a-b")).toBe(true);
  });

  it("? is exactly one character (one code point: an emoji, a Chinese character)", () => {
    expect(isGlob("file?.txt")).toBe(true);
    expect(keeps("file?.txt", "file1.txt")).toBe(true);
    expect(keeps("file?.txt", "file10.txt")).toBe(false);
    expect(keeps("file?.txt", "file.txt")).toBe(false);
    expect(keeps("?.png", "😀.png")).toBe(true);
    expect(keeps("??.png", "😀.png")).toBe(false);
    expect(keeps("照?", "照片")).toBe(true);
    expect(keeps("?*", "")).toBe(false);
    expect(keeps("a?b", "a\nb")).toBe(true);
  });

  it("glob: every other character is literal, [ . + ( $ included", () => {
    expect(keeps("image[1]*", "image[1].png")).toBe(true);
    expect(keeps("image[1]*", "image1.png")).toBe(false);
    expect(keeps("*.+", "x.+")).toBe(true);
    expect(keeps("*.+", "xx")).toBe(false);
    expect(keeps("*(1)?", "copy (1)a")).toBe(true);
    expect(keeps("$*^", "$-^")).toBe(true);
    // A backslash is a character like any other, not an escape of * or ?.
    expect(keeps("*\\*", "a\\b")).toBe(true);
    expect(keeps("*\\*", "a*b")).toBe(false);
    expect(keeps("*\\?", "a\\b")).toBe(true);
    expect(keeps("[*", "[abc")).toBe(true);
  });

  it("Chinese and emoji names match, in text and in globs", () => {
    expect(keeps("照片", "2024 照片-001.jpg")).toBe(true);
    expect(keeps("🎉", "party 🎉.png")).toBe(true);
    expect(keeps("*🎉*", "party 🎉.png")).toBe(true);
    expect(keeps("*.jpg", "照片.JPG")).toBe(true);
    expect(keeps("文件", "照片")).toBe(false);
  });

  const rowsNamed = (names: string[]): Row[] =>
    names.map((name) =>
      name.endsWith("/")
        ? { kind: "folder", key: `p/${name}`, name: name.slice(0, -1) }
        : { kind: "object", key: `p/${name}`, name, entry: { key: `p/${name}`, size: 1, lastModified: 0, storageClass: null, etag: null } },
    );

  it("filters rows by their lowercased names", () => {
    const rows = rowsNamed(["Alpha/", "beta.TXT", "Gamma.txt"]);
    expect(lowerNames(rows)).toEqual(["alpha", "beta.txt", "gamma.txt"]);
    const filter = new RowFilter(rows);
    expect(filter.rowsFor("")).toBe(rows);
    expect(filter.rowsFor("A").map((r) => r.name)).toEqual(["Alpha", "beta.TXT", "Gamma.txt"]);
    expect(filter.rowsFor("*.txt").map((r) => r.name)).toEqual(["beta.TXT", "Gamma.txt"]);
    expect(filter.rowsFor("alp").map((r) => r.kind)).toEqual(["folder"]);
    expect(filter.rowsFor("zzz")).toEqual([]);
  });

  it("gives the same rows as filtering from scratch, whatever was typed before", () => {
    const names = Array.from({ length: 500 }, (_, i) => `f${i % 7}-${(i * 37) % 101}${i % 3 ? ".txt" : ".JPG"}`);
    const rows = rowsNamed(names);
    // A small budget: kept results are evicted along the way.
    const filter = new RowFilter(rows, 300);
    const texts = ["f", "f1", "f1-", "f1-3", "f1", "f1-", "f1-9", "", "*.jpg", "*1*.txt", "1", "1-", "F1-3", "f?-1*", "f1-3", "-", ".txt", "x"];
    for (const text of texts) {
      const match = compileNameFilter(text);
      const want = match === null ? names : names.filter((n) => match(n.toLowerCase()));
      expect(filter.rowsFor(text).map((r) => r.name), text).toEqual(want);
    }
  });

  it("hands back the same array when typing removes no row, and a kept result on Backspace", () => {
    const rows = rowsNamed(["obj-1.txt", "obj-2.txt", "other.txt"]);
    const filter = new RowFilter(rows);
    const o = filter.rowsFor("o");
    expect(o).toBe(rows);
    const obj = filter.rowsFor("obj");
    expect(obj.map((r) => r.name)).toEqual(["obj-1.txt", "obj-2.txt"]);
    expect(filter.rowsFor("obj-")).toBe(obj);
    expect(filter.rowsFor("obj-1").map((r) => r.name)).toEqual(["obj-1.txt"]);
    expect(filter.rowsFor("OBJ")).toBe(obj);
  });

  it("keysMatching keeps the keys whose shown name matches", () => {
    const lastSegment = (k: string) => k.replace(/\/$/, "").split("/").pop() ?? "";
    expect(keysMatching(["p/Report.pdf", "p/x.txt", "p/reports/"], compileNameFilter("report")!, lastSegment)).toEqual([
      "p/Report.pdf",
      "p/reports/",
    ]);
  });
});

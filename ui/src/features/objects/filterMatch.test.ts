import { describe, expect, it } from "vitest";
import { compileNameFilter, filterRows, isGlob, keysMatching, lowerNames } from "./filter";
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

  it("filters rows by their lowercased names, lowercasing once per rows array", () => {
    const rows: Row[] = ["Alpha/", "beta.TXT", "Gamma.txt"].map((name) =>
      name.endsWith("/")
        ? { kind: "folder", key: `p/${name}`, name: name.slice(0, -1) }
        : { kind: "object", key: `p/${name}`, name, entry: { key: `p/${name}`, size: 1, lastModified: 0, storageClass: null, etag: null } },
    );
    const lowered = lowerNames(rows);
    expect(lowered).toEqual(["alpha", "beta.txt", "gamma.txt"]);
    expect(lowerNames(rows)).toBe(lowered);
    expect(filterRows(rows, lowered, null)).toBe(rows);
    expect(filterRows(rows, lowered, compileNameFilter("A")).map((r) => r.name)).toEqual(["Alpha", "beta.TXT", "Gamma.txt"]);
    expect(filterRows(rows, lowered, compileNameFilter("*.txt")).map((r) => r.name)).toEqual(["beta.TXT", "Gamma.txt"]);
    expect(filterRows(rows, lowered, compileNameFilter("alp")).map((r) => r.kind)).toEqual(["folder"]);
  });

  it("keysMatching keeps the keys whose shown name matches", () => {
    const lastSegment = (k: string) => k.replace(/\/$/, "").split("/").pop() ?? "";
    expect(keysMatching(["p/Report.pdf", "p/x.txt", "p/reports/"], compileNameFilter("report")!, lastSegment)).toEqual([
      "p/Report.pdf",
      "p/reports/",
    ]);
  });
});

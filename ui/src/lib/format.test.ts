import { describe, expect, it } from "vitest";
import { bareEtag, formatDateTime, humanBytes } from "./format";
import { lastSegment, normalizePrefix, parentPrefix, prefixSegments } from "./path";

describe("humanBytes", () => {
  it("formats sizes in binary units", () => {
    expect(humanBytes(0)).toBe("0 B");
    expect(humanBytes(1023)).toBe("1023 B");
    expect(humanBytes(1024)).toBe("1.0 KiB");
    expect(humanBytes(1536)).toBe("1.5 KiB");
    expect(humanBytes(1.5 * 1024 * 1024)).toBe("1.5 MiB");
    expect(humanBytes(2.5 * 1024 ** 3)).toBe("2.5 GiB");
    expect(humanBytes(3 * 1024 ** 4)).toBe("3.0 TiB");
  });

  it("never shows 1024.0 of a unit", () => {
    expect(humanBytes(1024 * 1024 - 1)).toBe("1.0 MiB");
  });

  it("shows a dash for unknown sizes", () => {
    expect(humanBytes(null)).toBe("—");
    expect(humanBytes(undefined)).toBe("—");
    expect(humanBytes(-1)).toBe("—");
  });
});

describe("dates and etags", () => {
  it("formats a date in the locale and a dash when absent", () => {
    expect(formatDateTime("2025-03-04T14:05:00Z", "en")).toMatch(/2025/);
    expect(formatDateTime(null)).toBe("—");
    expect(formatDateTime("not a date")).toBe("—");
    // Listings send milliseconds since the epoch: the same instant prints the same.
    expect(formatDateTime(Date.UTC(2025, 2, 4, 14, 5), "en")).toBe(formatDateTime("2025-03-04T14:05:00Z", "en"));
    expect(formatDateTime(0, "en")).toMatch(/19(69|70)/);
  });

  it("strips the quotes of an ETag", () => {
    expect(bareEtag('"9b2cf535f27731c974343645a3985328"')).toBe("9b2cf535f27731c974343645a3985328");
    expect(bareEtag(null)).toBe("—");
  });
});

describe("paths", () => {
  it("splits keys and prefixes", () => {
    expect(lastSegment("a/b/c.txt")).toBe("c.txt");
    expect(lastSegment("a/b/")).toBe("b");
    expect(parentPrefix("a/b/")).toBe("a/");
    expect(parentPrefix("a/")).toBe("");
    expect(prefixSegments("a/b/")).toEqual([
      { label: "a", prefix: "a/" },
      { label: "b", prefix: "a/b/" },
    ]);
  });

  it("keeps empty segments, spaces and Unicode in breadcrumbs (no lossy split and join)", () => {
    expect(prefixSegments("a//b c/")).toEqual([
      { label: "a", prefix: "a/" },
      { label: "", prefix: "a//" },
      { label: "b c", prefix: "a//b c/" },
    ]);
    expect(prefixSegments("/照片/")).toEqual([
      { label: "", prefix: "/" },
      { label: "照片", prefix: "/照片/" },
    ]);
    expect(prefixSegments("")).toEqual([]);
    expect(parentPrefix("a//b/")).toBe("a//");
    expect(parentPrefix("a//")).toBe("a/");
  });

  it("normalizes a typed prefix to a folder", () => {
    expect(normalizePrefix(" /photos/2024 ")).toBe("photos/2024/");
    expect(normalizePrefix("photos/")).toBe("photos/");
    expect(normalizePrefix("")).toBe("");
  });
});

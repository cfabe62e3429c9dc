import { describe, expect, it } from "vitest";
import { bareEtag, formatCount, formatDate, formatDateTime, formatDuration, formatSpeed, humanBytes } from "./format";

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
    const local = new Date("2025-03-04T14:05:00Z");
    const expected = `${local.getFullYear()}-03-0${local.getDate()} ${String(local.getHours()).padStart(2, "0")}:${String(local.getMinutes()).padStart(2, "0")}`;
    // One unambiguous form, the same in both languages.
    expect(formatDateTime("2025-03-04T14:05:00Z", "en")).toBe(expected);
    expect(formatDateTime("2025-03-04T14:05:00Z", "zh-CN")).toBe(expected);
    expect(formatDate("2025-03-04T12:00:00Z", "en")).toMatch(/^2025-03-0[345]$/);
    expect(formatDate(null)).toBe("—");
    expect(formatDateTime(null)).toBe("—");
    expect(formatDateTime("not a date")).toBe("—");
    // Listings send milliseconds since the epoch: the same instant prints the same.
    expect(formatDateTime(Date.UTC(2025, 2, 4, 14, 5), "en")).toBe(formatDateTime("2025-03-04T14:05:00Z", "en"));
    expect(formatDateTime(0, "en")).toMatch(/19(69|70)/);
  });

  it("groups counts per language", () => {
    expect(formatCount(2000, "en")).toBe("2,000");
    expect(formatCount(1234567, "zh-CN")).toBe("1,234,567");
    expect(formatCount(null)).toBe("—");
  });

  it("strips the quotes of an ETag", () => {
    expect(bareEtag('"9b2cf535f27731c974343645a3985328"')).toBe("9b2cf535f27731c974343645a3985328");
    expect(bareEtag(null)).toBe("—");
  });
});

describe("transfer figures", () => {
  it("formats a speed in binary units per second", () => {
    expect(formatSpeed(0)).toBe("0 B/s");
    expect(formatSpeed(512.4)).toBe("512 B/s");
    expect(formatSpeed(1.5 * 1024 * 1024)).toBe("1.5 MiB/s");
    expect(formatSpeed(null)).toBe("—");
    expect(formatSpeed(Number.NaN)).toBe("—");
  });

  it("formats a time left in both languages", () => {
    expect(formatDuration(0.2)).toBe("1 s");
    expect(formatDuration(45)).toBe("45 s");
    expect(formatDuration(245)).toBe("4 min 05 s");
    expect(formatDuration(2 * 3600 + 9 * 60 + 30)).toBe("2 h 10 min");
    expect(formatDuration(245, "zh-CN")).toBe("4 分 05 秒");
    expect(formatDuration(7800, "zh-CN")).toBe("2 小时 10 分");
    expect(formatDuration(null)).toBe("—");
    expect(formatDuration(-1)).toBe("—");
  });
});

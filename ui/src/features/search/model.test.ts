import { describe, expect, it } from "vitest";
import {
  byteRangeToChars,
  bytesToSize,
  emptyTree,
  localInputToUtc,
  newCondition,
  newGroup,
  parseMaxKeys,
  queryOfTree,
  removeNode,
  sizeToBytes,
  utcToLocalInput,
} from "./model";

describe("search model", () => {
  it("sizes: units to whole bytes and back, refusing fractions of a byte and more than i64", () => {
    expect(sizeToBytes("1.5", "MiB")).toBe("1572864");
    expect(sizeToBytes("10", "B")).toBe("10");
    expect(sizeToBytes("0.5", "B")).toBeNull();
    expect(sizeToBytes("1,5", "KiB")).toBe("1536");
    expect(sizeToBytes("10MB", "B")).toBeNull();
    expect(sizeToBytes("8388608", "TiB")).toBeNull(); // 2^63 bytes
    expect(bytesToSize("3145728")).toEqual({ amount: "3", unit: "MiB" });
    expect(bytesToSize("1572864")).toEqual({ amount: "1536", unit: "KiB" });
    expect(bytesToSize("0")).toEqual({ amount: "0", unit: "B" });
    expect(bytesToSize("9223372036854775807")).toEqual({ amount: "9223372036854775807", unit: "B" });
  });

  it("date-times: UTC in the query, local time in the input, both ways", () => {
    for (const utc of ["2026-12-01T10:00:00Z", "2026-12-01T10:00:07Z", "2026-01-31T23:59:59.250Z"]) {
      expect(localInputToUtc(utcToLocalInput(utc))).toBe(utc);
    }
    expect(localInputToUtc("")).toBeNull();
    expect(localInputToUtc("2026-13-45T99:00")).toBeNull();
  });

  it("byte offsets of Rust become string offsets", () => {
    const text = "name==中文 and sise==1";
    const start = new TextEncoder().encode("name==中文 and ").length;
    expect(byteRangeToChars(text, start, start + 4)).toEqual([13, 17]);
    expect(text.slice(13, 17)).toBe("sise");
  });

  it("the tree is a query only when every row is complete; empty nested groups go away", () => {
    const a = { ...newCondition("name"), value: "a" };
    const b = newCondition("size");
    const inner = newGroup("or", [b]);
    const root = { ...emptyTree(), items: [a, inner] };
    expect(queryOfTree(root)).toBeNull();
    const fixed = removeNode(root, b.id);
    expect(fixed.items).toHaveLength(1);
    expect(queryOfTree(fixed)).toEqual({ root: { cond: { field: "name", op: "eq", value: { text: "a" } } } });
  });

  it("max keys: 1 to 10,000", () => {
    expect(parseMaxKeys("1")).toBe(1);
    expect(parseMaxKeys("10000")).toBe(10000);
    expect(parseMaxKeys("0")).toBeNull();
    expect(parseMaxKeys("10001")).toBeNull();
    expect(parseMaxKeys("1.5")).toBeNull();
    expect(parseMaxKeys("")).toBeNull();
  });
});

import { describe, expect, it } from "vitest";
import type { ObjectVersion } from "../../backend";
import { groupByKey, mentionsGovernance, relativeKey, retentionToSend, shortVersionId, shortensGovernance } from "./model";

const v = (key: string, versionId: string): ObjectVersion => ({
  key,
  versionId,
  isLatest: false,
  deleteMarker: false,
  size: 1,
  lastModified: null,
  etag: null,
  storageClass: null,
});

describe("versions model", () => {
  it("groups consecutive versions per key, across pages", () => {
    const groups = groupByKey([v("a", "1"), v("a", "2"), v("b", "3"), v("b", "4")]);
    expect(groups.map((g) => [g.key, g.versions.map((x) => x.versionId)])).toEqual([
      ["a", ["1", "2"]],
      ["b", ["3", "4"]],
    ]);
  });

  it("shortens long version ids and keys under the folder", () => {
    expect(shortVersionId("v-1")).toBe("v-1");
    expect(shortVersionId("3HL4kqtJlcpXroDTDmJ+rmSpXd3dIbrHY")).toBe("3HL4kqtJlc…");
    expect(relativeKey("reports/2024/a.txt", "reports/")).toBe("2024/a.txt");
    expect(relativeKey("reports/", "reports/")).toBe("reports/");
  });

  it("tells a GOVERNANCE refusal from the others", () => {
    expect(mentionsGovernance("GOVERNANCE retention until 2027-01-01T00:00:00Z")).toBe(true);
    expect(mentionsGovernance("a legal hold is on this version")).toBe(false);
    expect(mentionsGovernance("COMPLIANCE retention until 2027-01-01T00:00:00Z")).toBe(false);
  });

  it("sends a retention only when it changed, keeping the server's instant for an unchanged day", () => {
    const server = { mode: "GOVERNANCE" as const, retainUntil: "2027-01-01T12:30:00Z" };
    expect(retentionToSend({ mode: "GOVERNANCE", day: "2027-01-01" }, server)).toBeNull();
    expect(retentionToSend({ mode: "COMPLIANCE", day: "2027-01-01" }, server)).toEqual({ mode: "COMPLIANCE", retainUntil: "2027-01-01T12:30:00Z" });
    expect(retentionToSend({ mode: "GOVERNANCE", day: "2027-02-01" }, server)).toEqual({ mode: "GOVERNANCE", retainUntil: "2027-02-01T00:00:00Z" });
    expect(retentionToSend({ mode: "", day: "" }, null)).toBeNull();
    expect(retentionToSend({ mode: "GOVERNANCE", day: "" }, null)).toBeNull();
    expect(shortensGovernance({ mode: "GOVERNANCE", retainUntil: "2026-12-01T00:00:00Z" }, server)).toBe(true);
    expect(shortensGovernance({ mode: "GOVERNANCE", retainUntil: "2027-02-01T00:00:00Z" }, server)).toBe(false);
    expect(shortensGovernance({ mode: "COMPLIANCE", retainUntil: "2026-12-01T00:00:00Z" }, { ...server, mode: "COMPLIANCE" })).toBe(false);
  });
});

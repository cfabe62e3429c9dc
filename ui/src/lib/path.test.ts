import { describe, expect, it } from "vitest";
import { isPrefixPath, lastSegment, parentPrefix, parseLocation, prefixSegments, splitKey } from "./path";

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

  it("splits a key into its folder and name, keeping empty segments", () => {
    expect(splitKey("double//slash")).toEqual({ parent: "double//", name: "slash" });
    expect(splitKey("README.txt")).toEqual({ parent: "", name: "README.txt" });
    expect(splitKey("a/  b ")).toEqual({ parent: "a/", name: "  b " });
    expect(isPrefixPath("")).toBe(true);
    expect(isPrefixPath("a/")).toBe(true);
    expect(isPrefixPath("a")).toBe(false);
  });
});

describe("parseLocation", () => {
  const endpoint = "http://127.0.0.1:7480";

  it("keeps what was typed: spaces, runs of slashes, no trimming", () => {
    expect(parseLocation("  two leading spaces.txt", "bkt")).toEqual({ bucket: "bkt", path: "  two leading spaces.txt" });
    expect(parseLocation("double//slash/", "bkt")).toEqual({ bucket: "bkt", path: "double//slash/" });
    expect(parseLocation("trailing ", "bkt")).toEqual({ bucket: "bkt", path: "trailing " });
    expect(parseLocation("", "bkt")).toEqual({ bucket: "bkt", path: "" });
  });

  it("drops one leading slash of a plain path, and only that", () => {
    expect(parseLocation("/logs/2025", "bkt")).toEqual({ bucket: "bkt", path: "logs/2025" });
    expect(parseLocation("//x/", "bkt")).toEqual({ bucket: "bkt", path: "/x/" });
  });

  it("reads s3://bucket/path", () => {
    expect(parseLocation("s3://other/a/b.txt", "bkt")).toEqual({ bucket: "other", path: "a/b.txt" });
    expect(parseLocation("s3://other", "bkt")).toEqual({ bucket: "other", path: "" });
    expect(parseLocation("s3://other/", "bkt")).toEqual({ bucket: "other", path: "" });
    expect(parseLocation("s3://other/double//x/", "bkt")).toEqual({ bucket: "other", path: "double//x/" });
  });

  it("reads a path-style URL of the profile's own endpoint, percent-decoded", () => {
    expect(parseLocation(`${endpoint}/other/a%20b/%E7%85%A7.txt`, "bkt", endpoint)).toEqual({ bucket: "other", path: "a b/照.txt" });
    expect(parseLocation(`${endpoint}/other/`, "bkt", `${endpoint}/`)).toEqual({ bucket: "other", path: "" });
    expect(parseLocation(`${endpoint}/other`, "bkt", endpoint)).toEqual({ bucket: "other", path: "" });
    expect(parseLocation(`${endpoint}/other/k.txt?versionId=1`, "bkt", endpoint)).toEqual({ bucket: "other", path: "k.txt" });
    // Another server's URL is not a place in this profile: it is taken as a path.
    expect(parseLocation("http://elsewhere:7480/other/k", "bkt", endpoint).bucket).toBe("bkt");
    expect(parseLocation(`${endpoint}/other/k`, "bkt", null).bucket).toBe("bkt");
  });
});

import { describe, expect, it } from "vitest";

// `npm run dev:mock` shows issue 13 too: a profile whose key may not list buckets, "Open bucket…"
// refused for a bucket that is not there, and imports that add profiles.
describe("the fake's bookmarks and imports", () => {
  it("denies ListBuckets to the scoped key, keeps a bookmark of a bucket it has, and imports", async () => {
    const { fakeCommands } = await import("./fakeBackend");
    const listed = await fakeCommands.listBuckets("p-scoped");
    expect(listed.status === "error" && listed.error.code).toBe("AccessDenied");
    const missing = await fakeCommands.addBookmark("p-scoped", "nope", "");
    expect(missing.status === "error" && missing.error.code).toBe("NoSuchBucket");
    expect(await fakeCommands.addBookmark("p-scoped", "team-share", "docs/")).toEqual({ status: "ok", data: { bucket: "team-share", prefix: "docs/" } });
    expect(await fakeCommands.listBookmarks("p-scoped")).toEqual({ status: "ok", data: [{ bucket: "team-share", prefix: "docs/" }] });

    const file = await fakeCommands.readProfilesFile();
    if (file.status !== "ok") throw new Error("no file");
    await fakeCommands.importProfile(file.data[0].profile, null);
    const profiles = await fakeCommands.listProfiles();
    expect(profiles.status === "ok" && profiles.data.map((p) => p.name)).toContain(file.data[0].profile.name);
  });
});

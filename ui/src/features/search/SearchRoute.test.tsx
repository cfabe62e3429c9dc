import { fireEvent, screen, waitFor } from "@testing-library/react";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { api, type Profile } from "../../backend";
import { renderApp } from "../../test/render";
import { parentPrefix } from "./model";
import { hit, mockSearchBackend, page, validQuery } from "./testing";

vi.mock("../../backend");

const profile: Profile = {
  id: "p1",
  name: "ZOS Dev",
  plainHttp: true,
  endpoint: "http://p1.example.com:7480",
  region: "default",
  pathStyle: true,
  accessKeyId: "AK",
} as Profile;

beforeEach(() => {
  vi.resetAllMocks();
  mockSearchBackend();
  vi.mocked(api.listProfiles).mockResolvedValue([profile]);
  vi.mocked(api.bucketUsage).mockResolvedValue({ objectCount: 3, bytesUsed: 100 });
  vi.mocked(api.listObjects).mockImplementation(async (_p, bucket, prefix) => ({ bucket, prefix, folders: [], objects: [], nextToken: null }));
  vi.mocked(api.getBucketVersioning).mockResolvedValue(null);
  vi.mocked(api.listBookmarks).mockResolvedValue([]);
});

const KEY = "a//b c/中文.txt";

describe("search route", () => {
  it("parent prefixes keep '//' and spaces exactly", () => {
    expect(parentPrefix(KEY)).toBe("a//b c/");
    expect(parentPrefix("top.txt")).toBe("");
    expect(parentPrefix("dir/sub/")).toBe("dir/");
    expect(parentPrefix("//x")).toBe("//");
  });

  it("the sidebar's Search link opens the page; the bucket param picks the bucket", async () => {
    const { router } = renderApp("/p/p1");
    fireEvent.click(await screen.findByTestId("nav-search"));
    await screen.findByTestId("search-page");
    expect(router.state.location.pathname).toBe("/p/p1/search");
    fireEvent.change(await screen.findByTestId("search-bucket"), { target: { value: "other" } });
    await waitFor(() => expect(router.state.location.search).toEqual({ bucket: "other" }));
  });

  it("opening a result goes to its folder in the tree with the object selected, exactly", async () => {
    vi.mocked(api.searchObjects).mockResolvedValue(page([hit(KEY)]));
    const { router } = renderApp(`/p/p1/search?bucket=bkt`);
    await screen.findByTestId("search-page");
    await waitFor(() => expect(screen.getByTestId<HTMLSelectElement>("search-bucket").value).toBe("bkt"));
    await validQuery("name==中文.txt");
    fireEvent.click(screen.getByTestId("search-run"));
    const row = await screen.findByTestId("search-hit");
    fireEvent.keyDown(row, { key: "Enter" });
    await waitFor(() => expect(router.state.location.pathname).toBe("/p/p1/b/bkt"));
    expect(router.state.location.search).toEqual({ prefix: "a//b c/", select: KEY });
    await waitFor(() => expect(api.listObjects).toHaveBeenCalledWith("p1", "bkt", "a//b c/", null, expect.anything()));
  });

  it("choosing another bucket clears the results of the last one", async () => {
    vi.mocked(api.searchObjects).mockResolvedValue(page([hit("a.txt")]));
    const { router } = renderApp(`/p/p1/search?bucket=bkt`);
    await waitFor(() => expect(screen.getByTestId<HTMLSelectElement>("search-bucket").value).toBe("bkt"));
    await validQuery("name==a.txt");
    fireEvent.click(screen.getByTestId("search-run"));
    await screen.findByTestId("search-hit");
    fireEvent.change(screen.getByTestId("search-bucket"), { target: { value: "other" } });
    await waitFor(() => expect(router.state.location.search).toEqual({ bucket: "other" }));
    await waitFor(() => expect(screen.queryByTestId("search-hit")).toBeNull());
    // The query stays, for the next bucket.
    expect(screen.getByTestId<HTMLTextAreaElement>("search-query").value).toBe("name==a.txt");
  });
});

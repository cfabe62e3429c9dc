import { act, fireEvent, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { api, type Bookmark, type Profile } from "../../backend";
import { BackendError } from "../../errors";
import { renderApp, renderWithProviders } from "../../test/render";
import { BucketList } from "../buckets/BucketList";
import { BookmarksSection } from "./BookmarksSection";
import { normalizePrefix } from "./model";

vi.mock("../../backend");

const profile: Profile = { id: "p1", name: "Scoped", endpoint: "https://zos.example.com", region: "default", pathStyle: true, accessKeyId: "AK" };
const denied = () => new BackendError({ code: "AccessDenied", status: 403, requestId: "tx-list-1", detail: "Access Denied" });
const focused = () => document.activeElement;

/** The bookmarks Rust keeps, in memory: add/remove change what listBookmarks answers. */
function keepBookmarks(initial: Bookmark[] = []) {
  let list = initial.slice();
  vi.mocked(api.listBookmarks).mockImplementation(async () => list.slice());
  vi.mocked(api.addBookmark).mockImplementation(async (_p, bucket, prefix) => {
    const b = { bucket, prefix };
    list = [...list, b];
    return b;
  });
  vi.mocked(api.removeBookmark).mockImplementation(async (_p, b) => {
    list = list.filter((x) => x.bucket !== b.bucket || x.prefix !== b.prefix);
    return true;
  });
}

beforeEach(() => {
  vi.resetAllMocks();
  vi.mocked(api.checkBucketName).mockResolvedValue({ verdict: "Valid", problem: null, part: null });
  keepBookmarks();
});

describe("normalizePrefix", () => {
  it.each([
    ["", ""],
    ["  ", ""],
    ["reports", "reports/"],
    ["/team/reports", "team/reports/"],
    ["a/b/", "a/b/"],
  ])("%j → %j", (typed, kept) => expect(normalizePrefix(typed)).toBe(kept));
});

describe("the sidebar's bookmarks", () => {
  it("lists them, opens one, and removes one from the keyboard by its named button", async () => {
    keepBookmarks([
      { bucket: "alpha", prefix: "" },
      { bucket: "logs", prefix: "app/2026/" },
    ]);
    const onOpen = vi.fn();
    const user = userEvent.setup();
    renderWithProviders(<BookmarksSection profileId="p1" current={{ bucket: "alpha", prefix: "" }} onOpen={onOpen} />);
    const item = await screen.findByTestId("bookmark-item-logs/app/2026/");
    expect(item.textContent).toBe("logs/app/2026/");
    expect(screen.getByTestId("bookmark-item-alpha/").getAttribute("aria-current")).toBe("true");
    fireEvent.click(item);
    expect(onOpen).toHaveBeenCalledWith({ bucket: "logs", prefix: "app/2026/" });

    item.focus();
    await user.tab();
    const remove = screen.getByRole("button", { name: "Remove the bookmark “logs/app/2026/”" });
    expect(focused()).toBe(remove);
    await user.keyboard("{Enter}");
    await waitFor(() => expect(screen.queryByTestId("bookmark-item-logs/app/2026/")).toBeNull());
    expect(api.removeBookmark).toHaveBeenCalledWith("p1", { bucket: "logs", prefix: "app/2026/" });
    expect(screen.getByTestId("bookmark-item-alpha/")).toBeTruthy();
  });

  it("says there are none, in Chinese too", async () => {
    renderWithProviders(<BookmarksSection profileId="p1" current={null} onOpen={() => {}} />, "zh-CN");
    expect((await screen.findByTestId("bookmark-empty")).textContent).toBe("暂无书签：可按名称打开存储桶，或在下方为存储桶加星标。");
    expect(screen.getByTestId("bookmark-open-bucket").textContent).toBe("打开存储桶…");
  });
});

describe("Open bucket…", () => {
  it("keeps the bucket and its folder (normalised to end with /) and goes there, all from the keyboard", async () => {
    const onOpen = vi.fn();
    const user = userEvent.setup();
    renderWithProviders(<BookmarksSection profileId="p1" current={null} onOpen={onOpen} />);
    await user.click(await screen.findByTestId("bookmark-open-bucket"));
    const dialog = await screen.findByTestId("open-bucket-dialog");
    await waitFor(() => expect(focused()).toBe(screen.getByTestId("open-bucket-name")));
    await user.keyboard("alpha");
    await user.tab();
    expect(focused()).toBe(screen.getByTestId("open-bucket-prefix"));
    await user.keyboard("/team/reports");
    expect(screen.getByTestId("open-bucket-prefix-shown").textContent).toBe("Opens the folder “team/reports/”.");
    // Cancel, then Open (user-event's Enter in a field only finds submit buttons inside the form).
    await user.tab();
    await user.tab();
    expect(focused()).toBe(screen.getByTestId("open-bucket-submit"));
    await user.keyboard("{Enter}");
    await waitFor(() => expect(onOpen).toHaveBeenCalledWith({ bucket: "alpha", prefix: "team/reports/" }));
    expect(api.addBookmark).toHaveBeenCalledWith("p1", "alpha", "team/reports/");
    expect(dialog.isConnected).toBe(false);
    expect(await screen.findByTestId("bookmark-item-alpha/team/reports/")).toBeTruthy();
  });

  it("says what the bucket-name rule says before asking the server", async () => {
    vi.mocked(api.checkBucketName).mockResolvedValue({ verdict: "Invalid", problem: "TooShort", part: null });
    renderWithProviders(<BookmarksSection profileId="p1" current={null} onOpen={() => {}} />);
    fireEvent.click(await screen.findByTestId("bookmark-open-bucket"));
    fireEvent.click(await screen.findByTestId("open-bucket-submit"));
    expect((await screen.findByTestId("open-bucket-name-error")).textContent).toBe("Enter the name of the bucket.");
    fireEvent.change(screen.getByTestId("open-bucket-name"), { target: { value: "ab" } });
    fireEvent.click(screen.getByTestId("open-bucket-submit"));
    expect((await screen.findByTestId("open-bucket-name-error")).textContent).toBe("A bucket name has at least 3 characters.");
    expect(api.checkBucketName).toHaveBeenCalledWith("ab");
    expect(api.addBookmark).not.toHaveBeenCalled();
  });

  it("shows the server's refusal with its code and request id, and keeps nothing (en, zh-CN)", async () => {
    for (const locale of ["en", "zh-CN"] as const) {
      vi.mocked(api.addBookmark).mockRejectedValueOnce(
        new BackendError({ code: "NoSuchBucket", status: 404, requestId: "tx-open-9", detail: "The specified bucket does not exist" }),
      );
      const onOpen = vi.fn();
      const { unmount } = renderWithProviders(<BookmarksSection profileId="p1" current={null} onOpen={onOpen} />, locale);
      fireEvent.click(await screen.findByTestId("bookmark-open-bucket"));
      fireEvent.change(await screen.findByTestId("open-bucket-name"), { target: { value: "no-such" } });
      fireEvent.click(screen.getByTestId("open-bucket-submit"));
      const dialog = screen.getByTestId("open-bucket-dialog");
      const error = await within(dialog).findByTestId("error-message");
      expect(within(error).getByTestId("error-code").textContent).toBe("NoSuchBucket");
      expect(within(error).getByTestId("error-request-id").textContent).toBe("tx-open-9");
      expect(error.textContent).toMatch(locale === "en" ? /bucket/i : /存储桶/);
      expect(onOpen).not.toHaveBeenCalled();
      expect(screen.getByTestId("bookmark-empty")).toBeTruthy();
      unmount();
    }
  });
});

function List({ onOpen = () => {} }: { onOpen?: (b: Bookmark) => void }) {
  return <BucketList profileId="p1" selected={null} onSelect={() => {}} notice={null} onNotice={() => {}} onOpenBookmark={onOpen} />;
}

describe("the star in the bucket list", () => {
  it("makes a bucket a favourite and takes it back, from the keyboard", async () => {
    vi.mocked(api.listBuckets).mockResolvedValue([{ name: "alpha", creationDate: null }, { name: "beta", creationDate: null }]);
    const user = userEvent.setup();
    renderWithProviders(<List />);
    const bucket = await screen.findByTestId("bucket-item-alpha");
    await waitFor(() => expect((screen.getByTestId("bucket-star-alpha") as HTMLButtonElement).disabled).toBe(false));
    bucket.focus();
    await user.tab();
    const star = screen.getByRole("button", { name: "Add “alpha” to the bookmarks" });
    expect(focused()).toBe(star);
    expect(star.getAttribute("aria-pressed")).toBe("false");
    await user.keyboard("{Enter}");
    await waitFor(() => expect(screen.getByTestId("bucket-star-alpha").getAttribute("aria-pressed")).toBe("true"));
    expect(api.addBookmark).toHaveBeenCalledWith("p1", "alpha", "");
    expect(screen.getByTestId("bucket-star-alpha").getAttribute("aria-label")).toBe("Remove “alpha” from the bookmarks");
    expect(screen.getByTestId("bucket-star-beta").getAttribute("aria-pressed")).toBe("false");
    await waitFor(() => expect((screen.getByTestId("bucket-star-alpha") as HTMLButtonElement).disabled).toBe(false));
    screen.getByTestId("bucket-star-alpha").focus();
    await user.keyboard(" ");
    await waitFor(() => expect(screen.getByTestId("bucket-star-alpha").getAttribute("aria-pressed")).toBe("false"));
    expect(api.removeBookmark).toHaveBeenCalledWith("p1", { bucket: "alpha", prefix: "" });
  });

  it("shows why a star was refused", async () => {
    vi.mocked(api.listBuckets).mockResolvedValue([{ name: "alpha", creationDate: null }]);
    vi.mocked(api.addBookmark).mockRejectedValue(denied());
    renderWithProviders(<List />);
    await screen.findByTestId("bucket-item-alpha");
    await waitFor(() => expect((screen.getByTestId("bucket-star-alpha") as HTMLButtonElement).disabled).toBe(false));
    fireEvent.click(screen.getByTestId("bucket-star-alpha"));
    expect((await screen.findByTestId("error-code")).textContent).toBe("AccessDenied");
    expect(screen.getByTestId("bucket-star-alpha").getAttribute("aria-pressed")).toBe("false");
  });
});

describe("a key that may not list buckets", () => {
  it.each([
    ["en", "This key may not list buckets: open one by its name."],
    ["zh-CN", "此密钥无权列出存储桶：请按名称打开。"],
  ] as const)("the bucket list says so in words and offers Open bucket… (%s)", async (locale, sentence) => {
    vi.mocked(api.listBuckets).mockRejectedValue(denied());
    const onOpen = vi.fn();
    renderWithProviders(<List onOpen={onOpen} />, locale);
    const note = await screen.findByTestId("buckets-denied");
    expect(note.textContent).toContain(sentence);
    expect(screen.queryByTestId("error-message")).toBeNull();
    fireEvent.click(within(note).getByTestId("buckets-denied-open"));
    fireEvent.change(await screen.findByTestId("open-bucket-name"), { target: { value: "alpha" } });
    fireEvent.click(screen.getByTestId("open-bucket-submit"));
    await waitFor(() => expect(onOpen).toHaveBeenCalledWith({ bucket: "alpha", prefix: "" }));
  });

  it("in the app: the main area offers Open bucket…, which keeps a bookmark and browses its folder", async () => {
    vi.mocked(api.listProfiles).mockResolvedValue([profile]);
    vi.mocked(api.listBuckets).mockRejectedValue(denied());
    vi.mocked(api.bucketUsage).mockRejectedValue(denied());
    vi.mocked(api.getBucketVersioning).mockResolvedValue(null);
    vi.mocked(api.listObjects).mockImplementation(async (_p, bucket, prefix) => ({
      bucket,
      prefix,
      folders: [],
      objects: [{ key: `${prefix}q3.pdf`, size: 10, lastModified: 0, storageClass: "STANDARD", etag: '"e"' }],
      nextToken: null,
    }));
    const { router } = renderApp("/p/p1");
    const main = await screen.findByTestId("profile-may-not-list");
    expect(main.textContent).toContain("This key may not list the buckets");
    expect(screen.queryByTestId("profile-broken")).toBeNull();
    fireEvent.click(within(main).getByTestId("pick-open-bucket"));
    fireEvent.change(await screen.findByTestId("open-bucket-name"), { target: { value: "team" } });
    fireEvent.change(screen.getByTestId("open-bucket-prefix"), { target: { value: "reports" } });
    fireEvent.click(screen.getByTestId("open-bucket-submit"));
    await waitFor(() => expect(router.state.location.pathname).toBe("/p/p1/b/team"));
    expect((router.state.location.search as { prefix?: string }).prefix).toBe("reports/");
    expect(await screen.findByTestId("object-row-reports/q3.pdf")).toBeTruthy();
    const item = await screen.findByTestId("bookmark-item-team/reports/");
    expect(item.getAttribute("aria-current")).toBe("true");
    // Its usage is not for this key either: said in one line, no error box in the sidebar.
    expect((await screen.findByTestId("bucket-usage-denied")).textContent).toBe("This key may not read the bucket's usage figures.");
    expect(screen.getByTestId("bucket-usage-objects").textContent).toBe("—");
    expect(screen.queryByTestId("error-message")).toBeNull();
    await act(async () => {});
  });
});

import { act, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { api, type ObjectPage, type Profile } from "./backend";
import { BackendError } from "./errors";
import { renderApp } from "./test/render";

vi.mock("./backend");

// Rust derives plainHttp from the endpoint; here p1 is the unencrypted one.
const profile = (id: string, name: string): Profile => ({
  id,
  name,
  plainHttp: id === "p1",
  endpoint: `http://${id}.example.com:7480`,
  region: "default",
  pathStyle: true,
  accessKeyId: "AK",
});

const page = (prefix: string, folders: string[] = []): ObjectPage => ({ bucket: "alpha", prefix, folders, objects: [], nextToken: null });

/** The prefix in the router's search params, as the app reads it. */
const searchOf = (router: ReturnType<typeof renderApp>["router"]) => router.state.location.search as { prefix?: string };

describe("App", () => {
  beforeEach(() => {
    vi.mocked(api.listProfiles).mockResolvedValue([profile("p1", "ZOS Dev"), profile("p2", "ZOS Prod")]);
    vi.mocked(api.listBuckets).mockResolvedValue([
      { name: "alpha", creationDate: "2024-03-12T08:21:00Z" },
      { name: "beta", creationDate: null },
    ]);
    vi.mocked(api.bucketUsage).mockResolvedValue({ objectCount: 1234, bytesUsed: 1.5 * 1024 ** 3 });
    vi.mocked(api.listObjects).mockImplementation(async (_p, _b, prefix) => page(prefix, [`${prefix}sub dir/`]));
    vi.mocked(api.getBucketVersioning).mockResolvedValue(null);
    vi.mocked(api.listTopics).mockResolvedValue([]);
    vi.mocked(api.listBookmarks).mockResolvedValue([]);
  });

  it("greets with the title and asks for a profile when there is none", async () => {
    vi.mocked(api.listProfiles).mockResolvedValue([]);
    renderApp("/");
    expect((await screen.findByRole("heading", { level: 1 })).textContent).toBe("ZOS Browser");
    expect(await screen.findByText("Connect to ZOS")).toBeTruthy();
    await act(async () => {});
    expect(api.listBuckets).not.toHaveBeenCalled();
    expect(screen.queryByTestId("bucket-list")).toBeNull();
  });

  it("opens the remembered profile at start", async () => {
    localStorage.setItem("zos.profile", "p2");
    const { router } = renderApp("/");
    await screen.findByTestId("bucket-list");
    expect(router.state.location.pathname).toBe("/p/p2");
    expect((screen.getByTestId("profile-select") as HTMLSelectElement).value).toBe("p2");
    expect(api.listBuckets).toHaveBeenCalledWith("p2");
    expect(screen.getByText("Select a bucket on the left to browse its objects.")).toBeTruthy();
  });

  it("opens the first profile when none is remembered, and remembers the one chosen", async () => {
    const { router } = renderApp("/");
    await screen.findByTestId("bucket-list");
    expect(router.state.location.pathname).toBe("/p/p1");
    fireEvent.change(screen.getByTestId("profile-select"), { target: { value: "p2" } });
    await waitFor(() => expect(router.state.location.pathname).toBe("/p/p2"));
    await waitFor(() => expect(localStorage.getItem("zos.profile")).toBe("p2"));
  });

  it("marks a profile that Rust finds unencrypted (http://)", async () => {
    renderApp("/p/p1");
    expect((await screen.findByTestId("profile-plain-http-badge")).textContent).toBe("Not encrypted");
    fireEvent.change(screen.getByTestId("profile-select"), { target: { value: "p2" } });
    await waitFor(() => expect(screen.queryByTestId("profile-plain-http-badge")).toBeNull());
  });

  it("a profile that cannot connect shows why and offers to fix it, not 'Select a bucket'", async () => {
    vi.mocked(api.listBuckets).mockRejectedValue(
      new BackendError({ code: "InvalidAccessKeyId", status: 403, requestId: "tx3", detail: "" }),
    );
    renderApp("/p/p2");
    const broken = await screen.findByTestId("profile-broken");
    expect(broken.textContent).toContain("The profile “ZOS Prod” cannot list its buckets.");
    expect(within(broken).getByTestId("error-code").textContent).toBe("InvalidAccessKeyId");
    expect(screen.queryByText("Select a bucket on the left to browse its objects.")).toBeNull();
    fireEvent.click(screen.getByTestId("profile-fix"));
    expect(((await screen.findByTestId("profile-name")) as HTMLInputElement).value).toBe("ZOS Prod");
  });

  it("lists the buckets of the profile and shows the usage of the selected one", async () => {
    const { router } = renderApp("/p/p1");
    fireEvent.click(await screen.findByTestId("bucket-item-alpha"));
    await waitFor(() => expect(screen.getByTestId("bucket-item-alpha").getAttribute("aria-current")).toBe("true"));
    expect(router.state.location.pathname).toBe("/p/p1/b/alpha");
    await waitFor(() => expect(screen.getByTestId("bucket-usage").textContent).toContain("1,234"));
    expect(screen.getByTestId("bucket-usage").textContent).toContain("1.5 GiB");
    expect(api.bucketUsage).toHaveBeenCalledWith("p1", "alpha");
    expect(await screen.findByTestId("object-row-sub dir/")).toBeTruthy();
  });

  it("explains BucketNotEmpty after a confirmed bucket delete", async () => {
    vi.mocked(api.deleteBucket).mockRejectedValue(
      new BackendError({ code: "BucketNotEmpty", status: 409, requestId: "tx7", detail: "The bucket you tried to delete is not empty" }),
    );
    renderApp("/p/p1/b/beta");
    fireEvent.click(await screen.findByTestId("bucket-delete"));
    expect(screen.getByTestId("confirm-dialog").textContent).toContain("Delete the bucket “beta”?");
    await act(async () => {});
    expect(api.deleteBucket).not.toHaveBeenCalled();
    fireEvent.click(screen.getByTestId("confirm-ok"));
    const error = await screen.findByTestId("error-message");
    expect(error.textContent).toContain("The bucket is not empty. Delete all of its objects first");
    expect(screen.getByTestId("error-code").textContent).toBe("BucketNotEmpty");
    expect(api.deleteBucket).toHaveBeenCalledWith("p1", "beta");
    // Retrying cannot empty the bucket: OK is disabled, Cancel is the way out.
    expect((screen.getByTestId("confirm-ok") as HTMLButtonElement).disabled).toBe(true);
  });

  it("goes back to the profile after deleting the bucket", async () => {
    vi.mocked(api.deleteBucket).mockResolvedValue(null);
    const { router } = renderApp("/p/p1/b/beta");
    fireEvent.click(await screen.findByTestId("bucket-delete"));
    fireEvent.click(screen.getByTestId("confirm-ok"));
    await waitFor(() => expect(router.state.location.pathname).toBe("/p/p1"));
    expect(screen.queryByTestId("bucket-usage")).toBeNull();
  });

  describe("the prefix in the address", () => {
    it.each(["photos/2024/", "a b//c/", " 照片 / 2024/ ", "+%#&=?/", "123", "true", "null", "//", " "])(
      "is kept exactly: %j",
      async (prefix) => {
        const { router } = renderApp(`/p/p1/b/alpha?${new URLSearchParams({ prefix })}`);
        await waitFor(() => expect(api.listObjects).toHaveBeenCalledWith("p1", "alpha", prefix, null, 1000));
        expect(searchOf(router).prefix).toBe(prefix);
        expect((await screen.findByTestId("path-input") as HTMLInputElement).value).toBe(prefix);
      },
    );

    it("goes back and forward through the folders visited", async () => {
      const { router } = renderApp("/p/p1/b/alpha");
      fireEvent.doubleClick(await screen.findByTestId("object-row-sub dir/"));
      await waitFor(() => expect(searchOf(router).prefix).toBe("sub dir/"));
      fireEvent.doubleClick(await screen.findByTestId("object-row-sub dir/sub dir/"));
      await waitFor(() => expect(searchOf(router).prefix).toBe("sub dir/sub dir/"));
      expect(screen.getByTestId("breadcrumb-sub dir/sub dir/")).toBeTruthy();

      act(() => router.history.back());
      await waitFor(() => expect((screen.getByTestId("path-input") as HTMLInputElement).value).toBe("sub dir/"));
      expect(await screen.findByTestId("object-row-sub dir/sub dir/")).toBeTruthy();
      act(() => router.history.back());
      await waitFor(() => expect((screen.getByTestId("path-input") as HTMLInputElement).value).toBe(""));
      act(() => router.history.forward());
      await waitFor(() => expect((screen.getByTestId("path-input") as HTMLInputElement).value).toBe("sub dir/"));
      expect(router.state.location.pathname).toBe("/p/p1/b/alpha");
    });

    it("writes the typed prefix into the address", async () => {
      const { router } = renderApp("/p/p1/b/alpha");
      const input = await screen.findByTestId("path-input");
      fireEvent.change(input, { target: { value: "logs/2025 Q1" } });
      fireEvent.keyDown(input, { key: "Enter" });
      await waitFor(() => expect(searchOf(router).prefix).toBe("logs/2025 Q1/"));
      expect(router.state.location.searchStr).toBe("?prefix=logs%2F2025+Q1%2F");
    });
  });

  describe("bucket settings", () => {
    it("opens from the bucket panel on the versioning tab", async () => {
      const { router } = renderApp("/p/p1/b/alpha");
      fireEvent.click(await screen.findByTestId("bucket-settings"));
      await waitFor(() => expect(router.state.location.pathname).toBe("/p/p1/b/alpha/settings/versioning"));
      expect((await screen.findByTestId("versioning-status")).textContent).toBe("Never enabled");
      expect(screen.getByTestId("settings-tab-versioning").getAttribute("aria-selected")).toBe("true");
      expect(api.getBucketVersioning).toHaveBeenCalledWith("p1", "alpha");
      // The bucket stays selected in the sidebar.
      expect(screen.getByTestId("bucket-item-alpha").getAttribute("aria-current")).toBe("true");
    });

    it.each(["/p/p1/b/alpha/settings/nope", "/p/p1/b/alpha/settings"])("sends %s to the versioning tab", async (path) => {
      const { router } = renderApp(path);
      await screen.findByTestId("versioning-status");
      expect(router.state.location.pathname).toBe("/p/p1/b/alpha/settings/versioning");
    });

    it("leads back to the objects", async () => {
      const { router } = renderApp("/p/p1/b/alpha/settings/versioning");
      fireEvent.click(await screen.findByTestId("settings-back"));
      await waitFor(() => expect(router.state.location.pathname).toBe("/p/p1/b/alpha"));
      expect(await screen.findByTestId("object-row-sub dir/")).toBeTruthy();
    });
  });

  it("links to the topics of the profile and to the transfers", async () => {
    vi.mocked(api.listTopics).mockResolvedValue([{ name: "uploads", arn: "arn:aws:sns:default::uploads" }]);
    const { router } = renderApp("/p/p1");
    fireEvent.click(await screen.findByTestId("nav-topics"));
    expect((await screen.findByTestId("topics-list")).textContent).toContain("arn:aws:sns:default::uploads");
    expect(router.state.location.pathname).toBe("/p/p1/topics");
    expect(api.listTopics).toHaveBeenCalledWith("p1");
    fireEvent.click(screen.getByTestId("nav-transfers"));
    expect(await screen.findByTestId("transfer-list-empty")).toBeTruthy();
    expect(router.state.location.pathname).toBe("/transfers");
  });

  it("keeps the last profile in the sidebar on the transfers page", async () => {
    localStorage.setItem("zos.profile", "p2");
    renderApp("/transfers");
    await screen.findByTestId("bucket-list");
    expect((screen.getByTestId("profile-select") as HTMLSelectElement).value).toBe("p2");
    expect(screen.getByTestId("nav-transfers").getAttribute("aria-current")).toBe("page");
  });

  it("goes back to the start after removing the profile, and forgets it", async () => {
    vi.mocked(api.deleteProfile).mockResolvedValue(null);
    const { router } = renderApp("/p/p2");
    await screen.findByTestId("bucket-list");
    await waitFor(() => expect(localStorage.getItem("zos.profile")).toBe("p2"));
    vi.mocked(api.listProfiles).mockResolvedValue([profile("p1", "ZOS Dev")]);
    fireEvent.click(screen.getByTestId("profile-remove"));
    fireEvent.click(screen.getByTestId("confirm-ok"));
    await waitFor(() => expect(router.state.location.pathname).toBe("/"));
    expect(api.deleteProfile).toHaveBeenCalledWith("p2");
    expect(localStorage.getItem("zos.profile")).toBeNull();
    expect(await screen.findByText("Choose a profile")).toBeTruthy();
    expect(screen.getByTestId("welcome-profiles").textContent).toContain("ZOS Dev");
  });

  it("says so when the profile of the address no longer exists", async () => {
    renderApp("/p/gone/b/alpha");
    expect((await screen.findByTestId("profile-not-found")).textContent).toContain("This profile no longer exists.");
    await act(async () => {});
    expect(api.listObjects).not.toHaveBeenCalled();
  });

  it("says so for an unknown address", async () => {
    renderApp("/no/such/page");
    expect((await screen.findByTestId("not-found")).textContent).toContain("There is nothing at this address.");
  });
});

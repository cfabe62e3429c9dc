import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { api, type TagSet } from "../../../backend";
import { renderWithProviders } from "../../../test/render";
import { obj, page, renderBrowser, rowOf } from "../../objects/testing";
import { ObjectTagsDialog } from "./ObjectTagsDialog";

vi.mock("../../../backend");

const input = (id: string) => screen.getByTestId<HTMLInputElement>(id);
const button = (id: string) => screen.getByTestId<HTMLButtonElement>(id);

/** The server's object tags, per key and version. */
function server() {
  const stored = new Map<string, TagSet>([["a/report.pdf\nv1", { TagSet: [{ Key: "state", Value: "draft" }] }]]);
  vi.mocked(api.getObjectTags).mockImplementation(async (_p, _b, key, versionId) => stored.get(`${key}\n${versionId ?? ""}`) ?? { TagSet: [] });
  vi.mocked(api.putObjectTags).mockImplementation(async (_p, _b, key, versionId, tags) => {
    stored.set(`${key}\n${versionId ?? ""}`, tags);
    return null;
  });
  vi.mocked(api.deleteObjectTags).mockImplementation(async (_p, _b, key, versionId) => {
    stored.delete(`${key}\n${versionId ?? ""}`);
    return null;
  });
}

beforeEach(() => {
  server();
  vi.mocked(api.checkConfig).mockResolvedValue([]);
});

describe("ObjectTagsDialog", () => {
  it("edits the tags of one version and saves them to that version", async () => {
    const onClose = vi.fn();
    renderWithProviders(<ObjectTagsDialog profileId="p1" bucket="bkt" objectKey="a/report.pdf" versionId="v1" onClose={onClose} />);
    const dialog = screen.getByTestId("object-tags-dialog");
    expect(within(dialog).getByRole("heading").textContent).toBe("Tags of “report.pdf”");
    expect(screen.getByTestId("object-tags-key").textContent).toBe("bkt/a/report.pdf");
    expect(screen.getByTestId("object-tags-version").textContent).toBe("v1");
    await screen.findByTestId("object-tags-row-0-key");
    expect(api.getObjectTags).toHaveBeenCalledWith("p1", "bkt", "a/report.pdf", "v1");
    expect(input("object-tags-row-0-value").value).toBe("draft");
    expect(screen.getByTestId("object-tags-count").textContent).toBe("1 / 10");

    fireEvent.change(input("object-tags-row-0-value"), { target: { value: "final" } });
    fireEvent.click(button("object-tags-add"));
    fireEvent.change(input("object-tags-row-1-key"), { target: { value: "审核人" } });
    fireEvent.change(input("object-tags-row-1-value"), { target: { value: "王芳" } });
    await waitFor(() => expect(api.checkConfig).toHaveBeenLastCalledWith(expect.objectContaining({ kind: "objectTags" })));
    fireEvent.click(button("object-tags-save"));
    await waitFor(() =>
      expect(api.putObjectTags).toHaveBeenCalledWith("p1", "bkt", "a/report.pdf", "v1", {
        TagSet: [
          { Key: "state", Value: "final" },
          { Key: "审核人", Value: "王芳" },
        ],
      }),
    );
    expect((await screen.findByTestId("object-tags-saved")).textContent).toBe("Saved. Shown as read back from the server.");
    expect(api.getObjectTags).toHaveBeenCalledTimes(2);
    expect(api.getObjectTags).toHaveBeenLastCalledWith("p1", "bkt", "a/report.pdf", "v1");

    fireEvent.click(button("object-tags-close"));
    expect(onClose).toHaveBeenCalled();
  });

  it("stops at 10 tags", async () => {
    vi.mocked(api.getObjectTags).mockResolvedValue({ TagSet: Array.from({ length: 10 }, (_, i) => ({ Key: `k${i}`, Value: "v" })) });
    renderWithProviders(<ObjectTagsDialog profileId="p1" bucket="bkt" objectKey="x.bin" versionId={null} onClose={() => {}} />);
    await screen.findByTestId("object-tags-row-9-key");
    expect(screen.getByTestId("object-tags-count").textContent).toBe("10 / 10");
    expect(button("object-tags-add").disabled).toBe(true);
    expect(screen.queryByTestId("object-tags-version")).toBeNull();
    expect(api.getObjectTags).toHaveBeenCalledWith("p1", "bkt", "x.bin", null);
  });

  it("removes all tags of the object after a confirmation", async () => {
    renderWithProviders(<ObjectTagsDialog profileId="p1" bucket="bkt" objectKey="a/report.pdf" versionId="v1" onClose={() => {}} />);
    await screen.findByTestId("object-tags-row-0-key");
    fireEvent.click(button("object-tags-delete"));
    expect(screen.getByTestId("confirm-dialog").textContent).toContain("Its 1 tag is removed from the server.");
    fireEvent.click(screen.getByTestId("confirm-ok"));
    await waitFor(() => expect(api.deleteObjectTags).toHaveBeenCalledWith("p1", "bkt", "a/report.pdf", "v1"));
    expect((await screen.findByTestId("object-tags-none")).textContent).toBe("This object has no tags.");
    // The tags dialog is still open, its confirmation gone.
    expect(screen.getByTestId("object-tags-dialog")).toBeTruthy();
    expect(screen.queryByTestId("confirm-dialog")).toBeNull();
  });
});

describe("the object table's context menu", () => {
  beforeEach(() => {
    vi.mocked(api.headObject).mockReturnValue(new Promise(() => {}));
    vi.mocked(api.listObjects).mockResolvedValue(page("", ["docs/"], [obj("a/report.pdf")]));
  });

  it("offers Tags… and Permissions (ACL)… for one object, and opens its tags", async () => {
    renderBrowser();
    fireEvent.contextMenu(await screen.findByTestId("object-row-a/report.pdf"), { clientX: 40, clientY: 50, button: 2 });
    const menu = await screen.findByTestId("row-menu");
    expect(within(menu).getByTestId("row-menu-tags").textContent).toBe("Tags…");
    expect(within(menu).getByTestId("row-menu-acl").textContent).toBe("Permissions (ACL)…");
    fireEvent.click(within(menu).getByTestId("row-menu-tags"));
    await screen.findByTestId("object-tags-dialog");
    // The listing has no versions: the current one.
    await waitFor(() => expect(api.getObjectTags).toHaveBeenCalledWith("p1", "bkt", "a/report.pdf", null));
  });

  it("opens the object's ACL", async () => {
    vi.mocked(api.getAcl).mockReturnValue(new Promise(() => {}));
    renderBrowser();
    fireEvent.contextMenu(await screen.findByTestId("object-row-a/report.pdf"), { clientX: 40, clientY: 50, button: 2 });
    fireEvent.click(within(await screen.findByTestId("row-menu")).getByTestId("row-menu-acl"));
    await screen.findByTestId("object-acl-dialog");
  });

  it("offers neither for a folder, nor for several rows", async () => {
    renderBrowser();
    fireEvent.contextMenu(await screen.findByTestId("object-row-docs/"), { clientX: 40, clientY: 50, button: 2 });
    let menu = await screen.findByTestId("row-menu");
    expect(within(menu).getByTestId("row-menu-rename")).toBeTruthy();
    expect(within(menu).queryByTestId("row-menu-tags")).toBeNull();
    expect(within(menu).queryByTestId("row-menu-acl")).toBeNull();
    fireEvent.keyDown(menu, { key: "Escape" });
    await waitFor(() => expect(screen.queryByTestId("row-menu")).toBeNull());

    fireEvent.click(rowOf("docs/"));
    fireEvent.click(rowOf("a/report.pdf"), { ctrlKey: true });
    fireEvent.contextMenu(rowOf("a/report.pdf"), { clientX: 40, clientY: 50, button: 2 });
    menu = await screen.findByTestId("row-menu");
    expect(within(menu).queryByTestId("row-menu-tags")).toBeNull();
    expect(within(menu).queryByTestId("row-menu-acl")).toBeNull();
  });
});

import { act, screen, waitFor } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { api, onFilesDragOver, onFilesDropped, type FilesDragOver, type FilesDropped, type LocalFile, type ObjectPage } from "../../backend";
import { renderApp } from "../../test/render";
import { transfer } from "../transfers/testing";
import { dropTargetAt } from "./dropTarget";

vi.mock("../../backend");

const folder: LocalFile = { handle: "h-photos", name: "photos", size: null, isFolder: true };
const page = (prefix: string): ObjectPage => ({
  bucket: "alpha",
  prefix,
  folders: [`${prefix}2024/`],
  objects: [{ key: `${prefix}a.txt`, size: 3, lastModified: null, storageClass: null, etag: null }],
  nextToken: null,
});

/** The row of an exact key. */
const rowOf = (key: string) => [...document.querySelectorAll<HTMLElement>('[role="row"]')].find((r) => r.dataset.testid === `object-row-${key}`)!;

let drop: ((d: FilesDropped) => void) | undefined;
let dragOver: ((d: FilesDragOver) => void) | undefined;
let under: Element | null = null;
const realElementFromPoint = document.elementFromPoint;

beforeEach(() => {
  vi.mocked(api.listProfiles).mockResolvedValue([
    { id: "p1", name: "Dev", endpoint: "http://h:7480", region: "default", pathStyle: true, accessKeyId: "AK" },
  ]);
  vi.mocked(api.listBuckets).mockResolvedValue([
    { name: "alpha", creationDate: null },
    { name: "beta", creationDate: null },
  ]);
  vi.mocked(api.bucketUsage).mockResolvedValue({ objectCount: 1, bytesUsed: 3 });
  vi.mocked(api.listObjects).mockImplementation(async (_p, _b, prefix) => page(prefix));
  vi.mocked(api.listTransfers).mockResolvedValue([]);
  vi.mocked(api.listBookmarks).mockResolvedValue([]);
  vi.mocked(api.uploadLocal).mockResolvedValue(transfer({ id: 8, state: "queued" }));
  vi.mocked(onFilesDropped).mockImplementation(async (cb) => {
    drop = cb;
    return () => {};
  });
  vi.mocked(onFilesDragOver).mockImplementation(async (cb) => {
    dragOver = cb;
    return () => {};
  });
  // happy-dom does no layout: the element "under the point" is the one the test names.
  document.elementFromPoint = vi.fn(() => under);
});

afterEach(() => {
  document.elementFromPoint = realElementFromPoint;
  under = null;
});

async function dropOn(el: Element | null) {
  under = el;
  await waitFor(() => expect(drop).toBeDefined());
  act(() => drop?.({ files: [folder], position: { x: 10, y: 20 } }));
}

describe("files dropped on the window", () => {
  it("go into the folder row they were dropped on", async () => {
    renderApp("/p/p1/b/alpha?prefix=docs/");
    await screen.findByTestId("object-row-docs/2024/");
    await dropOn(rowOf("docs/2024/").querySelector(".name-text"));
    await waitFor(() => expect(api.uploadLocal).toHaveBeenCalledWith("p1", "alpha", "docs/2024/", ["h-photos"], null, null));
    expect(document.elementFromPoint).toHaveBeenCalledWith(10, 20);
    expect((await screen.findByTestId("drop-notice")).textContent).toContain("Uploading photos…");
  });

  it("go into the shown folder when dropped on an object or anywhere else in the object area", async () => {
    renderApp("/p/p1/b/alpha?prefix=docs/");
    await screen.findByTestId("object-row-docs/a.txt");
    await dropOn(rowOf("docs/a.txt"));
    await waitFor(() => expect(api.uploadLocal).toHaveBeenLastCalledWith("p1", "alpha", "docs/", ["h-photos"], null, null));
    await dropOn(screen.getByTestId("path-input"));
    await waitFor(() => expect(api.uploadLocal).toHaveBeenCalledTimes(2));
    expect(api.uploadLocal).toHaveBeenLastCalledWith("p1", "alpha", "docs/", ["h-photos"], null, null);
  });

  it("go to the root of a bucket of the list", async () => {
    renderApp("/p/p1/b/alpha?prefix=docs/");
    await dropOn((await screen.findByTestId("bucket-item-beta")).querySelector(".bucket-name"));
    await waitFor(() => expect(api.uploadLocal).toHaveBeenCalledWith("p1", "beta", "", ["h-photos"], null, null));
  });

  it("are not uploaded anywhere without a bucket under them: a notice says where to drop", async () => {
    renderApp("/p/p1");
    await screen.findByTestId("bucket-list");
    await dropOn(screen.getByTestId("profile-select"));
    expect((await screen.findByTestId("drop-notice")).textContent).toContain("To upload, drop files or folders on a bucket");
    expect(api.uploadLocal).not.toHaveBeenCalled();
  });

  it("highlight the target under the pointer while dragged", async () => {
    renderApp("/p/p1/b/alpha?prefix=docs/");
    await screen.findByTestId("object-row-docs/2024/");
    await waitFor(() => expect(dragOver).toBeDefined());
    under = rowOf("docs/2024/").querySelector(".name-text");
    act(() => dragOver?.({ position: { x: 1, y: 2 } }));
    expect(rowOf("docs/2024/").hasAttribute("data-drop-active")).toBe(true);
    under = screen.getByTestId("path-input");
    act(() => dragOver?.({ position: { x: 1, y: 3 } }));
    expect(rowOf("docs/2024/").hasAttribute("data-drop-active")).toBe(false);
    expect(document.querySelector(".browser")?.hasAttribute("data-drop-active")).toBe(true);
    act(() => dragOver?.({ position: null }));
    expect(document.querySelector("[data-drop-active]")).toBeNull();
  });
});

describe("dropTargetAt", () => {
  it("takes the nearest profile, bucket and folder around the element", () => {
    document.body.innerHTML = `
      <section data-drop-profile="p1" data-drop-bucket="b" data-drop-prefix="x/">
        <div data-drop-prefix="x/y z/"><span id="in-row">row</span></div>
        <span id="in-area">area</span>
      </section>
      <ul data-drop-profile="p1"><li><button data-drop-bucket="other" data-drop-prefix=""><span id="bucket">b</span></button></li></ul>
      <p id="outside">nothing</p>`;
    const at = (id: string) => {
      const t = dropTargetAt(document.getElementById(id));
      return t && { profileId: t.profileId, bucket: t.bucket, prefix: t.prefix };
    };
    expect(at("in-row")).toEqual({ profileId: "p1", bucket: "b", prefix: "x/y z/" });
    expect(at("in-area")).toEqual({ profileId: "p1", bucket: "b", prefix: "x/" });
    expect(at("bucket")).toEqual({ profileId: "p1", bucket: "other", prefix: "" });
    expect(at("outside")).toBeNull();
    expect(dropTargetAt(null)).toBeNull();
  });
});

// The image panel and thumbnails where the user meets them: the object table, its context menu
// and the details pane.
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { api, thumbSrc, type ObjectDetails } from "../../backend";
import { obj, page, renderBrowser, rowOf } from "../objects/testing";
import { mockImageBackend } from "./testing";

vi.mock("../../backend");

const ETAG = '"d41d8cd98f00b204e9800998ecf8427e"';
/** HEAD's ETag, which the details pane uses (a failed thumbnail is not asked again this session). */
const HEAD_ETAG = '"0123456789abcdef0123456789abcdef"';

function details(key: string, contentType: string | null): ObjectDetails {
  return { key, size: 1024, contentType, lastModified: null, etag: HEAD_ETAG, versionId: null, storageClass: "STANDARD", objectType: "Normal", metadata: {}, rawMetadata: {} };
}

beforeEach(() => {
  vi.resetAllMocks();
  mockImageBackend();
  vi.mocked(api.listObjects).mockResolvedValue(
    page("", ["pics/"], [obj("cat.JPG"), obj("notes.txt"), obj("scan"), { ...obj("no-etag.png"), etag: null }]),
  );
  vi.mocked(api.headObject).mockImplementation(async (_p, _b, key) => details(key, key === "scan" ? "image/png" : key === "cat.JPG" ? "image/jpeg" : "text/plain"));
});

describe("thumbnails in the object table", () => {
  it("show for image rows with an ETag, from thumbSrc, and fall back to the icon on error", async () => {
    renderBrowser();
    await screen.findByTestId("object-row-cat.JPG");
    const img = within(rowOf("cat.JPG")).getByTestId<HTMLImageElement>("row-thumb");
    expect(img.getAttribute("src")).toBe(`thumb:p1/bkt/cat.JPG@${ETAG}`);
    expect(img.getAttribute("loading")).toBe("lazy");
    expect(img.getAttribute("decoding")).toBe("async");
    expect(thumbSrc).toHaveBeenCalledWith("p1", { bucket: "bkt", key: "cat.JPG", versionId: null }, ETAG);
    // Not an image by its name (the listing has no content type), no ETag, or a folder: the icon.
    for (const key of ["notes.txt", "scan", "no-etag.png", "pics/"]) {
      expect(within(rowOf(key)).queryByTestId("row-thumb")).toBeNull();
      expect(rowOf(key).querySelector("svg.row-icon")).toBeTruthy();
    }

    fireEvent.error(img);
    expect(within(rowOf("cat.JPG")).queryByTestId("row-thumb")).toBeNull();
    expect(rowOf("cat.JPG").querySelector("svg.row-icon.object")).toBeTruthy();
  });
});

describe("the details pane of an image", () => {
  it("shows the preview and Image process… only for images (by name or content type)", async () => {
    renderBrowser();
    fireEvent.click(await screen.findByTestId("object-row-notes.txt"));
    await screen.findByTestId("details-contentType");
    expect(screen.queryByTestId("details-image-process")).toBeNull();

    fireEvent.click(screen.getByTestId("object-row-scan"));
    expect((await screen.findByTestId("details-image-process")).textContent).toBe("Image process…");

    fireEvent.click(screen.getByTestId("object-row-cat.JPG"));
    await waitFor(() => expect(screen.getByTestId("details-key").textContent).toBe("cat.JPG"));
    const thumb = screen.getByTestId<HTMLImageElement>("details-thumb");
    expect(thumb.getAttribute("src")).toBe(`thumb:p1/bkt/cat.JPG@${HEAD_ETAG}`);
    expect(thumb.getAttribute("alt")).toBe("cat.JPG");
    fireEvent.error(thumb);
    expect(screen.queryByTestId("details-thumb")).toBeNull();
    expect(screen.getByTestId("details-image-process")).toBeTruthy();
  });

  it("opens the panel; Escape closes it and gives the focus back to the button", async () => {
    const user = userEvent.setup();
    renderBrowser();
    fireEvent.click(await screen.findByTestId("object-row-cat.JPG"));
    const button = await screen.findByTestId("details-image-process");
    button.focus();
    await user.keyboard("{Enter}");
    const panel = await screen.findByTestId("image-panel");
    expect(within(panel).getByRole("heading", { name: "Image process: cat.JPG" })).toBeTruthy();
    await waitFor(() => expect(document.activeElement).toBe(screen.getByTestId("image-add-step")));
    expect(api.imageOriginal).toHaveBeenCalledWith("p1", { bucket: "bkt", key: "cat.JPG", versionId: null });

    await user.keyboard("{Escape}");
    await waitFor(() => expect(screen.queryByTestId("image-panel")).toBeNull());
    await waitFor(() => expect(document.activeElement).toBe(screen.getByTestId("details-image-process")));
  });
});

describe("the context menu", () => {
  it("offers Image process… on one image, not on other objects", async () => {
    renderBrowser();
    fireEvent.contextMenu(await screen.findByTestId("object-row-notes.txt"), { clientX: 40, clientY: 50, button: 2 });
    expect(within(await screen.findByTestId("row-menu")).queryByTestId("row-menu-image")).toBeNull();
    await userEvent.setup().keyboard("{Escape}");
    await waitFor(() => expect(screen.queryByTestId("row-menu")).toBeNull());

    fireEvent.contextMenu(screen.getByTestId("object-row-cat.JPG"), { clientX: 40, clientY: 50, button: 2 });
    const item = within(await screen.findByTestId("row-menu")).getByTestId("row-menu-image");
    expect(item.textContent).toBe("Image process…");
    fireEvent.click(item);
    expect(await screen.findByTestId("image-panel")).toBeTruthy();
  });
});

import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { api } from "../../backend";
import { BackendError } from "../../errors";
import { IMAGE, mockImageBackend, pipelineText, renderPanel } from "./testing";

vi.mock("../../backend");

const writeText = vi.fn<(text: string) => Promise<void>>();

beforeEach(() => {
  vi.resetAllMocks();
  mockImageBackend();
  writeText.mockResolvedValue(undefined);
  Object.defineProperty(navigator, "clipboard", { value: { writeText }, configurable: true });
});

afterEach(() => {
  Object.defineProperty(navigator, "clipboard", { value: undefined, configurable: true });
});

const set = (testId: string, value: string) => fireEvent.change(screen.getByTestId(testId), { target: { value } });

async function withPipeline(text: string) {
  set("image-pipeline", text);
  fireEvent.blur(screen.getByTestId("image-pipeline"));
  await waitFor(() => expect(screen.getByTestId<HTMLButtonElement>("image-url-copy").disabled).toBe(false));
}

describe("Copy URL", () => {
  it("signs the canonical pipeline for the chosen expiry and puts the link on the clipboard", async () => {
    const url = "https://zos.example.com/bkt/photos/cat.jpg?x-zos-process=image%2Fresize%2Cw_300&X-Amz-Expires=86400";
    vi.mocked(api.imageUrl).mockResolvedValue(url);
    renderPanel();
    await withPipeline("image/resize, w_300");
    set("image-url-expiry", "86400");
    fireEvent.click(screen.getByTestId("image-url-copy"));
    expect((await screen.findByTestId("image-url-copied")).textContent).toBe("Copied");
    expect(api.imageUrl).toHaveBeenCalledWith("p1", IMAGE, "image/resize,w_300", 86400);
    expect(writeText).toHaveBeenCalledWith(url);
    expect(screen.getByTestId<HTMLInputElement>("image-url-value").value).toBe(url);
    expect(screen.getByTestId("image-url").textContent).toContain("A server without image processing serves the original image.");
  });

  it("takes a custom number of hours, and refuses one out of range", async () => {
    vi.mocked(api.imageUrl).mockResolvedValue("https://x");
    renderPanel();
    await withPipeline("image/rotate,90");
    set("image-url-expiry", "custom");
    set("image-url-hours", "200");
    expect(screen.getByTestId<HTMLButtonElement>("image-url-copy").disabled).toBe(true);
    set("image-url-hours", "5");
    fireEvent.click(screen.getByTestId("image-url-copy"));
    await screen.findByTestId("image-url-copied");
    expect(api.imageUrl).toHaveBeenCalledWith("p1", IMAGE, "image/rotate,90", 5 * 3600);
  });

  it("shows the link to copy by hand when the clipboard refuses", async () => {
    vi.mocked(api.imageUrl).mockResolvedValue("https://x");
    writeText.mockRejectedValue(new Error("denied"));
    renderPanel();
    await withPipeline("image/rotate,90");
    fireEvent.click(screen.getByTestId("image-url-copy"));
    expect((await screen.findByTestId("image-url-copied")).textContent).toContain("select the link below");
    expect(screen.getByTestId<HTMLInputElement>("image-url-value").value).toBe("https://x");
  });
});

describe("Save as", () => {
  it("defaults to <name>-processed.<format>, asks before replacing, then saves with overwrite", async () => {
    vi.mocked(api.saveImage)
      .mockRejectedValueOnce(new BackendError({ code: "ObjectExists", status: null, requestId: null, detail: "exists" }))
      .mockResolvedValueOnce({ engine: "server", facts: null });
    const { queryClient } = renderPanel();
    const reset = vi.spyOn(queryClient, "resetQueries");
    await withPipeline("image/resize,w_300/format,png");
    expect(screen.getByTestId<HTMLInputElement>("image-save-key").value).toBe("photos/cat-processed.png");
    fireEvent.click(screen.getByTestId("image-save-submit"));

    const confirm = await screen.findByTestId("confirm-dialog");
    expect(confirm.textContent).toContain("Replace “photos/cat-processed.png”?");
    await waitFor(() => expect(document.activeElement).toBe(within(confirm).getByTestId("confirm-cancel")));
    fireEvent.click(within(confirm).getByTestId("confirm-ok"));

    expect((await screen.findByTestId("image-save-done")).textContent).toBe("Saved “photos/cat-processed.png”.");
    await waitFor(() => expect(screen.queryByTestId("confirm-dialog")).toBeNull());
    const request = { source: IMAGE, pipeline: "image/resize,w_300/format,png", bucket: "bkt", key: "photos/cat-processed.png", engine: "server" };
    expect(api.saveImage).toHaveBeenNthCalledWith(1, "p1", { ...request, overwrite: false });
    expect(api.saveImage).toHaveBeenNthCalledWith(2, "p1", { ...request, overwrite: true });
    expect(reset).toHaveBeenCalledWith({ queryKey: ["objects", "p1", "bkt"] });
  });

  it("does not replace when the question is cancelled", async () => {
    vi.mocked(api.saveImage).mockRejectedValue(new BackendError({ code: "ObjectExists", status: null, requestId: null, detail: "exists" }));
    renderPanel();
    await withPipeline("image/rotate,90");
    fireEvent.click(screen.getByTestId("image-save-submit"));
    fireEvent.click(await screen.findByTestId("confirm-cancel"));
    await waitFor(() => expect(screen.queryByTestId("confirm-dialog")).toBeNull());
    expect(api.saveImage).toHaveBeenCalledTimes(1);
    expect(screen.getByTestId("image-panel")).toBeTruthy();
  });

  it("switches to this computer when the server has no image processing, and saves that way next", async () => {
    vi.mocked(api.saveImage)
      .mockRejectedValueOnce(new BackendError({ code: "UnsupportedByServer", status: 501, requestId: null, detail: "no image processing" }))
      .mockResolvedValueOnce({ engine: "local", facts: null });
    renderPanel();
    await withPipeline("image/rotate,90");
    set("image-save-bucket", "other");
    set("image-save-key", "out/cat.jpg");
    expect(screen.getByTestId("image-save-engine-server").getAttribute("aria-checked")).toBe("true");
    fireEvent.click(screen.getByTestId("image-save-submit"));

    expect((await screen.findByTestId("image-save-unsupported")).textContent).toContain("“On this computer, then upload” is now chosen");
    expect(screen.getByTestId("image-save-engine-local").getAttribute("aria-checked")).toBe("true");
    expect(screen.getByTestId("image-save-engine-local").textContent).toBe("On this computer, then upload");
    expect(api.saveImage).toHaveBeenCalledTimes(1);

    fireEvent.click(screen.getByTestId("image-save-submit"));
    expect((await screen.findByTestId("image-save-done")).textContent).toBe("Saved “out/cat.jpg”, processed on this computer.");
    expect(api.saveImage).toHaveBeenLastCalledWith("p1", {
      source: IMAGE,
      pipeline: "image/rotate,90",
      bucket: "other",
      key: "out/cat.jpg",
      engine: "local",
      overwrite: false,
    });
  });

  it("shows any other error with its code", async () => {
    vi.mocked(api.saveImage).mockRejectedValue(new BackendError({ code: "AccessDenied", status: 403, requestId: "tx-1", detail: "Access Denied" }));
    renderPanel();
    await withPipeline("image/rotate,90");
    fireEvent.click(screen.getByTestId("image-save-submit"));
    const error = await screen.findByTestId("error-message");
    expect(error.textContent).toContain("Could not save “photos/cat-processed.jpg”.");
    expect(within(error).getByTestId("error-request-id").textContent).toBe("tx-1");
    expect(pipelineText()).toBe("image/rotate,90");
  });

  it("cannot save without a step", async () => {
    renderPanel();
    expect(screen.getByTestId<HTMLButtonElement>("image-save-submit").disabled).toBe(true);
    expect(screen.getByTestId("image-save-blocked").textContent).toBe("Add a step first.");
  });
});

import { fireEvent, screen, waitFor } from "@testing-library/react";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { api } from "../../backend";
import { IMAGE, mockImageBackend, renderPanel, view } from "./testing";

vi.mock("../../backend");

beforeEach(() => {
  vi.resetAllMocks();
  mockImageBackend();
});

const typePipeline = (value: string) => fireEvent.change(screen.getByTestId("image-pipeline"), { target: { value } });

describe("the previews", () => {
  it("shows the original and the result with their size, weight and format", async () => {
    renderPanel();
    await waitFor(() => expect(screen.getByTestId("image-original-facts").textContent).toBe("1000 × 500 · 240.0 KiB · JPG"));
    expect(screen.getByTestId("image-result").textContent).toContain("Add a step to see the result.");
    vi.mocked(api.renderImage).mockResolvedValue(view({ engine: "server", width: 300, height: 150, size: 2048, format: "webp" }));
    typePipeline("image/resize,w_300/format,webp");
    await waitFor(() => expect(screen.getByTestId("image-result-facts").textContent).toBe("300 × 150 · 2.0 KiB · WEBP"));
    expect(screen.getByTestId("image-result-label").textContent).toBe("Server");
    expect(screen.getByTestId<HTMLImageElement>("image-result-img").getAttribute("src")).toBe("data:image/svg+xml,300x150");
    expect(api.imageOriginal).toHaveBeenCalledWith("p1", IMAGE);
  });

  it("labels a local result and says why the server's was not used (serverIgnored)", async () => {
    vi.mocked(api.renderImage).mockResolvedValue(view({ engine: "local", fallback: { kind: "serverIgnored" } }));
    renderPanel();
    typePipeline("image/rotate,90");
    await waitFor(() => expect(screen.getByTestId("image-result-label").textContent).toBe("Local preview"));
    expect(screen.getByTestId("image-result-fallback").textContent).toBe(
      "The server answered with the original image: it does not process images. This is a local preview.",
    );
    expect(screen.queryByTestId("image-compare")).toBeNull();
  });

  it("says the same in Chinese", async () => {
    vi.mocked(api.renderImage).mockResolvedValue(view({ engine: "local", fallback: { kind: "serverIgnored" } }));
    renderPanel("zh-CN");
    typePipeline("image/rotate,90");
    await waitFor(() => expect(screen.getByTestId("image-result-label").textContent).toBe("本地预览"));
    expect(screen.getByTestId("image-result-fallback").textContent).toBe("服务器返回了原图：它不支持图片处理。这是本地预览。");
  });

  it("shows the server's error when it failed, and that the local preview is shown", async () => {
    const error = { code: "AccessDenied" as const, serverCode: null, status: 403, requestId: "tx-9", detail: "Access Denied" };
    vi.mocked(api.renderImage).mockResolvedValue(view({ engine: "local", fallback: { kind: "serverFailed", error } }));
    renderPanel();
    typePipeline("image/rotate,90");
    const notice = await screen.findByTestId("image-result-fallback");
    expect(notice.textContent).toContain("The server could not process the image.");
    expect(notice.textContent).toContain("tx-9");
    expect(notice.textContent).toContain("Shown: local preview.");
  });

  it("translates the engine's notes", async () => {
    vi.mocked(api.renderImage).mockResolvedValue(
      view({ notes: [{ type: "fontSubstituted", requested: "kaishu", used: "WenQuanYi Zen Hei" }, { type: "missingGlyphs", chars: "𠀀" }, { type: "notEnlarged" }] }),
    );
    renderPanel("zh-CN");
    typePipeline("image/rotate,90");
    const notes = await screen.findByTestId("image-result-notes");
    expect([...notes.querySelectorAll("li")].map((li) => li.textContent)).toEqual([
      "本机没有字体“kaishu”，已用“WenQuanYi Zen Hei”代替。",
      "没有字体包含这些字符，已显示为空框：𠀀",
      "未放大：图片小于目标尺寸，limit_1（默认）保持原样。",
    ]);
  });

  it("shows image/info as a table of facts, and Save says why it cannot save", async () => {
    const json = '{"FileSize":{"value":"245760"},"Format":{"value":"jpg"},"ImageHeight":{"value":"500"},"ImageWidth":{"value":"1000"},"Orientation":{"value":"6"}}';
    vi.mocked(api.renderImage).mockResolvedValue(view({ format: "json", contentType: "application/json", width: null, height: null, size: json.length }, json));
    renderPanel();
    typePipeline("image/info");
    expect((await screen.findByTestId("image-info-width")).textContent).toBe("1000");
    expect(screen.getByTestId("image-info-height").textContent).toBe("500");
    expect(screen.getByTestId("image-info-format").textContent).toBe("jpg");
    expect(screen.getByTestId("image-info-fileSize").textContent).toBe("240.0 KiB (245,760 B)");
    expect(screen.getByTestId("image-info-orientation").textContent).toBe("6");
    expect(screen.queryByTestId("image-result-img")).toBeNull();
    expect(screen.getByTestId<HTMLButtonElement>("image-save-submit").disabled).toBe(true);
    expect(screen.getByTestId("image-save-blocked").textContent).toBe("“info” answers facts, not an image: there is nothing to save.");
  });

  it("renders on this computer when Local is chosen, and offers Compare once the server processed an image", async () => {
    vi.mocked(api.renderImage).mockImplementation(async (_p, _i, _pipeline, engine) => view({ engine, width: engine === "server" ? 301 : 300 }));
    renderPanel();
    typePipeline("image/resize,w_300");
    const compare = await screen.findByTestId("image-compare");
    fireEvent.click(screen.getByTestId("image-engine-local"));
    await waitFor(() => expect(api.renderImage).toHaveBeenCalledWith("p1", IMAGE, "image/resize,w_300", "local"));
    await waitFor(() => expect(screen.getByTestId("image-result-label").textContent).toBe("Local preview"));
    fireEvent.click(compare);
    expect(compare.getAttribute("aria-pressed")).toBe("true");
    await waitFor(() => expect(screen.getByTestId("image-server-facts").textContent).toContain("301 × 150"));
    expect(screen.getByTestId("image-local-facts").textContent).toContain("300 × 150");
    expect(screen.queryByTestId("image-original")).toBeNull();
  });
});

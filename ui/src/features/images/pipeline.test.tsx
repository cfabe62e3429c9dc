import { act, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { api } from "../../backend";
import { RENDER_DELAY_MS } from "./queries";
import { addStep, IMAGE, mockImageBackend, pipelineText, renderPanel } from "./testing";

vi.mock("../../backend");

beforeEach(() => {
  vi.resetAllMocks();
  mockImageBackend();
});

const set = (testId: string, value: string) => fireEvent.change(screen.getByTestId(testId), { target: { value } });
const typePipeline = (value: string) => set("image-pipeline", value);
const sleep = (ms: number) => act(() => new Promise((r) => setTimeout(r, ms)));

describe("the step builder and the pipeline text", () => {
  it("prints the builder's steps into the text: add resize, w 300, mode fixed", async () => {
    renderPanel();
    await addStep("resize");
    const card = screen.getByTestId("image-step-0");
    expect(card.dataset.op).toBe("resize");
    // A resize with no size yet: Rust's problem is said on the card.
    await waitFor(() => expect(pipelineText()).toBe("image/resize"));
    expect((await within(card).findByTestId("image-step-0-problem")).textContent).toBe("“resize” needs one of: w, h, p.");
    // The new step's first field has the focus.
    expect(document.activeElement).toBe(screen.getByTestId("image-step-0-w"));

    set("image-step-0-w", "300");
    set("image-step-0-mode", "fixed");
    await waitFor(() => expect(pipelineText()).toBe("image/resize,w_300,m_fixed"));
    expect(within(card).queryByTestId("image-step-0-problem")).toBeNull();
    await waitFor(() => expect(api.renderImage).toHaveBeenCalledWith("p1", IMAGE, "image/resize,w_300,m_fixed", "server"));
  });

  it("moves and removes steps", async () => {
    renderPanel();
    await addStep("rotate");
    await addStep("format");
    await waitFor(() => expect(pipelineText()).toBe("image/rotate,90/format,jpg"));
    fireEvent.click(screen.getByRole("button", { name: "Move step 2 up" }));
    await waitFor(() => expect(pipelineText()).toBe("image/format,jpg/rotate,90"));
    expect(screen.getByTestId("image-step-0").dataset.op).toBe("format");
    fireEvent.click(screen.getByRole("button", { name: "Remove step 1" }));
    await waitFor(() => expect(pipelineText()).toBe("image/rotate,90"));
    expect(screen.queryByTestId("image-step-1")).toBeNull();
  });

  it("builds watermarks: text with font and position, image with its own pipeline", async () => {
    renderPanel();
    await addStep("textWatermark");
    set("image-step-0-text", "水印");
    set("image-step-0-font", "kaishu");
    fireEvent.click(screen.getByRole("radio", { name: "Bottom right" }));
    set("image-step-0-t", "50");
    await waitFor(() => expect(pipelineText()).toBe("image/watermark,text_5rC05Y2w,type_kaishu,g_se,t_50"));

    await addStep("imageWatermark");
    set("image-step-1-key", "logo.png");
    set("image-step-1-process", "image/resize,p_0");
    await waitFor(() => expect(screen.getByTestId("image-step-1").textContent).toContain("“0” is out of range: 1 to 1000."));
    set("image-step-1-process", "image/resize,p_50");
    await waitFor(() => expect(pipelineText()).toBe(`image/watermark,text_5rC05Y2w,type_kaishu,g_se,t_50/watermark,image_${btoa("logo.png?x-zos-process=image/resize,p_50").replace(/\//g, "_")}`));
  });

  it("turns typed text into steps without rewriting it, and canonicalizes it on blur", async () => {
    renderPanel();
    typePipeline("image/rotate, 90");
    const degrees = await screen.findByTestId<HTMLInputElement>("image-step-0-degrees");
    expect(screen.getByTestId("image-step-0").dataset.op).toBe("rotate");
    expect(degrees.value).toBe("90");
    expect(pipelineText()).toBe("image/rotate, 90");
    fireEvent.blur(screen.getByTestId("image-pipeline"));
    await waitFor(() => expect(pipelineText()).toBe("image/rotate,90"));
  });

  it("says a bad token in words, marks it, and renders nothing for an invalid pipeline", async () => {
    renderPanel();
    typePipeline("image/resize,w_0");
    const problem = await screen.findByTestId("image-pipeline-problem");
    expect(problem.textContent).toContain("Step 1 · “0” is out of range: 1 to 4096.");
    expect(screen.getByTestId("image-pipeline-token").textContent).toBe("0");
    await sleep(RENDER_DELAY_MS + 150);
    expect(api.renderImage).not.toHaveBeenCalled();

    typePipeline("image/blur,r_3");
    await waitFor(() => expect(screen.getByTestId("image-pipeline-problem").textContent).toContain("“blur” is not an operation"));
    typePipeline("resize,w_3");
    await waitFor(() => expect(screen.getByTestId("image-pipeline-problem").textContent).toBe("resize,w_3A pipeline starts with “image/”, not “resize,w_3”."));
    expect(api.renderImage).not.toHaveBeenCalled();
  });

  it("says the problem in Chinese", async () => {
    renderPanel("zh-CN");
    typePipeline("image/resize,w_0");
    expect((await screen.findByTestId("image-pipeline-problem")).textContent).toContain("第 1 步 · “0”超出范围：1 到 4096。");
  });

  it("keeps the last good preview, marked stale, while the text is invalid", async () => {
    renderPanel();
    typePipeline("image/rotate,90");
    await waitFor(() => expect(api.renderImage).toHaveBeenCalledTimes(1));
    await screen.findByTestId("image-result-img");
    typePipeline("image/rotate,900");
    await screen.findByTestId("image-pipeline-problem");
    expect(screen.getByTestId("image-stale")).toBeTruthy();
    expect(screen.getByTestId("image-result").className).toContain("stale");
    expect(screen.getByTestId("image-result-img")).toBeTruthy();
    // The builder keeps the last valid steps.
    expect(screen.getByTestId<HTMLInputElement>("image-step-0-degrees").value).toBe("90");
    await sleep(RENDER_DELAY_MS + 150);
    expect(api.renderImage).toHaveBeenCalledTimes(1);
  });
});

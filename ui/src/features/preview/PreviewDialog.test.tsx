import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { useState } from "react";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { api, type ObjectPreview, type PreviewContent } from "../../backend";
import { BackendError } from "../../errors";
import type { Locale } from "../../i18n";
import { renderWithProviders } from "../../test/render";
import { caretPad, hexRows, splitLines } from "./model";
import { PreviewDialog, type PreviewDialogProps } from "./PreviewDialog";

vi.mock("../../backend");
vi.mock("./pdfRender", () => ({ renderFirstPage: vi.fn() }));
import { renderFirstPage } from "./pdfRender";

beforeEach(() => {
  vi.resetAllMocks();
});

const b64 = (bytes: number[] | Uint8Array) => btoa(String.fromCharCode(...bytes));

function answer(content: PreviewContent, more: Partial<ObjectPreview> = {}): ObjectPreview {
  return { key: "docs/说明.txt", versionId: null, contentType: null, size: 120, fetchedBytes: 120, truncated: false, content, ...more };
}

const text = (t: string, encoding = "UTF-8", more: Partial<{ bom: boolean; lossy: boolean; detectedEncoding: string }> = {}) => ({
  text: t,
  encoding,
  detectedEncoding: more.detectedEncoding ?? encoding,
  bom: more.bom ?? false,
  lossy: more.lossy ?? false,
});

/** An opener and the dialog (focus returns to the opener). */
function Harness(props: Partial<PreviewDialogProps>) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" data-testid="opener" onClick={() => setOpen(true)}>
        open
      </button>
      {open && (
        <PreviewDialog
          profileId="p1"
          bucket="bkt"
          objectKey="docs/说明.txt"
          {...props}
          onClose={() => {
            props.onClose?.();
            setOpen(false);
          }}
        />
      )}
    </>
  );
}

function open(props: Partial<PreviewDialogProps> = {}, locale: Locale = "en") {
  renderWithProviders(<Harness {...props} />, locale);
  screen.getByTestId("opener").focus();
  fireEvent.click(screen.getByTestId("opener"));
  return screen.getByTestId("preview-dialog");
}

describe("model", () => {
  it("formats hex rows as offset | hex | ASCII", () => {
    const rows = hexRows(Uint8Array.from([0x00, 0x41, 0x42, 0x7f, ...Array(14).fill(0x61)]));
    expect(rows[0]).toEqual({
      offset: "00000000",
      hex: "00 41 42 7f 61 61 61 61  61 61 61 61 61 61 61 61",
      ascii: ".AB.aaaaaaaaaaaa",
    });
    expect(rows[1].offset).toBe("00000010");
    expect(rows[1].hex.startsWith("61 61")).toBe(true);
    expect(splitLines("a\r\nb\rc\n")).toEqual(["a", "b", "c"]);
    expect(caretPad('  "人口": 21,,', 12)).toBe("   \u3000\u3000      ");
    expect(caretPad("\tab", 3)).toBe("\t ");
  });
});

describe("text", () => {
  it("shows the decoded text with line numbers and its encoding, and re-decodes in another one", async () => {
    vi.mocked(api.previewObject).mockResolvedValue(answer({ kind: "text", value: text("第一行\n第二行", "GBK") }));
    const dialog = open();
    expect(within(dialog).getByRole("heading", { name: "Preview: 说明.txt" })).toBeTruthy();
    const body = await screen.findByTestId("preview-text");
    expect(body.querySelectorAll(".pv-code")[1].textContent).toBe("第二行");
    expect([...body.querySelectorAll(".pv-num")].map((n) => n.textContent)).toEqual(["1", "2"]);
    expect(api.previewObject).toHaveBeenCalledWith("p1", "bkt", "docs/说明.txt", null, { encoding: null, view: null });
    const select = screen.getByTestId<HTMLSelectElement>("preview-encoding");
    expect(select.selectedOptions[0].textContent).toBe("Detected: GBK");
    expect(screen.getByTestId("preview-size").textContent).toBe("Size 120 B");

    vi.mocked(api.previewObject).mockResolvedValue(
      answer({ kind: "text", value: text("瘙橾", "Big5", { detectedEncoding: "GBK", lossy: true }) }),
    );
    fireEvent.change(select, { target: { value: "Big5" } });
    await waitFor(() => expect(screen.getByTestId("preview-text").textContent).toContain("瘙橾"));
    expect(api.previewObject).toHaveBeenLastCalledWith("p1", "bkt", "docs/说明.txt", null, { encoding: "Big5", view: null });
    expect(screen.getByTestId<HTMLSelectElement>("preview-encoding").value).toBe("Big5");
    expect(dialog.textContent).toContain("Some bytes are not valid in this encoding");

    fireEvent.click(screen.getByTestId("preview-numbers"));
    expect(screen.getByTestId("preview-text").querySelector(".pv-num")).toBeNull();
    fireEvent.click(screen.getByTestId("preview-wrap"));
    expect(screen.getByTestId("preview-text").className).not.toContain("pv-wrap");
  });

  it("says in Chinese that only the first bytes are shown, with the BOM and the version", async () => {
    vi.mocked(api.previewObject).mockResolvedValue(
      answer({ kind: "text", value: text("中文", "UTF-16LE", { bom: true }) }, { size: 1_048_576, fetchedBytes: 262_144, truncated: true }),
    );
    const dialog = open({ versionId: "v1" }, "zh-CN");
    await screen.findByTestId("preview-text");
    expect(within(dialog).getByRole("heading", { name: "预览：说明.txt" })).toBeTruthy();
    expect(screen.getByTestId("preview-size").textContent).toBe("仅显示前 256.0 KiB，共 1.0 MiB。");
    expect(dialog.textContent).toContain("带字节顺序标记（BOM）");
    expect(screen.getByTestId<HTMLSelectElement>("preview-encoding").selectedOptions[0].textContent).toBe("自动检测：UTF-16LE");
    expect(api.previewObject).toHaveBeenCalledWith("p1", "bkt", "docs/说明.txt", "v1", { encoding: null, view: null });
  });

  it("can be asked for another view", async () => {
    vi.mocked(api.previewObject).mockResolvedValue(answer({ kind: "text", value: text("a,b") }));
    open();
    await screen.findByTestId("preview-text");
    vi.mocked(api.previewObject).mockResolvedValue(answer({ kind: "hex", value: { dataBase64: b64([0x61, 0x2c, 0x62]) } }));
    fireEvent.change(screen.getByTestId("preview-view"), { target: { value: "hex" } });
    await screen.findByTestId("preview-hex");
    expect(api.previewObject).toHaveBeenLastCalledWith("p1", "bkt", "docs/说明.txt", null, { encoding: null, view: "hex" });
  });
});

describe("json", () => {
  it("shows the pretty text", async () => {
    vi.mocked(api.previewObject).mockResolvedValue(
      answer({ kind: "json", value: { decoded: text('{"a":1}'), pretty: '{\n  "a": 1\n}', problem: null } }),
    );
    open({ objectKey: "a.json" });
    const json = await screen.findByTestId("preview-json");
    expect([...json.querySelectorAll(".pv-code")].map((l) => l.textContent)).toEqual(["{", '  "a": 1', "}"]);
  });

  it("points at the error, in both languages", async () => {
    const problem = { message: "key must be a string", line: 2, column: 5, lineText: '  ,"b"' };
    const value = { decoded: text('{\n  ,"b"\n}'), pretty: null, problem };
    vi.mocked(api.previewObject).mockResolvedValue(answer({ kind: "json", value }));
    open({ objectKey: "bad.json" }, "zh-CN");
    const alert = await screen.findByTestId("preview-json-problem");
    expect(alert.textContent).toContain("JSON 无效，位于第 2 行第 5 列：key must be a string");
    expect(alert.querySelector("pre")?.textContent).toBe('  ,"b"\n    ^');
    expect(screen.getByTestId("preview-json").querySelector(".pv-mark")?.textContent).toContain('  ,"b"');
  });
});

describe("csv", () => {
  it("shows a table with a header row, quotes and newlines kept", async () => {
    const rows = [
      ["姓名", "备注"],
      ["张, 三", "第一行\n第二行"],
    ];
    const table = { delimiter: ",", rows, columns: 2, moreRows: true, moreColumns: false, error: null };
    vi.mocked(api.previewObject).mockResolvedValue(answer({ kind: "csv", value: { decoded: text("…"), table } }));
    open({ objectKey: "people.csv" });
    const csv = await screen.findByTestId("preview-csv");
    expect([...csv.querySelectorAll("thead th")].map((c) => c.textContent)).toEqual(["Row", "姓名", "备注"]);
    expect([...csv.querySelectorAll("tbody td")].map((c) => c.textContent)).toEqual(["张, 三", "第一行\n第二行"]);
    expect(screen.getByTestId("preview-csv-note").textContent).toContain("Only the first 2 rows are shown.");
  });

  it("says it in Chinese", async () => {
    const table = { delimiter: ",", rows: [["a"]], columns: 1, moreRows: false, moreColumns: true, error: null };
    vi.mocked(api.previewObject).mockResolvedValue(answer({ kind: "csv", value: { decoded: text("a"), table } }));
    open({ objectKey: "wide.csv" }, "zh-CN");
    expect((await screen.findByTestId("preview-csv-note")).textContent).toContain("仅显示前 1 列。");
  });
});

describe("hex", () => {
  it("shows offset, hex and ASCII of the first bytes", async () => {
    const bytes = Array.from({ length: 20 }, (_, i) => i + 0x40);
    vi.mocked(api.previewObject).mockResolvedValue(answer({ kind: "hex", value: { dataBase64: b64(bytes) } }, { size: 10_000, truncated: true }));
    open({ objectKey: "blob.bin" }, "zh-CN");
    const hex = await screen.findByTestId("preview-hex");
    expect([...hex.querySelectorAll("thead th")].map((c) => c.textContent)).toEqual(["偏移", "十六进制", "ASCII"]);
    const cells = [...hex.querySelectorAll("tbody tr")].map((r) => [...r.querySelectorAll("td")].map((c) => c.textContent));
    expect(cells[0]).toEqual(["00000000", "40 41 42 43 44 45 46 47  48 49 4a 4b 4c 4d 4e 4f", "@ABCDEFGHIJKLMNO"]);
    expect(cells[1][0]).toBe("00000010");
    expect(cells[1][2]).toBe("PQRS");
    expect(screen.getByTestId("preview-size").textContent).toBe("仅显示前 4.0 KiB，共 9.8 KiB。");
  });
});

describe("media", () => {
  it("plays the presigned URL, and offers Download when the format cannot play", async () => {
    const onDownload = vi.fn();
    const url = "http://127.0.0.1:7480/bkt/clip.mp4?X-Amz-Signature=x";
    vi.mocked(api.previewObject).mockResolvedValue(answer({ kind: "media", value: { url, mime: "video/mp4", video: true, expiresInSecs: 3600 } }));
    open({ objectKey: "clip.mp4", onDownload });
    const media = await screen.findByTestId("preview-media");
    expect(media.tagName).toBe("VIDEO");
    expect(media.getAttribute("src")).toBe(url);
    expect(media.getAttribute("aria-label")).toBe("Video player");
    fireEvent.error(media);
    const failed = await screen.findByTestId("preview-media-failed");
    expect(failed.textContent).toContain("This format cannot be played here.");
    fireEvent.click(within(failed).getByTestId("preview-download"));
    expect(onDownload).toHaveBeenCalledTimes(1);
  });

  it("uses an audio element for audio, labelled in Chinese", async () => {
    vi.mocked(api.previewObject).mockResolvedValue(
      answer({ kind: "media", value: { url: "http://x/a.mp3", mime: "audio/mpeg", video: false, expiresInSecs: 3600 } }),
    );
    open({ objectKey: "a.mp3" }, "zh-CN");
    const media = await screen.findByTestId("preview-media");
    expect([media.tagName, media.getAttribute("aria-label")]).toEqual(["AUDIO", "音频播放器"]);
  });
});

describe("pdf", () => {
  it("renders the first page with pdf.js and says how many pages there are", async () => {
    vi.mocked(renderFirstPage).mockResolvedValue(3);
    vi.mocked(api.previewObject).mockResolvedValue(answer({ kind: "pdf", value: { dataBase64: b64([0x25, 0x50, 0x44, 0x46]), limitBytes: 33554432 } }));
    open({ objectKey: "报告.pdf" });
    expect((await screen.findByTestId("preview-pdf-pages")).textContent).toBe("Page 1 of 3");
    const [data, canvas] = vi.mocked(renderFirstPage).mock.calls[0];
    expect([...data]).toEqual([0x25, 0x50, 0x44, 0x46]);
    expect(canvas.getAttribute("aria-label")).toBe("First page of 报告.pdf");
  });

  it("says when it is too large, and when pdf.js fails, in Chinese", async () => {
    vi.mocked(api.previewObject).mockResolvedValue(answer({ kind: "pdf", value: { dataBase64: null, limitBytes: 33554432 } }));
    open({ objectKey: "big.pdf", onDownload: () => {} }, "zh-CN");
    const pdf = await screen.findByTestId("preview-pdf");
    expect(pdf.textContent).toContain("此 PDF 大于 32.0 MiB，请下载后阅读。");
    expect(within(pdf).getByTestId("preview-download").textContent).toBe("下载");
  });

  it("shows pdf.js's error", async () => {
    vi.mocked(renderFirstPage).mockRejectedValue(new Error("Invalid PDF structure."));
    vi.mocked(api.previewObject).mockResolvedValue(answer({ kind: "pdf", value: { dataBase64: b64([1]), limitBytes: 33554432 } }));
    open({ objectKey: "broken.pdf" });
    await waitFor(() => expect(screen.getByTestId("preview-pdf").textContent).toContain("The PDF could not be shown: Invalid PDF structure."));
  });
});

describe("image and the dialog", () => {
  it("points an image to the image panel", async () => {
    const onOpenImage = vi.fn();
    vi.mocked(api.previewObject).mockResolvedValue(answer({ kind: "image", value: { mime: "image/jpeg" } }));
    open({ objectKey: "a.jpg", onOpenImage }, "zh-CN");
    const image = await screen.findByTestId("preview-image");
    expect(image.textContent).toContain("这是一张图片（image/jpeg）");
    fireEvent.click(screen.getByTestId("preview-open-image"));
    expect(onOpenImage).toHaveBeenCalled();
  });

  it("shows the backend's error", async () => {
    vi.mocked(api.previewObject).mockRejectedValue(
      new BackendError({ code: "NoSuchKey", status: 404, requestId: null, detail: "gone" }),
    );
    open();
    expect((await screen.findByTestId("error-message")).textContent).toContain("Could not preview the object.");
  });

  it("asks for the customer key of an SSE-C object and reads it again once the key is kept", async () => {
    vi.mocked(api.previewObject)
      .mockRejectedValueOnce(new BackendError({ code: "EncryptedWithCustomerKey", status: 400, requestId: "tx1", detail: "" }))
      .mockResolvedValueOnce(answer({ kind: "text", value: text("机密") }));
    vi.mocked(api.setCustomerKey).mockResolvedValue(undefined as never);
    open();
    fireEvent.change(await screen.findByTestId("ssec-key"), { target: { value: "a".repeat(43) + "=" } });
    fireEvent.click(screen.getByTestId("ssec-submit"));
    expect((await screen.findByTestId("preview-text")).textContent).toContain("机密");
    expect(api.previewObject).toHaveBeenCalledTimes(2);
    expect(screen.queryByTestId("ssec-prompt")).toBeNull();
  });

  it("closes on Escape and gives focus back; arrows go to the previous and next object but not from a select", async () => {
    vi.mocked(api.previewObject).mockResolvedValue(answer({ kind: "text", value: text("x") }));
    const onPrevious = vi.fn();
    const onNext = vi.fn();
    const onClose = vi.fn();
    const dialog = open({ onPrevious, onNext, onClose });
    await screen.findByTestId("preview-text");
    fireEvent.keyDown(screen.getByTestId("preview-text"), { key: "ArrowRight" });
    fireEvent.keyDown(screen.getByTestId("preview-text"), { key: "ArrowLeft" });
    expect([onNext.mock.calls.length, onPrevious.mock.calls.length]).toEqual([1, 1]);
    fireEvent.keyDown(screen.getByTestId("preview-encoding"), { key: "ArrowRight" });
    expect(onNext).toHaveBeenCalledTimes(1);
    expect(screen.getByTestId("preview-next").getAttribute("aria-keyshortcuts")).toBe("ArrowRight");
    fireEvent.keyDown(dialog, { key: "Escape" });
    await waitFor(() => expect(screen.queryByTestId("preview-dialog")).toBeNull());
    expect(onClose).toHaveBeenCalled();
    expect(document.activeElement).toBe(screen.getByTestId("opener"));
  });
});

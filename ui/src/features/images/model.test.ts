import { describe, expect, it } from "vitest";
import { imageSrc, thumbSrc } from "../../backend";
import type { ObjectEntry } from "../../backend";
import { check, fakeImages } from "../../mock/fakeImages";
import { isImage, newStep, processedKey, utf16Index } from "./model";

describe("what the panel decides alone", () => {
  it("tells images by extension (any case) or by a content type the engine reads", () => {
    for (const key of ["a.jpg", "b/C.JPEG", "x.png", "y.WebP", "z.bmp", "t.tif", "t.tiff", "g.gif"]) expect(isImage(key), key).toBe(true);
    for (const key of ["a.txt", "b.svg", "c.heic", "jpg", "d/"]) expect(isImage(key), key).toBe(false);
    expect(isImage("scan", "image/png")).toBe(true);
    expect(isImage("scan", "image/jpeg; charset=binary")).toBe(true);
    expect(isImage("logo", "image/svg+xml")).toBe(false);
    expect(isImage("notes", "text/plain")).toBe(false);
  });

  it("names the saved result after the source, with the last Format step's extension", () => {
    expect(processedKey("photos/cat.jpg", [])).toBe("photos/cat-processed.jpg");
    expect(processedKey("photos/cat.JPEG", [])).toBe("photos/cat-processed.JPEG");
    expect(processedKey("cat.jpg", [newStep("format"), { op: "format", format: "webp" }])).toBe("cat-processed.webp");
    expect(processedKey("a/scan", [])).toBe("a/scan-processed");
    expect(processedKey(".hidden", [])).toBe(".hidden-processed");
  });

  it("finds Rust's byte offsets in JavaScript's strings", () => {
    const text = "image/watermark,text_水印,t_500";
    const start = new TextEncoder().encode("image/watermark,text_水印,t_").length;
    expect(text.slice(utf16Index(text, start))).toBe("500");
    expect(utf16Index("a😀b", 5)).toBe(3);
  });
});

describe("the zosimg: URLs", () => {
  it("encode every value of a thumbnail, and pass data: URLs through", () => {
    const src = thumbSrc("p 1", { bucket: "bkt", key: "a/b c&d.jpg", versionId: "v=1" }, '"e t"');
    expect(src).toBe("zosimg://localhost/thumb?profile=p%201&bucket=bkt&key=a%2Fb%20c%26d.jpg&etag=%22e%20t%22&version=v%3D1");
    expect(thumbSrc("p", { bucket: "b", key: "k.png" }, "e")).toBe("zosimg://localhost/thumb?profile=p&bucket=b&key=k.png&etag=e");
    expect(imageSrc("/render/abc")).toBe("zosimg://localhost/render/abc");
    expect(imageSrc("data:image/png;base64,AA")).toBe("data:image/png;base64,AA");
  });
});

describe("the dev fake's parser", () => {
  it("prints what it parses canonically", () => {
    expect(check("image/resize, m_fixed,w_300 /rotate,90/image/format,JPEG").canonical).toBe("image/resize,w_300,m_fixed/rotate,90/format,jpg");
    const wm = check("image/watermark,text_5rC05Y2w,type_kaishu,g_se,t_50");
    expect(wm.canonical).toBe("image/watermark,text_5rC05Y2w,type_kaishu,g_se,t_50");
    expect(wm.pipeline?.steps[0]).toMatchObject({ op: "watermark", mark: { kind: "text", text: "水印", font: "kaishu" } });
  });

  it("names the token at fault, at Rust's byte offsets", () => {
    expect(check("image/resize,w_0").problem).toEqual({ step: 0, token: "0", start: 15, end: 16, kind: { type: "outOfRange", min: 1, max: 4096 } });
    expect(check("image/rotate,90/blur,3").problem).toMatchObject({ step: 1, token: "blur", start: 16, kind: { type: "unknownOperation" } });
    expect(check("resize,w_1").problem).toMatchObject({ token: "resize,w_1", kind: { type: "missingPrefix" } });
    expect(check("image/info/rotate,90").problem).toMatchObject({ kind: { type: "infoNotAlone" } });
  });
});

describe("the dev fake's server", () => {
  it("has no image processing: renders here and says why, saves here, refuses to replace unasked", async () => {
    let list: ObjectEntry[] = [{ key: "a/cat.jpg", size: 1, lastModified: 0, storageClass: null, etag: '"e"' }];
    const fake = fakeImages({ bucketExists: () => true, objectsOf: () => list, setObjects: (_b, l) => (list = l) });
    const image = { bucket: "photos", key: "a/cat.jpg", versionId: null };
    const data = <T>(r: { status: "ok"; data: T } | { status: "error"; error: { code: string } }) => {
      if (r.status !== "ok") throw new Error(r.error.code);
      return r.data;
    };
    const first = data(await fake.renderImage("p", image, "image/resize,w_300", "server"));
    expect(first.facts).toMatchObject({ engine: "local", width: 300, height: 150, fallback: { kind: "serverIgnored" } });
    expect(data(await fake.renderImage("p", image, "image/rotate,90", "server")).facts).toMatchObject({ width: 500, height: 1000, fallback: { kind: "knownUnsupported" } });
    expect(data(await fake.renderImage("p", image, "image/info", "local")).text).toContain('"ImageWidth"');

    const save = { source: image, pipeline: "image/format,png", bucket: "photos", key: "a/cat.jpg", engine: "local" as const, overwrite: false };
    await expect(fake.saveImage("p", save).then(data)).rejects.toThrow("ObjectExists");
    await expect(fake.saveImage("p", { ...save, key: "b.png", engine: "server" }).then(data)).rejects.toThrow("UnsupportedByServer");
    expect(data(await fake.saveImage("p", { ...save, key: "b.png" })).engine).toBe("local");
    expect(list.map((o) => o.key)).toEqual(["a/cat.jpg", "b.png"]);
    await expect(fake.imageUrl("p", image, null, 30).then(data)).rejects.toThrow("InvalidInput");
  });
});

// What the image panel knows without asking Rust: which objects are images, the steps a new
// step starts as, the name a result is saved under. The pipeline's rules themselves (ranges,
// conflicts, canonical text) are Rust's: checkImagePipeline and printImagePipeline.
import type { FileFormat, Gravity, ResizeMode, Step } from "../../backend";
import type { MessageKey } from "../../i18n";

/** Extensions of the formats the image engine reads. */
const IMAGE_EXTENSIONS = new Set(["jpg", "jpeg", "png", "webp", "bmp", "tif", "tiff", "gif"]);
/** Content types of those formats (SVG, HEIC… are images the engine cannot read). */
const IMAGE_TYPES = new Set(["image/jpeg", "image/jpg", "image/pjpeg", "image/png", "image/webp", "image/bmp", "image/x-ms-bmp", "image/tiff", "image/gif"]);

/** The extension of a key's last segment, lower-case, or "" when it has none. */
export function extensionOf(key: string): string {
  const name = key.slice(key.lastIndexOf("/") + 1);
  const dot = name.lastIndexOf(".");
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : "";
}

/** An object the image panel can process: by extension, or by content type when known. */
export function isImage(key: string, contentType?: string | null): boolean {
  if (IMAGE_EXTENSIONS.has(extensionOf(key))) return true;
  const type = contentType?.split(";")[0].trim().toLowerCase();
  return type !== undefined && IMAGE_TYPES.has(type);
}

/** `<folder>/<name>-processed.<ext>`: the extension follows the last Format step, else the source's. */
export function processedKey(source: string, steps: readonly Step[]): string {
  const slash = source.lastIndexOf("/");
  const folder = source.slice(0, slash + 1);
  const name = source.slice(slash + 1);
  const ext = extensionOf(source);
  const base = ext ? name.slice(0, name.length - ext.length - 1) : name;
  const format = steps.findLast((s) => s.op === "format");
  const outExt = format ? format.format : ext ? name.slice(name.length - ext.length) : "";
  return `${folder}${base}-processed${outExt ? `.${outExt}` : ""}`;
}

/** The kinds of step the "Add step" menu offers (watermarks split by their mark). */
export type StepKind = "resize" | "crop" | "rotate" | "textWatermark" | "imageWatermark" | "format" | "quality" | "autoOrient" | "info";

export const STEP_KINDS: readonly StepKind[] = ["resize", "crop", "rotate", "textWatermark", "imageWatermark", "format", "quality", "autoOrient", "info"];

export const STEP_LABEL: Record<StepKind, MessageKey> = {
  resize: "images.op.resize",
  crop: "images.op.crop",
  rotate: "images.op.rotate",
  textWatermark: "images.op.textWatermark",
  imageWatermark: "images.op.imageWatermark",
  format: "images.op.format",
  quality: "images.op.quality",
  autoOrient: "images.op.autoOrient",
  info: "images.op.info",
};

export function kindOf(step: Step): StepKind {
  if (step.op === "watermark") return step.mark.kind === "text" ? "textWatermark" : "imageWatermark";
  return step.op;
}

/** A new step of `kind`: every optional parameter unset (the engine's default). */
export function newStep(kind: StepKind): Step {
  const place = { opacity: null, x: null, y: null, gravity: null };
  switch (kind) {
    case "resize":
      return { op: "resize", w: null, h: null, mode: null, color: null, percent: null, limit: null };
    case "crop":
      return { op: "crop", w: null, h: null, x: null, y: null, gravity: null };
    case "rotate":
      return { op: "rotate", degrees: 90 };
    case "textWatermark":
      return { op: "watermark", ...place, mark: { kind: "text", text: "", font: null, color: null, size: null, rotate: null } };
    case "imageWatermark":
      return { op: "watermark", ...place, mark: { kind: "image", key: "", process: null } };
    case "format":
      return { op: "format", format: "jpg" };
    case "quality":
      return { op: "quality", mode: "absolute", value: 85 };
    case "autoOrient":
      return { op: "autoOrient", enabled: true };
    case "info":
      return { op: "info" };
  }
}

export const RESIZE_MODES: readonly ResizeMode[] = ["lfit", "mfit", "fill", "pad", "fixed"];
export const FORMATS: readonly FileFormat[] = ["jpg", "png", "webp", "bmp", "tiff", "gif"];
/** The nine-grid, row by row. */
export const GRAVITIES: readonly Gravity[] = ["nw", "north", "ne", "west", "center", "east", "sw", "south", "se"];
/** Font names the vendor documents and the usual others (zos_image::KNOWN_FONTS). */
export const KNOWN_FONTS: readonly string[] = [
  "yahei",
  "heiti",
  "kaishu",
  "youyuan",
  "fangsong",
  "songti",
  "wqy-zenhei",
  "wqy-microhei",
  "fangzhengshusong",
  "fangzhengkaiti",
  "fangzhengheiti",
  "fangzhengfangsong",
];

/** The engine's defaults, shown as placeholders (zos_image: exec::text, exec::watermark). */
export const DEFAULTS = {
  resizeMode: "lfit" as ResizeMode,
  padColor: "FFFFFF",
  textColor: "FFFFFF",
  textSize: 40,
  margin: 10,
  opacity: 100,
  watermarkGravity: "nw" as Gravity,
  cropGravity: "nw" as Gravity,
};

/** Whether a step asks for facts instead of an image. */
export const isInfo = (steps: readonly Step[]) => steps.some((s) => s.op === "info");

/** Moves item `from` to `to` in a copy of `list`. */
export function moved<T>(list: readonly T[], from: number, to: number): T[] {
  const next = list.slice();
  const [item] = next.splice(from, 1);
  next.splice(to, 0, item);
  return next;
}

/** UTF-16 index (JavaScript's) of a UTF-8 byte offset (Rust's) in `text`. */
export function utf16Index(text: string, byteOffset: number): number {
  let bytes = 0;
  let i = 0;
  while (i < text.length && bytes < byteOffset) {
    const cp = text.codePointAt(i) ?? 0;
    bytes += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
    i += cp >= 0x10000 ? 2 : 1;
  }
  return i;
}

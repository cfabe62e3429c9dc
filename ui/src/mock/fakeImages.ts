// DEV ONLY: the fake backend's image processing (fakeBackend.ts spreads these commands), enough
// to exercise the image panel in `npm run dev:mock` and in tests:
// - a small hand parser and printer of the common steps (resize, crop, rotate, format, quality,
//   auto-orient, info, watermark), with the usual problems (w_0 out of range, unknown operation,
//   no image/ prefix, …) at the byte offsets Rust gives;
// - renders are SVG data: URLs of the computed size, labelled with the pipeline; the fake server
//   has no image processing (the first "server" render says serverIgnored, later ones
//   knownUnsupported; Save on the server is UnsupportedByServer);
// - Save on this computer adds the object; an existing key is ObjectExists unless overwrite.
// It is not the engine: the real rules are Rust's. Never part of the normal app.
import type {
  AppError,
  BackendCommands,
  ErrorCode,
  ImageRef,
  Note,
  ObjectEntry,
  ParseError,
  ParseErrorKind,
  Pipeline,
  PipelineCheck,
  RenderedFacts,
  Result,
  Step,
} from "../backend";
import type { FakeObjects } from "./fakeBucketTools";

type Commands = Pick<
  BackendCommands,
  "checkImagePipeline" | "printImagePipeline" | "imageOriginal" | "renderImage" | "imageUrl" | "saveImage"
>;

const delay = (ms: number) => new Promise((r) => setTimeout(r, ms));
const ok = <T>(data: T): Result<T, AppError> => ({ status: "ok", data });
const fail = <T>(code: ErrorCode, detail: string, status: number | null = null): Result<T, AppError> => ({
  status: "error",
  error: { code, serverCode: null, status, requestId: status ? `tx00000fake-${Date.now().toString(16)}` : null, detail },
});

// ---- base64 (URL-safe, padded) ----
const utf8 = new TextEncoder();
const b64encode = (s: string) => btoa(String.fromCharCode(...utf8.encode(s))).replace(/\+/g, "-").replace(/\//g, "_");
function b64decode(s: string): string | null {
  try {
    const bin = atob(s.replace(/-/g, "+").replace(/_/g, "/").padEnd(Math.ceil(s.length / 4) * 4, "="));
    return new TextDecoder("utf-8", { fatal: true }).decode(Uint8Array.from(bin, (c) => c.charCodeAt(0)));
  } catch {
    return null;
  }
}

// ---- parse ----
const GRAVITY = ["nw", "north", "ne", "west", "center", "east", "sw", "south", "se"];
const MODES = ["lfit", "mfit", "fill", "pad", "fixed"];
const FORMATS = ["jpg", "png", "webp", "bmp", "tiff", "gif"];
const PROCESS_MARK = "?x-zos-process=";

class Fail {
  constructor(readonly error: ParseError) {}
}

/** Parses `text`; offsets are bytes of `whole` (the text as typed), like Rust's. */
function parse(text: string, nested = false): Pipeline {
  const bytes = (i: number) => utf8.encode(text.slice(0, i)).length;
  let step = 0;
  const fault = (token: string, at: number, kind: ParseErrorKind): never => {
    throw new Fail({ step, token, start: bytes(at), end: bytes(at) + utf8.encode(token).length, kind });
  };
  if (text === "") fault("", 0, { type: "empty" });
  const segs: { text: string; at: number }[] = [];
  let at = 0;
  for (const piece of text.split("/")) {
    segs.push({ text: piece.trim(), at: at + (piece.length - piece.trimStart().length) });
    at += piece.length + 1;
  }
  if (segs[0].text !== "image") fault(segs[0].text, segs[0].at, { type: "missingPrefix" });
  if (segs.length === 1) fault("", text.length, { type: "empty" });
  const steps: Step[] = [];
  let afterPrefix = true;
  for (const seg of segs.slice(1)) {
    step = steps.length;
    if (seg.text === "image" && !afterPrefix) {
      afterPrefix = true;
      continue;
    }
    afterPrefix = false;
    if (seg.text === "") fault("", seg.at, { type: "empty" });
    const parts: { text: string; at: number }[] = [];
    let p = seg.at;
    for (const piece of seg.text.split(",")) {
      parts.push({ text: piece.trim(), at: p + (piece.length - piece.trimStart().length) });
      p += piece.length + 1;
    }
    const [op, ...params] = parts;
    const empty = params.find((x) => x.text === "");
    if (empty) fault("", empty.at, { type: "empty" });
    if (nested && (op.text === "watermark" || op.text === "info")) fault(op.text, op.at, { type: "notAllowedInWatermark" });
    const num = (v: { text: string; at: number }, min: number, max: number) => {
      if (!/^\d+$/.test(v.text)) fault(v.text, v.at, { type: "badNumber" });
      const n = Number(v.text);
      if (n < min || n > max) fault(v.text, v.at, { type: "outOfRange", min, max });
      return n;
    };
    const choice = (v: { text: string; at: number }, allowed: string[]) => {
      const c = v.text.toLowerCase() === "jpeg" && allowed === FORMATS ? "jpg" : v.text.toLowerCase();
      if (!allowed.includes(c)) fault(v.text, v.at, { type: "badChoice", allowed });
      return c;
    };
    const color = (v: { text: string; at: number }) => {
      if (!/^[0-9a-f]{6}$/i.test(v.text)) fault(v.text, v.at, { type: "badColor" });
      const n = parseInt(v.text, 16);
      return { r: n >> 16, g: (n >> 8) & 255, b: n & 255 };
    };
    const named = (known: string[]) => {
      const out = new Map<string, { text: string; at: number }>();
      for (const x of params) {
        const cut = x.text.indexOf("_");
        const name = cut < 0 ? x.text : x.text.slice(0, cut);
        if (!known.includes(name)) fault(name, x.at, { type: "unknownParameter", op: op.text });
        if (cut < 0 || cut === x.text.length - 1) fault(x.text, x.at, { type: "missingValue" });
        if (out.has(name)) fault(x.text, x.at, { type: "duplicate" });
        out.set(name, { text: x.text.slice(cut + 1), at: x.at + cut + 1 });
      }
      return out;
    };
    const bare = () => {
      if (params.length === 0) fault(op.text, op.at, { type: "missingValue" });
      if (params.length > 1) fault(params[1].text, params[1].at, { type: "unknownParameter", op: op.text });
      return params[0];
    };
    const opt = <T>(v: { text: string; at: number } | undefined, f: (v: { text: string; at: number }) => T): T | null => (v ? f(v) : null);
    switch (op.text) {
      case "resize": {
        const ps = named(["w", "h", "m", "p", "limit", "color"]);
        const r: Step = {
          op: "resize",
          w: opt(ps.get("w"), (v) => num(v, 1, 4096)),
          h: opt(ps.get("h"), (v) => num(v, 1, 4096)),
          percent: opt(ps.get("p"), (v) => num(v, 1, 1000)),
          mode: opt(ps.get("m"), (v) => choice(v, MODES)) as Extract<Step, { op: "resize" }>["mode"],
          color: opt(ps.get("color"), color),
          limit: opt(ps.get("limit"), (v) => num(v, 0, 1) === 1),
        };
        if (r.w === null && r.h === null && r.percent === null) fault(op.text, op.at, { type: "missingRequired", one_of: ["w", "h", "p"] });
        if (r.percent !== null && (r.w !== null || r.h !== null)) {
          const pp = params.find((x) => x.text.startsWith("p_"));
          fault(pp?.text ?? op.text, pp?.at ?? op.at, { type: "conflict", with: r.w !== null ? "w" : "h" });
        }
        steps.push(r);
        break;
      }
      case "crop": {
        const ps = named(["w", "h", "x", "y", "g"]);
        const c: Step = {
          op: "crop",
          w: opt(ps.get("w"), (v) => num(v, 1, 30000)),
          h: opt(ps.get("h"), (v) => num(v, 1, 30000)),
          x: opt(ps.get("x"), (v) => num(v, 0, 30000)),
          y: opt(ps.get("y"), (v) => num(v, 0, 30000)),
          gravity: opt(ps.get("g"), (v) => choice(v, GRAVITY)) as Extract<Step, { op: "crop" }>["gravity"],
        };
        if (c.w === null && c.h === null) fault(op.text, op.at, { type: "missingRequired", one_of: ["w", "h"] });
        steps.push(c);
        break;
      }
      case "rotate":
        steps.push({ op: "rotate", degrees: num(bare(), 0, 360) });
        break;
      case "format":
        steps.push({ op: "format", format: choice(bare(), FORMATS) as Extract<Step, { op: "format" }>["format"] });
        break;
      case "auto-orient":
        steps.push({ op: "autoOrient", enabled: num(bare(), 0, 1) === 1 });
        break;
      case "quality": {
        const ps = named(["q", "Q"]);
        const [q, Q] = [ps.get("q"), ps.get("Q")];
        if (!q && !Q) fault(op.text, op.at, { type: "missingRequired", one_of: ["q", "Q"] });
        if (q && Q) fault(params[1].text, params[1].at, { type: "conflict", with: params[0].text.slice(0, 1) });
        steps.push({ op: "quality", mode: q ? "relative" : "absolute", value: num((q ?? Q)!, 1, 100) });
        break;
      }
      case "info":
        if (params.length > 0) fault(params[0].text, params[0].at, { type: "unknownParameter", op: "info" });
        steps.push({ op: "info" });
        break;
      case "watermark":
        steps.push(watermark(named(["t", "x", "y", "g", "image", "text", "type", "color", "size", "rotate"])));
        break;
      default:
        fault(op.text, op.at, { type: op.text === "" ? "empty" : "unknownOperation" });
    }

    function watermark(ps: Map<string, { text: string; at: number }>): Step {
      const decoded = (v: { text: string; at: number }) => b64decode(v.text) ?? fault(v.text, v.at, { type: "badBase64" });
      const place = {
        opacity: opt(ps.get("t"), (v) => num(v, 0, 100)),
        x: opt(ps.get("x"), (v) => num(v, 0, 4096)),
        y: opt(ps.get("y"), (v) => num(v, 0, 4096)),
        gravity: opt(ps.get("g"), (v) => choice(v, GRAVITY)) as Extract<Step, { op: "watermark" }>["gravity"],
      };
      const image = ps.get("image");
      if (image) {
        const textOnly = params.find((x) => ["text", "type", "color", "size", "rotate"].includes(x.text.split("_")[0]));
        if (textOnly) fault(textOnly.text, textOnly.at, { type: "conflict", with: "image" });
        const target = decoded(image);
        const cut = target.indexOf(PROCESS_MARK);
        const key = cut < 0 ? target : target.slice(0, cut);
        if (key === "") fault(image.text, image.at, { type: "empty" });
        let process: Pipeline | null = null;
        if (cut >= 0) {
          try {
            process = parse(target.slice(cut + PROCESS_MARK.length), true);
          } catch (e) {
            if (e instanceof Fail) fault(image.text, image.at, { type: "nested", error: e.error });
            throw e;
          }
        }
        return { op: "watermark", ...place, mark: { kind: "image", key, process } };
      }
      const text = ps.get("text");
      if (!text) fault(op.text, op.at, { type: "missingRequired", one_of: ["text", "image"] });
      return {
        op: "watermark",
        ...place,
        mark: {
          kind: "text",
          text: decoded(text!),
          font: opt(ps.get("type"), (v) => v.text),
          color: opt(ps.get("color"), color),
          size: opt(ps.get("size"), (v) => num(v, 1, 1000)),
          rotate: opt(ps.get("rotate"), (v) => num(v, 0, 360)),
        },
      };
    }
  }
  const info = steps.findIndex((s) => s.op === "info");
  if (steps.length > 1 && info >= 0) {
    step = info;
    fault("info", text.indexOf("info"), { type: "infoNotAlone" });
  }
  return { steps };
}

// ---- print ----
const hex = (c: { r: number; g: number; b: number }) => [c.r, c.g, c.b].map((v) => v.toString(16).padStart(2, "0")).join("").toUpperCase();

function printStep(s: Step): string {
  const named = (op: string, ps: [string, string | number | null][]) =>
    [op, ...ps.filter((p) => p[1] !== null).map(([n, v]) => `${n}_${v}`)].join(",");
  switch (s.op) {
    case "resize":
      return named("resize", [["w", s.w], ["h", s.h], ["p", s.percent], ["m", s.mode], ["color", s.color && hex(s.color)], ["limit", s.limit === null ? null : Number(s.limit)]]);
    case "crop":
      return named("crop", [["w", s.w], ["h", s.h], ["x", s.x], ["y", s.y], ["g", s.gravity]]);
    case "rotate":
      return `rotate,${s.degrees}`;
    case "format":
      return `format,${s.format}`;
    case "autoOrient":
      return `auto-orient,${Number(s.enabled)}`;
    case "quality":
      return `quality,${s.mode === "relative" ? "q" : "Q"}_${s.value}`;
    case "info":
      return "info";
    case "watermark": {
      const m = s.mark;
      const mark: [string, string | number | null][] =
        m.kind === "text"
          ? [["text", b64encode(m.text)], ["type", m.font], ["color", m.color && hex(m.color)], ["size", m.size], ["rotate", m.rotate]]
          : [["image", b64encode(m.process ? `${m.key}${PROCESS_MARK}${print(m.process)}` : m.key)]];
      return named("watermark", [...mark, ["g", s.gravity], ["x", s.x], ["y", s.y], ["t", s.opacity]]);
    }
  }
}

const print = (p: Pipeline) => ["image", ...p.steps.map(printStep)].join("/");

export function check(text: string): PipelineCheck {
  try {
    const pipeline = parse(text);
    return { pipeline, canonical: print(pipeline), problem: null };
  } catch (e) {
    if (e instanceof Fail) return { pipeline: null, canonical: null, problem: e.error };
    throw e;
  }
}

// ---- render ----
const ORIGINAL = { width: 1000, height: 500 };

/** The size and facts the pipeline would give the 1000×500 original (roughly: it is a fake). */
function simulate(steps: readonly Step[]): { width: number; height: number; format: string; notes: Note[] } {
  let { width: w, height: h } = ORIGINAL;
  let format = "jpg";
  const notes: Note[] = [];
  for (const s of steps) {
    if (s.op === "resize") {
      let sx = s.percent !== null ? s.percent / 100 : (s.w ?? Infinity) / w;
      let sy = s.percent !== null ? sx : (s.h ?? Infinity) / h;
      if (!Number.isFinite(sx)) sx = sy;
      if (!Number.isFinite(sy)) sy = sx;
      const exact = s.w !== null && s.h !== null && (s.mode === "fill" || s.mode === "pad" || s.mode === "fixed");
      const scale = s.mode === "mfit" ? Math.max(sx, sy) : Math.min(sx, sy);
      if (s.limit !== false && (exact ? sx > 1 || sy > 1 : scale > 1)) notes.push({ type: "notEnlarged" });
      else if (exact) [w, h] = [s.w!, s.h!];
      else [w, h] = [Math.max(1, Math.round(w * scale)), Math.max(1, Math.round(h * scale))];
    } else if (s.op === "crop") {
      [w, h] = [Math.max(1, Math.min(s.w ?? w, w - (s.x ?? 0))), Math.max(1, Math.min(s.h ?? h, h - (s.y ?? 0)))];
    } else if (s.op === "rotate") {
      const r = (s.degrees * Math.PI) / 180;
      [w, h] = [Math.round(Math.abs(w * Math.cos(r)) + Math.abs(h * Math.sin(r))), Math.round(Math.abs(w * Math.sin(r)) + Math.abs(h * Math.cos(r)))];
    } else if (s.op === "format") format = s.format;
    else if (s.op === "watermark" && s.mark.kind === "text") {
      const font = s.mark.font ?? "wqy-zenhei";
      notes.push(font === "wqy-zenhei" ? { type: "fontUsed", used: "WenQuanYi Zen Hei" } : { type: "fontSubstituted", requested: font, used: "WenQuanYi Zen Hei" });
    }
  }
  return { width: w, height: h, format, notes };
}

function svg(width: number, height: number, lines: string[], hue: number): string {
  const esc = (s: string) => s.replace(/[<>&"]/g, (c) => `&#${c.charCodeAt(0)};`);
  const size = Math.max(10, Math.min(width, height) / 12);
  const text = lines
    .map((l, i) => `<text x="50%" y="${50 + (i - (lines.length - 1) / 2) * 14}%" font-size="${size}" text-anchor="middle" fill="#fff" font-family="sans-serif">${esc(l)}</text>`)
    .join("");
  const body = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}"><defs><linearGradient id="g" x2="1" y2="1"><stop offset="0" stop-color="hsl(${hue} 60% 55%)"/><stop offset="1" stop-color="hsl(${hue + 60} 60% 35%)"/></linearGradient></defs><rect width="100%" height="100%" fill="url(#g)"/>${text}</svg>`;
  return `data:image/svg+xml,${encodeURIComponent(body)}`;
}

const facts = (f: Partial<RenderedFacts> & Pick<RenderedFacts, "format" | "width" | "height" | "size">): RenderedFacts => ({
  contentType: f.format === "json" ? "application/json" : `image/${f.format === "jpg" ? "jpeg" : f.format}`,
  engine: "local",
  fallback: null,
  notes: [],
  ...f,
});

/** Whether a "server" render has already shown that the fake server ignores pipelines. */
let serverIgnores = false;

export function fakeImages(objects?: FakeObjects): Commands {
  const exists = (bucket: string, key: string) => objects?.objectsOf(bucket).some((o) => o.key === key) ?? false;
  return {
    async checkImagePipeline(text) {
      return check(text);
    },
    async printImagePipeline(pipeline) {
      return print(pipeline);
    },
    async imageOriginal(_profileId, image) {
      await delay(200);
      const { width, height } = ORIGINAL;
      const view = { facts: facts({ format: "jpg", width, height, size: 245_760, engine: "server" }), path: svg(width, height, [image.key], 210), text: null };
      return ok(view);
    },
    async renderImage(_profileId, image, pipelineText, engine) {
      await delay(350);
      const checked = check(pipelineText);
      if (!checked.pipeline || checked.canonical === null) return fail("InvalidInput", `invalid pipeline: ${checked.problem?.token ?? ""}`);
      const fallback = engine === "local" ? null : serverIgnores ? ({ kind: "knownUnsupported" } as const) : ({ kind: "serverIgnored" } as const);
      if (engine === "server") serverIgnores = true;
      const sim = simulate(checked.pipeline.steps);
      if (checked.pipeline.steps[0]?.op === "info") {
        const text = JSON.stringify({ FileSize: { value: "245760" }, Format: { value: "jpg" }, ImageHeight: { value: "500" }, ImageWidth: { value: "1000" }, Orientation: { value: "1" } });
        return ok({ facts: facts({ format: "json", width: null, height: null, size: text.length, fallback }), path: "", text });
      }
      const size = Math.round(sim.width * sim.height * (sim.format === "png" || sim.format === "bmp" || sim.format === "tiff" ? 1.5 : 0.3));
      const path = svg(sim.width, sim.height, [image.key.split("/").pop() ?? "", checked.canonical, `${sim.width} × ${sim.height}`], 150);
      return ok({ facts: facts({ format: sim.format, width: sim.width, height: sim.height, size, fallback, notes: sim.notes }), path, text: null });
    },
    async imageUrl(_profileId, image: ImageRef, pipeline, expiresInSecs) {
      await delay(120);
      if (expiresInSecs < 60 || expiresInSecs > 604_800) return fail("InvalidInput", "a link is valid from 60 seconds to 7 days");
      const query = [`X-Amz-Expires=${expiresInSecs}`, "X-Amz-Signature=fake0123456789abcdef"];
      if (image.versionId) query.unshift(`versionId=${encodeURIComponent(image.versionId)}`);
      if (pipeline) query.unshift(`x-zos-process=${encodeURIComponent(pipeline)}`);
      return ok(`https://zos.example.com/${image.bucket}/${image.key.split("/").map(encodeURIComponent).join("/")}?${query.join("&")}`);
    },
    async saveImage(_profileId, request) {
      await delay(400);
      const checked = check(request.pipeline);
      if (!checked.pipeline) return fail("InvalidInput", "invalid pipeline");
      if (checked.pipeline.steps.some((s) => s.op === "info")) return fail("InvalidInput", "image/info answers facts, not an image: there is nothing to save");
      if (!request.overwrite && exists(request.bucket, request.key)) {
        return fail("ObjectExists", `${request.bucket}/${request.key} exists; it is replaced only when you say so`);
      }
      if (request.engine === "server") {
        serverIgnores = true;
        return fail("UnsupportedByServer", "the server answered process_object with 501: it does not process images", 501);
      }
      const sim = simulate(checked.pipeline.steps);
      const size = Math.round(sim.width * sim.height * 0.3);
      if (objects) {
        const entry: ObjectEntry = { key: request.key, size, lastModified: Date.now(), storageClass: "STANDARD", etag: `"${Date.now().toString(16).padStart(32, "0")}"` };
        const list = objects.objectsOf(request.bucket).filter((o) => o.key !== request.key);
        objects.setObjects(request.bucket, [...list, entry].sort((a, b) => (a.key < b.key ? -1 : 1)));
      }
      return ok({ engine: "local", facts: facts({ format: sim.format, width: sim.width, height: sim.height, size, notes: sim.notes }) });
    },
  };
}

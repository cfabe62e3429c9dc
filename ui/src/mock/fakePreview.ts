// DEV ONLY: the fake backend's object previews (fakeBackend.ts spreads this command). The kind
// comes from the key's extension; contents are made up (Chinese text, a JSON, a CSV, a one-page
// PDF, hex of bytes derived from the key, a made-up media URL). Detection and decoding are
// Rust's (crates/core/src/objects/preview*): here a key with "gbk" in it reads as GBK, and any
// other encoding chosen gives mojibake. Never part of the normal app.
import type { AppError, BackendCommands, ObjectEntry, PreviewContent, Result } from "../backend";

type Commands = Pick<BackendCommands, "previewObject">;

const ok = <T>(data: T): Result<T, AppError> => ({ status: "ok", data });
const delay = (ms: number) => new Promise((r) => setTimeout(r, ms));
const b64 = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes));

const TEXT = "# 项目说明 README\n\n这是一个示例文本文件，用于预览。\nSecond line in English.\n\t缩进的一行\n";
const JSON_TEXT = '{"相册":"夏天","count":3,"photos":[{"key":"2024/summer/beach-1.heic","tags":["海","sun"]},{"key":"IMG_00001.jpg"}]}';

/** A one-page PDF saying "Hello", offsets computed. */
function tinyPdf(): Uint8Array {
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 100] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
    "<< /Length 39 >>\nstream\nBT /F1 24 Tf 20 40 Td (Hello) Tj ET\n\nendstream",
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
  ];
  let pdf = "%PDF-1.4\n";
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(pdf.length);
    pdf += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = pdf.length;
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const o of offsets) pdf += `${String(o).padStart(10, "0")} 00000 n \n`;
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new TextEncoder().encode(pdf);
}

function ext(key: string): string {
  const name = key.slice(key.lastIndexOf("/") + 1);
  const dot = name.lastIndexOf(".");
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : "";
}

const IMAGES = ["jpg", "jpeg", "png", "gif", "webp", "heic", "bmp", "tiff", "avif"];
const AUDIO: Record<string, string> = { mp3: "audio/mpeg", wav: "audio/wav", m4a: "audio/mp4", ogg: "audio/ogg", flac: "audio/flac" };
const VIDEO: Record<string, string> = { mp4: "video/mp4", webm: "video/webm", mov: "video/quicktime", mkv: "video/x-matroska" };

export function fakePreview(deps: { bucketExists: (profileId: string, bucket: string) => boolean; objectsOf: (bucket: string) => ObjectEntry[] }): Commands {
  return {
    async previewObject(profileId, bucket, key, versionId, options) {
      await delay(120);
      if (!deps.bucketExists(profileId, bucket)) {
        return { status: "error", error: { code: "NoSuchBucket", serverCode: null, status: 404, requestId: "tx-fake", detail: bucket } };
      }
      const size = deps.objectsOf(bucket).find((o) => o.key === key)?.size ?? 1234;
      const e = ext(key);
      const detected = key.toLowerCase().includes("gbk") ? "GBK" : "UTF-8";
      const encoding = options.encoding ?? detected;
      const chosen = encoding.toLowerCase() === detected.toLowerCase() ? detected : encoding;
      const decoded = (text: string) => ({
        text: chosen === detected ? text : text.replace(/[\u4e00-\u9fff]/g, "锟斤拷").slice(0, text.length),
        encoding: chosen,
        detectedEncoding: detected,
        bom: false,
        lossy: chosen !== detected,
      });
      const kind =
        options.view ??
        (e === "json"
          ? "json"
          : e === "csv" || e === "tsv"
            ? "csv"
            : ["txt", "md", "log", "sql", "xml", "yaml", "yml", "svg", "html"].includes(e)
              ? "text"
              : e === "pdf"
                ? "pdf"
                : IMAGES.includes(e)
                  ? "image"
                  : AUDIO[e] || VIDEO[e]
                    ? "media"
                    : "hex");
      let content: PreviewContent;
      let truncated = false;
      switch (kind) {
        case "text":
          content = { kind: "text", value: decoded(TEXT) };
          truncated = size > 256 * 1024;
          break;
        case "json": {
          const pretty = JSON.stringify(JSON.parse(JSON_TEXT), null, 2);
          content = { kind: "json", value: { decoded: decoded(JSON_TEXT), pretty, problem: null } };
          break;
        }
        case "csv":
          content = {
            kind: "csv",
            value: {
              decoded: decoded("姓名,城市\n张三,北京\n"),
              table: {
                delimiter: e === "tsv" ? "\t" : ",",
                rows: [
                  ["姓名", "城市", "备注"],
                  ["张, 三", "北京", "第一行\n第二行"],
                  ["李四", "上海", '说 "你好"'],
                ],
                columns: 3,
                moreRows: false,
                moreColumns: false,
                error: null,
              },
            },
          };
          break;
        case "hex": {
          const bytes = Uint8Array.from({ length: Math.min(size, 4096) }, (_, i) => (key.charCodeAt(i % key.length) * 31 + i) % 256);
          content = { kind: "hex", value: { dataBase64: b64(bytes) } };
          truncated = size > 4096;
          break;
        }
        case "pdf":
          content = { kind: "pdf", value: { dataBase64: size > 32 * 1024 * 1024 ? null : b64(tinyPdf()), limitBytes: 32 * 1024 * 1024 } };
          break;
        case "image":
          content = { kind: "image", value: { mime: `image/${e === "jpg" ? "jpeg" : e}` } };
          break;
        default: {
          const mime = AUDIO[e] ?? VIDEO[e] ?? "video/mp4";
          const url = `https://zos.example.com/${bucket}/${key.split("/").map(encodeURIComponent).join("/")}?X-Amz-Expires=3600&X-Amz-Signature=fake`;
          content = { kind: "media", value: { url, mime, video: !AUDIO[e], expiresInSecs: 3600 } };
        }
      }
      return ok({ key, versionId, contentType: null, size, fetchedBytes: Math.min(size, 256 * 1024), truncated, content });
    },
  };
}

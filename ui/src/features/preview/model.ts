// Pure helpers of the preview dialog: base64, hex rows, lines, the encodings offered.

/** The bytes of a base64 string (the core sends binary data so). */
export function fromBase64(data: string): Uint8Array {
  const bin = atob(data);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

export interface HexRow {
  offset: string;
  hex: string;
  ascii: string;
}

/** 16 bytes a row: offset (8 hex digits), the bytes in two groups of 8, printable ASCII else ".". */
export function hexRows(bytes: Uint8Array, width = 16): HexRow[] {
  const rows: HexRow[] = [];
  for (let at = 0; at < bytes.length; at += width) {
    const chunk = bytes.subarray(at, at + width);
    const cells: string[] = [];
    let ascii = "";
    for (let i = 0; i < width; i++) {
      if (i === width / 2) cells.push("");
      if (i < chunk.length) {
        const b = chunk[i];
        cells.push(b.toString(16).padStart(2, "0"));
        ascii += b >= 0x20 && b < 0x7f ? String.fromCharCode(b) : ".";
      } else {
        cells.push("  ");
      }
    }
    rows.push({ offset: at.toString(16).padStart(8, "0"), hex: cells.join(" "), ascii });
  }
  return rows;
}

/** Lines of a text (`\n`, `\r\n` or `\r`); a final line break starts no extra line. */
export function splitLines(text: string): string[] {
  if (text === "") return [];
  const lines = text.split(/\r\n|\n|\r/);
  if (lines.length > 1 && lines[lines.length - 1] === "") lines.pop();
  return lines;
}

/**
 * The encodings offered to re-decode a text with: the value is the WHATWG label the core takes,
 * and the name the one it answers (encoding_rs's), so the current one can be selected.
 */
export const ENCODINGS: { name: string; label: string }[] = [
  { name: "UTF-8", label: "UTF-8" },
  { name: "GBK", label: "GBK" },
  { name: "gb18030", label: "GB18030" },
  { name: "Big5", label: "Big5" },
  { name: "Shift_JIS", label: "Shift_JIS" },
  { name: "EUC-JP", label: "EUC-JP" },
  { name: "EUC-KR", label: "EUC-KR" },
  { name: "UTF-16LE", label: "UTF-16LE" },
  { name: "UTF-16BE", label: "UTF-16BE" },
  { name: "windows-1252", label: "Windows-1252" },
  { name: "windows-1251", label: "Windows-1251" },
  { name: "ISO-8859-2", label: "ISO-8859-2" },
  { name: "KOI8-R", label: "KOI8-R" },
];

/** The shown name of an encoding (the core's name), e.g. "gb18030" → "GB18030". */
export function encodingLabel(name: string): string {
  return ENCODINGS.find((e) => e.name === name)?.label ?? name;
}

/** The last segment of a key. */
export function baseName(key: string): string {
  const trimmed = key.endsWith("/") ? key.slice(0, -1) : key;
  return trimmed.slice(trimmed.lastIndexOf("/") + 1) || key;
}

/** East Asian wide and full-width characters: two columns in a monospace font. */
const WIDE = /[\u1100-\u115f\u2e80-\u303e\u3041-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]|[\ud840-\ud8bf][\udc00-\udfff]/u;

/**
 * What goes before a caret under `column` (1-based, in characters) of `line`: a space for each
 * narrow character, an ideographic space for each wide one, tabs kept, so the caret lines up.
 */
export function caretPad(line: string, column: number): string {
  return [...line]
    .slice(0, Math.max(0, column - 1))
    .map((c) => (c === "\t" ? "\t" : WIDE.test(c) ? "\u3000" : " "))
    .join("");
}

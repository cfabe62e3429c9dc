// How a key (or one segment of it) is shown: every character kept, nothing applied.
//
// S3 keys may hold anything: runs of spaces, control characters, bidi overrides (U+202E turns
// "txt.exe" around on screen). The UI shows spaces as they are (white-space: pre where shown)
// and replaces the invisible or direction-changing characters with a visible escape such as
// "\u202E", so that a name never looks like another one.

/** One piece of a shown name: plain text, or the escape of one invisible character. */
export type NamePart = { kind: "text"; text: string } | { kind: "escape"; text: string };

/**
 * C0 and C1 controls, DEL, the Arabic letter mark, LRM/RLM, the bidi embeddings and overrides
 * (U+202A–U+202E) and the bidi isolates (U+2066–U+2069).
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;
const INVISIBLE_ALL = new RegExp(INVISIBLE.source, "g");

/** "\u202E" for U+202E: four upper-case hex digits. */
export function escapeOf(ch: string): string {
  return `\\u${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}`;
}

/** The name in parts: plain runs (spaces kept) and one escape per invisible character. */
export function nameParts(name: string): NamePart[] {
  const parts: NamePart[] = [];
  let start = 0;
  for (const m of name.matchAll(INVISIBLE_ALL)) {
    const at = m.index;
    if (at > start) parts.push({ kind: "text", text: name.slice(start, at) });
    parts.push({ kind: "escape", text: escapeOf(m[0]) });
    start = at + 1;
  }
  if (start < name.length) parts.push({ kind: "text", text: name.slice(start) });
  return parts;
}

/** The name as one plain string, invisible characters escaped (for titles, menus, matching). */
export function displayName(name: string): string {
  return name.replace(INVISIBLE_ALL, escapeOf);
}

/** True when the name holds a character that is shown as an escape. */
export function hasInvisible(name: string): boolean {
  return INVISIBLE.test(name);
}

/** Rough width of a character in "narrow character" units (wide CJK and emoji count twice). */
function unitsOf(ch: string): number {
  const cp = ch.codePointAt(0) ?? 0;
  return cp >= 0x1100 && (cp <= 0x115f || (cp >= 0x2e80 && cp <= 0xa4cf) || (cp >= 0xac00 && cp <= 0xd7a3) || (cp >= 0xf900 && cp <= 0xfaff) || (cp >= 0xfe30 && cp <= 0xfe4f) || (cp >= 0xff00 && cp <= 0xff60) || (cp >= 0xffe0 && cp <= 0xffe6) || cp >= 0x1f300)
    ? 2
    : 1;
}

/** Width in narrow-character units of a name as shown (an escape counts its six characters). */
export function displayUnits(name: string): number {
  let n = 0;
  for (const t of tokens(name)) n += t.units;
  return n;
}

interface Token {
  part: NamePart;
  units: number;
}

/** One token per code point (surrogate pairs kept whole) or escape. */
function tokens(name: string): Token[] {
  const out: Token[] = [];
  for (const ch of name) {
    if (INVISIBLE.test(ch)) out.push({ part: { kind: "escape", text: escapeOf(ch) }, units: 6 });
    else out.push({ part: { kind: "text", text: ch }, units: unitsOf(ch) });
  }
  return out;
}

/** Adjacent text tokens joined into runs. */
function join(ts: readonly Token[]): NamePart[] {
  const parts: NamePart[] = [];
  for (const { part } of ts) {
    const last = parts[parts.length - 1];
    if (part.kind === "text" && last?.kind === "text") last.text += part.text;
    else parts.push({ ...part });
  }
  return parts;
}

/** ".tar.gz", ".txt", "" — at most two short extensions, never the whole name. */
function extensionLength(name: string): number {
  const m = /(?:\.[^./\s]{1,8}){1,2}$/.exec(name);
  return m && m.index > 0 ? m[0].length : 0;
}

/**
 * A name that fits `maxUnits` narrow characters, cut in the middle so that its start and its
 * extension stay: "very-long-name-of-a-file.tar.gz" → head "very-long-na", tail "me.tar.gz".
 * Returns the head and tail parts, or `null` when the whole name fits.
 */
export function middleEllipsis(name: string, maxUnits: number): { head: NamePart[]; tail: NamePart[] } | null {
  const ts = tokens(name);
  const total = ts.reduce((n, t) => n + t.units, 0);
  if (total <= maxUnits) return null;
  const budget = Math.max(2, maxUnits - 1); // one unit for "…"
  // The tail keeps the extension and a little more, but never more than 45% of the room.
  const extUnits = extensionLength(name) + 2;
  const tailBudget = Math.max(1, Math.min(extUnits, Math.floor(budget * 0.45)) || 1);
  let tailUnits = 0;
  let tailStart = ts.length;
  while (tailStart > 0 && tailUnits + ts[tailStart - 1].units <= tailBudget) {
    tailStart--;
    tailUnits += ts[tailStart].units;
  }
  let headUnits = 0;
  let headEnd = 0;
  while (headEnd < tailStart && headUnits + ts[headEnd].units <= budget - tailUnits) {
    headUnits += ts[headEnd].units;
    headEnd++;
  }
  return { head: join(ts.slice(0, headEnd)), tail: join(ts.slice(tailStart)) };
}

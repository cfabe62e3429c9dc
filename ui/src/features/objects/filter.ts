import type { Row } from "./rows";

/** Tests one lowercased name (see lowerNames) against the typed filter. */
export type NameMatcher = (lowerName: string) => boolean;

/** True when the text is a glob: it holds `*` (any run) or `?` (one character). */
export function isGlob(text: string): boolean {
  return text.includes("*") || text.includes("?");
}

/**
 * The matcher of a typed filter, or null for an empty one (every row shown).
 *
 * Case-insensitive. Plain text matches anywhere in the name (a substring); text with `*` or `?`
 * is a glob over the whole name: `*` any run (empty included), `?` one character (one code
 * point: an emoji is one), everything else literal, regex metacharacters and `[` included.
 * Nothing is trimmed: spaces are part of names.
 */
export function compileNameFilter(text: string): NameMatcher | null {
  if (text === "") return null;
  const lower = text.toLowerCase();
  if (!isGlob(lower)) return (name) => name.includes(lower);
  if (!lower.includes("?")) return starGlob(lower);
  let source = "^";
  let star = false;
  for (const ch of lower) {
    // A run of `*` is one: "a**b" costs no more than "a*b".
    if (ch === "*") source += star ? "" : "[^]*";
    else if (ch === "?") source += "[^]";
    else source += ch.replace(/[\\^$.*+?()[\]{}|/]/g, "\\$&");
    star = ch === "*";
  }
  const re = new RegExp(source + "$", "u");
  return (name) => re.test(name);
}

/**
 * A glob of literal parts between `*`s, without a regex: the name starts with the first part,
 * ends with the last, and holds the others in order in between (leftmost is right for `*`).
 */
function starGlob(lower: string): NameMatcher {
  const parts = lower.split("*");
  const head = parts[0];
  const tail = parts[parts.length - 1];
  const middle = parts.slice(1, -1).filter((p) => p !== "");
  const fixed = head.length + tail.length;
  return (name) => {
    if (name.length < fixed || !name.startsWith(head) || !name.endsWith(tail)) return false;
    let at = head.length;
    const end = name.length - tail.length;
    for (let i = 0; i < middle.length; i++) {
      const found = name.indexOf(middle[i], at);
      if (found < 0 || found + middle[i].length > end) return false;
      at = found + middle[i].length;
    }
    return true;
  };
}

const lowered = new WeakMap<readonly Row[], string[]>();

/**
 * The names of the rows, lowercased (the filter compares against these), made once per rows
 * array: every keystroke on the same rows reuses them.
 */
export function lowerNames(rows: readonly Row[]): string[] {
  let out = lowered.get(rows);
  if (!out) {
    out = new Array<string>(rows.length);
    for (let i = 0; i < rows.length; i++) out[i] = rows[i].name.toLowerCase();
    lowered.set(rows, out);
  }
  return out;
}

/**
 * The rows whose name matches, in order; `lowered[i]` is `rows[i]`'s lowercased name. No
 * allocation per row: one pass, one result array (the same array when nothing filters).
 */
export function filterRows(rows: readonly Row[], lowered: readonly string[], match: NameMatcher | null): readonly Row[] {
  if (match === null) return rows;
  const out: Row[] = [];
  for (let i = 0; i < rows.length; i++) if (match(lowered[i])) out.push(rows[i]);
  return out;
}

/** The keys of `keys` whose row (named by its last segment, as the table shows it) matches. */
export function keysMatching(keys: Iterable<string>, match: NameMatcher, nameOf: (key: string) => string): string[] {
  const out: string[] = [];
  for (const key of keys) if (match(nameOf(key).toLowerCase())) out.push(key);
  return out;
}

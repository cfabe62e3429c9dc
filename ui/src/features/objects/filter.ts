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

/** The names of the rows, lowercased (the filter compares against these). */
export function lowerNames(rows: readonly Row[]): string[] {
  const out = new Array<string>(rows.length);
  for (let i = 0; i < rows.length; i++) out[i] = rows[i].name.toLowerCase();
  return out;
}

/** One filter's result: the rows, and their indices in the whole rows array (null: all of them). */
interface Filtered {
  rows: readonly Row[];
  at: readonly number[] | null;
}

/**
 * The quick filter over one rows array, as the user types: each text's result is kept, so
 * Backspace is a lookup; a plain text is looked for only among the rows of the smallest kept
 * result of a text it contains ("repo" among the rows "rep" left), and a result with every row
 * of its base is that base itself, no new array. Typing over 100,000 loaded rows then mostly
 * allocates nothing (every allocation is garbage the next keystroke leaves to the collector).
 * Kept results hold at most `budget` row references in all; the oldest go first.
 */
export class RowFilter {
  private lowered: string[] | null = null;
  private readonly kept = new Map<string, Filtered>();
  private held = 0;
  private readonly all: Filtered;

  constructor(
    readonly rows: readonly Row[],
    private readonly budget = 2 * rows.length,
  ) {
    this.all = { rows, at: null };
  }

  /** Lowercases the names now (the filter box took the focus), not on the first keystroke. */
  prepare() {
    this.lowered ??= lowerNames(this.rows);
  }

  /** The rows the filter text shows, in order (`rows` itself for an empty text). */
  rowsFor(text: string): readonly Row[] {
    const lower = text.toLowerCase();
    if (lower === "") return this.rows;
    const hit = this.kept.get(lower);
    if (hit) {
      // Most recent last: the eviction order.
      this.kept.delete(lower);
      this.kept.set(lower, hit);
      return hit.rows;
    }
    const match = compileNameFilter(lower);
    if (match === null) return this.rows;
    const result = this.narrow(this.baseFor(lower), match);
    this.keep(lower, result);
    return result.rows;
  }

  /** The smallest kept result that holds every match of `lower` (a plain text it contains). */
  private baseFor(lower: string): Filtered {
    let base = this.all;
    if (isGlob(lower)) return base;
    for (const [text, result] of this.kept) {
      if (!isGlob(text) && result.rows.length < base.rows.length && lower.includes(text)) base = result;
    }
    return base;
  }

  private narrow(base: Filtered, match: NameMatcher): Filtered {
    // Made at the first filtering (or focus), not per rows array: 100 pages loaded unfiltered lowercase nothing.
    const lowered = (this.lowered ??= lowerNames(this.rows));
    const n = base.rows.length;
    const index = (k: number) => (base.at === null ? k : base.at[k]);
    // Until the first row that does not match, the result is the base's prefix: nothing to copy yet.
    let k = 0;
    while (k < n && match(lowered[index(k)])) k++;
    if (k === n) return base;
    const at: number[] = [];
    for (let j = 0; j < k; j++) at.push(index(j));
    for (k++; k < n; k++) {
      const i = index(k);
      if (match(lowered[i])) at.push(i);
    }
    const rows = new Array<Row>(at.length);
    for (let j = 0; j < at.length; j++) rows[j] = this.rows[at[j]];
    return { rows, at };
  }

  private keep(lower: string, result: Filtered) {
    const size = (r: Filtered) => (r.at === null || r === this.all ? 0 : r.rows.length);
    // A result shared with its base costs nothing more; a new one is counted.
    const shared = [...this.kept.values()].includes(result);
    const cost = shared ? 0 : size(result);
    this.kept.set(lower, result);
    this.held += cost;
    for (const [text, old] of this.kept) {
      if (this.held <= this.budget || text === lower) break;
      this.kept.delete(text);
      if (![...this.kept.values()].includes(old)) this.held -= size(old);
    }
  }
}

/** The keys of `keys` whose row (named by its last segment, as the table shows it) matches. */
export function keysMatching(keys: Iterable<string>, match: NameMatcher, nameOf: (key: string) => string): string[] {
  const out: string[] = [];
  for (const key of keys) if (match(nameOf(key).toLowerCase())) out.push(key);
  return out;
}

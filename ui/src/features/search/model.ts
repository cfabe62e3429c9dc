// The search page's model: the query builder's editable tree (from and to the typed AST that
// Rust parses and prints), typed values (sizes with units, local date-times), byte offsets of a
// problem in the text, and where a hit lives in the object tree.
import type { SearchCondition, SearchExpr, SearchField, SearchOp, SearchQuery, SearchValue } from "../../backend";

/** The fields a builder row can pick: the built-in ones, or `meta` (x-amz-meta-NAME). */
export type FieldKey = Exclude<SearchField, { meta: string }> | "meta";

export const FIELD_KEYS: readonly FieldKey[] = [
  "name",
  "size",
  "mtime",
  "contentType",
  "storageClass",
  "instance",
  "versionedEpoch",
  "bucket",
  "meta",
];

/** As written in query text (and in RGW's `qorderkey`). */
export const WIRE_NAMES: Record<Exclude<FieldKey, "meta">, string> = {
  bucket: "bucket",
  name: "name",
  instance: "instance",
  size: "size",
  mtime: "mtime",
  storageClass: "storage_class",
  contentType: "content_type",
  versionedEpoch: "versioned_epoch",
};

export const META_PREFIX = "x-amz-meta-";

export const OPS: readonly SearchOp[] = ["eq", "lt", "le", "ge", "gt"];
export const OP_SYMBOLS: Record<SearchOp, string> = { lt: "<", le: "<=", eq: "==", ge: ">=", gt: ">" };

export type ValueKind = "text" | "integer" | "time";

export function kindOf(field: FieldKey): ValueKind {
  if (field === "size" || field === "versionedEpoch") return "integer";
  if (field === "mtime") return "time";
  return "text";
}

export function fieldKeyOf(field: SearchField): { key: FieldKey; meta: string } {
  return typeof field === "string" ? { key: field, meta: "" } : { key: "meta", meta: field.meta };
}

export function toField(key: FieldKey, meta: string): SearchField {
  return key === "meta" ? { meta: meta.trim().toLowerCase() } : key;
}

/** A custom metadata name RGW reads as one: printable ASCII without its separators (rgw_es_query.cc is_key_char). */
export function isMetaName(name: string): boolean {
  const n = name.trim();
  return /^[!-~]+$/.test(n) && !/[()<>!@,;:\\"/[\]?={}]/.test(n);
}

/** How a field is written in a query: `size`, `x-amz-meta-color`. */
export function wireName(field: SearchField): string {
  return typeof field === "string" ? WIRE_NAMES[field] : `${META_PREFIX}${field.meta}`;
}

// ---- sizes ----

export const SIZE_UNITS = [
  { unit: "B", factor: 1n },
  { unit: "KiB", factor: 1024n },
  { unit: "MiB", factor: 1024n ** 2n },
  { unit: "GiB", factor: 1024n ** 3n },
  { unit: "TiB", factor: 1024n ** 4n },
] as const;
export type SizeUnit = (typeof SIZE_UNITS)[number]["unit"];

const I64_MAX = 9223372036854775807n;

/**
 * A size typed as a number (decimals allowed) and a unit, in whole bytes as the query writes it
 * ("1.5", "MiB" → "1572864"); null when it is not a number, not whole bytes, or too large.
 */
export function sizeToBytes(amount: string, unit: SizeUnit): string | null {
  const m = /^\s*(\d+)(?:[.,](\d+))?\s*$/.exec(amount);
  if (!m) return null;
  const factor = SIZE_UNITS.find((u) => u.unit === unit)!.factor;
  const whole = BigInt(m[1]) * factor;
  const fracDigits = m[2] ?? "";
  const scale = 10n ** BigInt(fracDigits.length);
  const fracScaled = fracDigits ? BigInt(fracDigits) * factor : 0n;
  if (fracScaled % scale !== 0n) return null;
  const bytes = whole + fracScaled / scale;
  return bytes > I64_MAX ? null : bytes.toString();
}

/** Bytes in the largest unit that divides them exactly ("1572864" → 1536 KiB, "3145728" → 3 MiB). */
export function bytesToSize(bytes: string): { amount: string; unit: SizeUnit } {
  if (!/^\d+$/.test(bytes)) return { amount: bytes, unit: "B" };
  const n = BigInt(bytes);
  for (let i = SIZE_UNITS.length - 1; i > 0; i--) {
    const { unit, factor } = SIZE_UNITS[i];
    if (n !== 0n && n % factor === 0n) return { amount: (n / factor).toString(), unit };
  }
  return { amount: n.toString(), unit: "B" };
}

// ---- date-times: the query holds UTC, the input local time ----

const pad = (n: number, w = 2) => String(n).padStart(w, "0");

/** `2026-12-01T10:00:00Z` → the value of an `<input type="datetime-local">` in local time. */
export function utcToLocalInput(time: string): string {
  const d = new Date(time);
  if (Number.isNaN(d.getTime())) return "";
  const ms = d.getMilliseconds();
  const s = d.getSeconds();
  // The shortest form, as the input itself writes its value (no ":00" seconds).
  const base = `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
  if (ms) return `${base}:${pad(s)}.${pad(ms, 3)}`;
  return s ? `${base}:${pad(s)}` : base;
}

/** A local `datetime-local` value → UTC `YYYY-MM-DDTHH:MM:SSZ` (with `.mmm` when it has milliseconds). */
export function localInputToUtc(local: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?$/.test(local)) return null;
  const d = new Date(local);
  if (Number.isNaN(d.getTime())) return null;
  const iso = d.toISOString(); // always …SS.mmmZ
  return d.getUTCMilliseconds() ? iso : iso.replace(/\.\d{3}Z$/, "Z");
}

// ---- the builder's editable tree ----

let nextId = 1;
const newId = () => `n${nextId++}`;

/** One row: what the user typed, possibly incomplete. */
export interface CondNode {
  kind: "cond";
  id: string;
  field: FieldKey;
  /** The custom metadata name (without x-amz-meta-) when `field` is "meta". */
  meta: string;
  op: SearchOp;
  /** Text and integer fields: the value as typed; size: the amount in `unit`; mtime: a local datetime-local value. */
  value: string;
  unit: SizeUnit;
}

export interface GroupNode {
  kind: "group";
  id: string;
  join: "and" | "or";
  items: BuilderNode[];
}

export type BuilderNode = CondNode | GroupNode;

export function newCondition(field: FieldKey = "name"): CondNode {
  return { kind: "cond", id: newId(), field, meta: "", op: "eq", value: "", unit: field === "size" ? "MiB" : "B" };
}

export function newGroup(join: "and" | "or" = "and", items: BuilderNode[] = [newCondition()]): GroupNode {
  return { kind: "group", id: newId(), join, items };
}

/** The builder's root is always a group (one condition is a group of one). */
export function emptyTree(): GroupNode {
  return newGroup("and");
}

function condFromAst(c: SearchCondition): CondNode {
  const { key, meta } = fieldKeyOf(c.field);
  const node: CondNode = { ...newCondition(key), meta, op: c.op };
  const raw = "text" in c.value ? c.value.text : "integer" in c.value ? c.value.integer : c.value.time;
  if (key === "size") {
    const s = bytesToSize(raw);
    node.value = s.amount;
    node.unit = s.unit;
  } else if (key === "mtime") {
    node.value = utcToLocalInput(raw);
  } else {
    node.value = raw;
  }
  return node;
}

function nodeFromExpr(e: SearchExpr): BuilderNode {
  if ("cond" in e) return condFromAst(e.cond);
  if ("and" in e) return { kind: "group", id: newId(), join: "and", items: e.and.map(nodeFromExpr) };
  return { kind: "group", id: newId(), join: "or", items: e.or.map(nodeFromExpr) };
}

/** A parsed query as the builder shows it: a root group (a lone condition in a group of one). */
export function treeFromQuery(q: SearchQuery): GroupNode {
  const node = nodeFromExpr(q.root);
  return node.kind === "group" ? node : { kind: "group", id: newId(), join: "and", items: [node] };
}

/** Why a row cannot be written yet. */
export type RowProblem = "noValue" | "noMetaName" | "badMetaName" | "badSize" | "badInteger" | "badDate" | "badText";

/** The typed value of a row, or why there is none. */
export function conditionOf(node: CondNode): { cond: SearchCondition } | { problem: RowProblem } {
  if (node.field === "meta") {
    if (!node.meta.trim()) return { problem: "noMetaName" };
    if (!isMetaName(node.meta)) return { problem: "badMetaName" };
  }
  const raw = node.value.trim();
  if (!raw) return { problem: "noValue" };
  let value: SearchValue;
  switch (kindOf(node.field)) {
    case "integer": {
      if (node.field === "size") {
        const bytes = sizeToBytes(raw, node.unit);
        if (bytes === null) return { problem: "badSize" };
        value = { integer: bytes };
      } else {
        if (!/^\d+$/.test(raw) || BigInt(raw) > I64_MAX) return { problem: "badInteger" };
        value = { integer: BigInt(raw).toString() };
      }
      break;
    }
    case "time": {
      const utc = localInputToUtc(raw);
      if (!utc) return { problem: "badDate" };
      value = { time: utc };
      break;
    }
    default:
      // A value runs to whitespace or ')' and may not start with a quote.
      if (/[\s)]/.test(node.value) || /^["']/.test(node.value)) return { problem: "badText" };
      value = { text: node.value };
  }
  return { cond: { field: toField(node.field, node.meta), op: node.op, value } };
}

/** Every row's problem, by row id (empty when the tree can be written as a query). */
export function problemsOf(node: BuilderNode, out = new Map<string, RowProblem>()): Map<string, RowProblem> {
  if (node.kind === "cond") {
    const r = conditionOf(node);
    if ("problem" in r) out.set(node.id, r.problem);
  } else {
    node.items.forEach((n) => problemsOf(n, out));
  }
  return out;
}

/** The tree as a typed query, or null while a row is incomplete or a group empty. */
export function queryOfTree(root: GroupNode): SearchQuery | null {
  const expr = (n: BuilderNode): SearchExpr | null => {
    if (n.kind === "cond") {
      const r = conditionOf(n);
      return "cond" in r ? { cond: r.cond } : null;
    }
    if (n.items.length === 0) return null;
    const items = n.items.map(expr);
    if (items.some((i) => i === null)) return null;
    const list = items as SearchExpr[];
    if (list.length === 1) return list[0];
    return n.join === "and" ? { and: list } : { or: list };
  };
  const root2 = expr(root);
  return root2 ? { root: root2 } : null;
}

// ---- immutable edits of the tree ----

export function updateNode(root: GroupNode, id: string, f: (n: BuilderNode) => BuilderNode): GroupNode {
  const walk = (n: BuilderNode): BuilderNode => {
    if (n.id === id) return f(n);
    if (n.kind === "group") return { ...n, items: n.items.map(walk) };
    return n;
  };
  return walk(root) as GroupNode;
}

/** Removes a row or group; a nested group left empty goes too (the root stays, maybe empty). */
export function removeNode(root: GroupNode, id: string): GroupNode {
  const walk = (g: GroupNode): GroupNode => ({
    ...g,
    items: g.items
      .filter((n) => n.id !== id)
      .map((n) => (n.kind === "group" ? walk(n) : n))
      .filter((n) => n.kind === "cond" || n.items.length > 0),
  });
  return walk(root);
}

// ---- the text box: where the problem is ----

/** Rust's byte offsets (UTF-8) as offsets into the JS string (UTF-16). */
export function byteRangeToChars(text: string, start: number, end: number): [number, number] {
  const bytes = new TextEncoder().encode(text);
  const dec = new TextDecoder();
  const at = (b: number) => dec.decode(bytes.slice(0, Math.min(b, bytes.length))).length;
  return [at(start), at(end)];
}

// ---- where a hit is in the tree ----

/** The folder of a key, exactly: everything up to its last "/" ("a//b c/中文.txt" → "a//b c/"). */
export function parentPrefix(key: string): string {
  const i = key.lastIndexOf("/", key.endsWith("/") ? key.length - 2 : key.length);
  return i < 0 ? "" : key.slice(0, i + 1);
}

export const MAX_KEYS_LIMIT = 10_000;
export const DEFAULT_MAX_KEYS = 100;

/** A max-keys field's value: the number, or null when it is not a whole number from 1 to 10,000. */
export function parseMaxKeys(text: string): number | null {
  if (!/^\s*\d+\s*$/.test(text)) return null;
  const n = Number(text.trim());
  return n >= 1 && n <= MAX_KEYS_LIMIT ? n : null;
}

/** An id for one search run (progress events and cancel name it). */
export function newSearchId(): string {
  const c = globalThis.crypto;
  if (c && typeof c.randomUUID === "function") return c.randomUUID();
  return `s-${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
}

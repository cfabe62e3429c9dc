// DEV ONLY: the fake backend's metadata search (fakeBackend.ts spreads these commands), so the
// search page can be tried in `npm run dev:mock`. A rough parser and printer of the grammar
// (enough for the builder and the problem marks; Rust's zos-mdsearch is the real one), no
// evaluator: a search answers the first objects of the bucket, a page at a time. The server has
// no metadata search here (UnsupportedByServer), so Auto's fallback can be tried.
// Never part of the normal app.
import type {
  AppError,
  BackendCommands,
  ObjectEntry,
  QueryCheck,
  Result,
  SearchCondition,
  SearchExpr,
  SearchField,
  SearchHit,
  SearchOp,
  SearchParseError,
  SearchQuery,
} from "../backend";

type Commands = Pick<BackendCommands, "checkSearchQuery" | "printSearchQuery" | "searchObjects" | "cancelSearch">;

export interface FakeSearchObjects {
  bucketExists: (profileId: string, bucket: string) => boolean;
  objectsOf: (bucket: string) => ObjectEntry[];
}

const fail = (code: AppError["code"], detail: string, status: number | null = null): Result<never, AppError> => ({
  status: "error",
  error: { code, serverCode: null, status, requestId: status ? "tx000fake-search" : null, detail },
});

const FIELDS: Record<string, Exclude<SearchField, { meta: string }>> = {
  bucket: "bucket",
  name: "name",
  key: "name",
  instance: "instance",
  size: "size",
  mtime: "mtime",
  storage_class: "storageClass",
  content_type: "contentType",
  versioned_epoch: "versionedEpoch",
};
const WIRE: Record<string, string> = Object.fromEntries(Object.entries(FIELDS).filter(([k]) => k !== "key").map(([k, v]) => [v, k]));
const OPS: Record<string, SearchOp> = { "<": "lt", "<=": "le", "==": "eq", ">=": "ge", ">": "gt" };
const SYMBOL: Record<SearchOp, string> = { lt: "<", le: "<=", eq: "==", ge: ">=", gt: ">" };

interface Token {
  text: string;
  start: number;
  end: number;
}

const bytes = (s: string) => new TextEncoder().encode(s).length;

function tokenize(src: string): Token[] {
  const out: Token[] = [];
  const re = /\(|\)|[^\s()]+/g;
  for (let m = re.exec(src); m; m = re.exec(src)) {
    const start = bytes(src.slice(0, m.index));
    out.push({ text: m[0], start, end: start + bytes(m[0]) });
  }
  return out;
}

class Problem extends Error {
  constructor(readonly p: SearchParseError) {
    super(p.token);
  }
}

function parse(src: string): SearchQuery {
  const toks = tokenize(src);
  const endAt = bytes(src);
  let i = 0;
  const problem = (tok: Token | undefined, kind: SearchParseError["kind"]): Problem =>
    new Problem({ start: tok?.start ?? endAt, end: tok?.end ?? endAt, token: tok?.text ?? "", kind });
  if (toks.length === 0) throw problem(undefined, { type: "empty" });

  const condition = (tok: Token): SearchCondition => {
    const m = /^([^<>=!]+)([<>=!]+)(.*)$/.exec(tok.text);
    if (!m) throw problem(tok, { type: "unexpectedToken", expected: ["<", "<=", "==", ">=", ">"] });
    const [, name, op, value] = m;
    const lower = name.toLowerCase();
    const field: SearchField | undefined = lower.startsWith("x-amz-meta-") && lower.length > 11 ? { meta: lower.slice(11) } : FIELDS[lower];
    if (!field) throw problem({ ...tok, end: tok.start + bytes(name), text: name }, { type: "unknownField" });
    const opStart = tok.start + bytes(name);
    const valueStart = opStart + bytes(op);
    if (!OPS[op]) throw problem({ start: opStart, end: valueStart, text: op }, { type: "badOperator" });
    if (!value) throw problem(tok, { type: "emptyValue" });
    if (field === "size" || field === "versionedEpoch") {
      if (!/^(0|[1-9]\d*)$/.test(value)) throw problem({ start: valueStart, end: tok.end, text: value }, { type: "badNumber" });
      return { field, op: OPS[op], value: { integer: value } };
    }
    if (field === "mtime") {
      const d = new Date(value);
      if (Number.isNaN(d.getTime())) throw problem({ start: valueStart, end: tok.end, text: value }, { type: "badDate" });
      return { field, op: OPS[op], value: { time: d.toISOString().replace(/\.000Z$/, "Z") } };
    }
    return { field, op: OPS[op], value: { text: value } };
  };

  const primary = (): SearchExpr => {
    const tok = toks[i++];
    if (!tok) throw problem(undefined, { type: "unexpectedEnd", expected: ["a field name", "("] });
    if (tok.text === "(") {
      const inner = or();
      if (toks[i]?.text !== ")") throw problem(tok, { type: "unbalancedParen" });
      i++;
      return inner;
    }
    if (tok.text === ")") throw problem(tok, { type: "unbalancedParen" });
    return { cond: condition(tok) };
  };
  const flat = (kind: "and" | "or", items: SearchExpr[]): SearchExpr =>
    items.length === 1 ? items[0] : ({ [kind]: items.flatMap((e) => (kind in e ? (e as Record<string, SearchExpr[]>)[kind] : [e])) } as SearchExpr);
  const and = (): SearchExpr => {
    const items = [primary()];
    while (toks[i]?.text.toLowerCase() === "and") {
      i++;
      items.push(primary());
    }
    return flat("and", items);
  };
  const or = (): SearchExpr => {
    const items = [and()];
    while (toks[i]?.text.toLowerCase() === "or") {
      i++;
      items.push(and());
    }
    return flat("or", items);
  };
  const root = or();
  if (i < toks.length) {
    const tok = toks[i];
    throw problem(tok, tok.text === ")" ? { type: "unbalancedParen" } : { type: "unexpectedToken", expected: ["and", "or", ")"] });
  }
  return { root };
}

function print(q: SearchQuery): string {
  const cond = (c: SearchCondition) => {
    const value = "text" in c.value ? c.value.text : "integer" in c.value ? c.value.integer : c.value.time;
    const field = typeof c.field === "string" ? WIRE[c.field] : `x-amz-meta-${c.field.meta}`;
    return `${field}${SYMBOL[c.op]}${/^[<>=!]/.test(value) ? " " : ""}${value}`;
  };
  const expr = (e: SearchExpr, inAnd: boolean): string => {
    if ("cond" in e) return cond(e.cond);
    if ("and" in e) return e.and.length === 1 ? expr(e.and[0], inAnd) : e.and.map((x) => expr(x, true)).join(" and ");
    if (e.or.length === 1) return expr(e.or[0], inAnd);
    const text = e.or.map((x) => expr(x, false)).join(" or ");
    return inAnd ? `(${text})` : text;
  };
  return expr(q.root, false);
}

const PAGE_CAP = 12;

function hitOf(bucket: string, o: ObjectEntry): SearchHit {
  return {
    bucket,
    key: o.key,
    instance: null,
    size: o.size,
    lastModified: new Date(o.lastModified ?? 0).toISOString(),
    etag: o.etag ?? null,
    contentType: null,
    storageClass: o.storageClass ?? "STANDARD",
    customMetadata: {},
  };
}

export function fakeSearch(objects?: FakeSearchObjects): Commands {
  return {
    async checkSearchQuery(text): Promise<QueryCheck> {
      try {
        const query = parse(text);
        return { query, canonical: print(query), problem: null };
      } catch (e) {
        if (e instanceof Problem) return { query: null, canonical: null, problem: e.p };
        throw e;
      }
    },
    async printSearchQuery(query) {
      return print(query);
    },
    async searchObjects(profileId, request, engine) {
      if (!request.bucket) return fail("InvalidInput", "Choose the bucket to search.");
      try {
        parse(request.query);
      } catch {
        return fail("InvalidInput", "The query does not parse.");
      }
      if (objects && !objects.bucketExists(profileId, request.bucket)) {
        return fail("NoSuchBucket", `The specified bucket does not exist: ${request.bucket}`, 404);
      }
      if (engine === "server") {
        await new Promise((r) => setTimeout(r, 300));
        return fail("UnsupportedByServer", "The endpoint answered the search with a bucket listing: it has no metadata search.", 200);
      }
      await new Promise((r) => setTimeout(r, 600));
      const all = (objects?.objectsOf(request.bucket) ?? []).slice(0, 30);
      const offset = Number(request.options.marker ?? "0") || 0;
      const size = Math.min(request.options.maxKeys, PAGE_CAP);
      const hits = all.slice(offset, offset + size).map((o) => hitOf(request.bucket, o));
      const more = offset + size < all.length;
      return {
        status: "ok",
        data: {
          hits,
          isTruncated: more,
          nextMarker: more ? String(offset + size) : null,
          engine: "local",
          scanned: all.length,
          headed: 0,
          limited: null,
        },
      };
    },
    async cancelSearch() {
      return false;
    },
  };
}

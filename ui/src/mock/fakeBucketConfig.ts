// DEV ONLY: the fake backend's bucket configurations (policy, ACL, CORS, website, tags, request
// payment), capabilities and the no-request checks, for `npm run dev:mock` and the UI tests.
// The checks here are a small stand-in for the Rust rules (crates/core/src/buckets/config): the
// UI only shows what the backend says, so they cover what the screens need to show, no more.
// Fixtures: "photos" has a policy, CORS and tags; "logs-2025" a website; "backups" answers every
// sub-resource but encryption and logging as unsupported (as radosgw 16.2 does).
// Never part of the normal app.
import type {
  AccessControlPolicy,
  AppError,
  BackendCommands,
  Capability,
  ConfigDocument,
  ConfigKind,
  CorsConfiguration,
  ErrorCode,
  PolicyDocument,
  PolicyParse,
  Problem,
  RequestPayment,
  Result,
  SubResource,
  TagSet,
  WebsiteConfiguration,
} from "../backend";

type Commands = Pick<
  BackendCommands,
  | "bucketCapabilities"
  | "getBucketPolicy"
  | "putBucketPolicy"
  | "deleteBucketPolicy"
  | "parseBucketPolicy"
  | "printBucketPolicy"
  | "bucketPolicyTemplate"
  | "bucketPolicyActions"
  | "getAcl"
  | "putAcl"
  | "getBucketCors"
  | "putBucketCors"
  | "deleteBucketCors"
  | "corsPreflight"
  | "getBucketWebsite"
  | "putBucketWebsite"
  | "deleteBucketWebsite"
  | "bucketWebsiteUrl"
  | "getBucketTags"
  | "putBucketTags"
  | "deleteBucketTags"
  | "getObjectTags"
  | "putObjectTags"
  | "deleteObjectTags"
  | "getBucketRequestPayment"
  | "putBucketRequestPayment"
  | "checkConfig"
  | "parseConfig"
  | "printConfig"
>;

const ok = <T>(data: T): Result<T, AppError> => ({ status: "ok", data });
const fail = (code: ErrorCode, detail: string, status: number | null = 400): Result<never, AppError> => ({
  status: "error",
  error: { code, serverCode: null, status, requestId: status === null ? null : `tx-fake-${Date.now()}`, detail },
});
const delay = (ms = 60) => new Promise((r) => setTimeout(r, ms));
const problem = (field: string, code: Problem["code"], limit: number | null = null, detail = ""): Problem => ({
  field,
  code,
  limit,
  line: null,
  column: null,
  detail,
});

export const OWNER_ID = "fake-owner";
const UNSUPPORTED_ON_BACKUPS: SubResource[] = ["encryption", "logging"];
const ALL: SubResource[] = [
  "acl",
  "policy",
  "cors",
  "website",
  "tagging",
  "requestPayment",
  "versioning",
  "lifecycle",
  "objectLock",
  "encryption",
  "logging",
  "notification",
];

function printPolicy(doc: PolicyDocument): string {
  return JSON.stringify(
    {
      Version: doc.version,
      ...(doc.id ? { Id: doc.id } : {}),
      Statement: doc.statements.map((s) => ({
        ...(s.sid ? { Sid: s.sid } : {}),
        Effect: s.effect,
        [s.notPrincipal ? "NotPrincipal" : "Principal"]: s.principal.kind === "anyone" ? "*" : { AWS: s.principal.users },
        [s.notAction ? "NotAction" : "Action"]: s.actions,
        [s.notResource ? "NotResource" : "Resource"]: s.resources,
        ...(s.conditions.length
          ? {
              Condition: Object.fromEntries(
                s.conditions.map((c) => [c.operator, { [c.key]: c.values.length === 1 ? c.values[0] : c.values }]),
              ),
            }
          : {}),
      })),
    },
    null,
    2,
  );
}

const many = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : v === undefined ? [] : [String(v)]);

function parsePolicy(text: string): PolicyParse {
  let value: Record<string, unknown>;
  try {
    value = JSON.parse(text) as Record<string, unknown>;
  } catch (e) {
    const hint = text.replace(/\s/g, "").includes('{"*"}')
      ? '{"*"} is not JSON: for anyone write "Principal": "*"'
      : String(e);
    return { document: null, problems: [{ ...problem("", "JsonSyntax", null, hint), line: 1, column: 1 }] };
  }
  const raw = Array.isArray(value.Statement) ? value.Statement : value.Statement ? [value.Statement] : [];
  const statements = (raw as Record<string, unknown>[]).map((s) => {
    const principal = s.Principal ?? s.NotPrincipal;
    return {
      sid: typeof s.Sid === "string" ? s.Sid : null,
      effect: s.Effect === "Deny" ? ("Deny" as const) : ("Allow" as const),
      principal:
        principal === "*"
          ? { kind: "anyone" as const }
          : { kind: "users" as const, users: many((principal as { AWS?: unknown } | undefined)?.AWS) },
      notPrincipal: "NotPrincipal" in s,
      actions: many(s.Action ?? s.NotAction),
      notAction: "NotAction" in s,
      resources: many(s.Resource ?? s.NotResource),
      notResource: "NotResource" in s,
      conditions: Object.entries((s.Condition ?? {}) as Record<string, Record<string, unknown>>).flatMap(([operator, keys]) =>
        Object.entries(keys).map(([key, values]) => ({ operator, key, values: many(values) })),
      ),
    };
  });
  const document: PolicyDocument = { version: String(value.Version ?? ""), id: null, statements };
  const problems: Problem[] = [];
  if (!["2012-10-17", "2008-10-17"].includes(document.version)) problems.push(problem("Version", "NotAllowed"));
  if (statements.length === 0) problems.push(problem("Statement", "Required"));
  statements.forEach((s, i) => {
    if (s.actions.length === 0) problems.push(problem(`Statement[${i}].Action`, "Required"));
    if (s.resources.length === 0) problems.push(problem(`Statement[${i}].Resource`, "Required"));
  });
  return { document, problems };
}

function checkTags(tags: TagSet, field: string, max: number): Problem[] {
  const problems: Problem[] = [];
  if (tags.TagSet.length > max) problems.push(problem(field, "TooMany", max));
  const bytes = (s: string) => new TextEncoder().encode(s).length;
  tags.TagSet.forEach((t, i) => {
    if (t.Key === "") problems.push(problem(`${field}[${i}].Key`, "Required"));
    if (bytes(t.Key) > 128) problems.push(problem(`${field}[${i}].Key`, "TooLong", 128));
    if (bytes(t.Value) > 256) problems.push(problem(`${field}[${i}].Value`, "TooLong", 256));
    if (tags.TagSet.findIndex((o) => o.Key === t.Key) < i) problems.push(problem(`${field}[${i}].Key`, "Duplicate"));
  });
  return problems;
}

function checkDocument(doc: ConfigDocument): Problem[] {
  switch (doc.kind) {
    case "bucketTags":
      return checkTags(doc.value, "TagSet", 50);
    case "objectTags":
      return checkTags(doc.value, "TagSet", 10);
    case "cors": {
      const problems: Problem[] = [];
      if (doc.value.CORSRules.length === 0) problems.push(problem("CORSRules", "Required"));
      if (doc.value.CORSRules.length > 100) problems.push(problem("CORSRules", "TooMany", 100));
      doc.value.CORSRules.forEach((r, i) => {
        if (r.AllowedMethods.length === 0) problems.push(problem(`CORSRules[${i}].AllowedMethods`, "Required"));
        if (r.AllowedOrigins.length === 0) problems.push(problem(`CORSRules[${i}].AllowedOrigins`, "Required"));
        r.AllowedOrigins.forEach((o, j) => {
          if ((o.match(/\*/g) ?? []).length > 1)
            problems.push(problem(`CORSRules[${i}].AllowedOrigins[${j}]`, "TooManyWildcards"));
        });
      });
      return problems;
    }
    case "website": {
      const w = doc.value;
      const problems: Problem[] = [];
      if (w.RedirectAllRequestsTo && (w.IndexDocument || w.ErrorDocument || w.RoutingRules?.length))
        problems.push(problem("IndexDocument", "Exclusive", null, "RedirectAllRequestsTo"));
      if (!w.RedirectAllRequestsTo && !w.IndexDocument?.Suffix) problems.push(problem("IndexDocument.Suffix", "Required"));
      (w.RoutingRules ?? []).forEach((r, i) => {
        const code = r.Condition?.HttpErrorCodeReturnedEquals;
        if (code && !/^4\d\d$/.test(code))
          problems.push(problem(`RoutingRules[${i}].Condition.HttpErrorCodeReturnedEquals`, "WrongStatusClass", 400));
        if (r.Redirect.ReplaceKeyWith && r.Redirect.ReplaceKeyPrefixWith)
          problems.push(problem(`RoutingRules[${i}].Redirect.ReplaceKeyWith`, "Exclusive"));
      });
      return problems;
    }
    case "acl": {
      if (doc.value.kind === "canned") return doc.value.value === "public-read-write" ? [problem("ACL", "PublicWrite")] : [];
      const policy = doc.value.value;
      const problems: Problem[] = [];
      policy.Grants.forEach((g, i) => {
        if (g.Grantee.Type === "Group" && g.Grantee.URI?.endsWith("/AllUsers") && ["WRITE", "FULL_CONTROL", "WRITE_ACP"].includes(g.Permission))
          problems.push(problem(`Grants[${i}].Permission`, "PublicWrite"));
      });
      const keeps = policy.Grants.some(
        (g) => g.Permission === "FULL_CONTROL" && g.Grantee.Type === "CanonicalUser" && g.Grantee.ID === policy.Owner.ID,
      );
      if (!keeps) problems.push(problem("Grants", "OwnerLosesFullControl", null, policy.Owner.ID));
      return problems;
    }
    case "requestPayment":
      return [];
    case "lifecycle":
      return doc.value.Rules.length === 0 ? [problem("Rules", "Required")] : [];
    case "objectLock":
    case "encryption":
    case "logging":
      return [];
  }
}

function printDocument(doc: ConfigDocument): string {
  if (doc.kind === "acl") return JSON.stringify(doc.value.kind === "canned" ? { ACL: doc.value.value } : doc.value.value, null, 2);
  return JSON.stringify(doc.value, null, 2);
}

function parseDocument(kind: ConfigKind, text: string) {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    return { document: null, problems: [{ ...problem("", "JsonSyntax", null, String(e)), line: 1, column: 1 }] };
  }
  const document = (
    kind === "acl" ? { kind, value: { kind: "policy", value } } : { kind, value }
  ) as ConfigDocument;
  return { document, problems: checkDocument(document) };
}

const ownerAcl = (): AccessControlPolicy => ({
  Owner: { ID: OWNER_ID, DisplayName: "Fake Owner" },
  Grants: [{ Grantee: { Type: "CanonicalUser", ID: OWNER_ID, DisplayName: "Fake Owner" }, Permission: "FULL_CONTROL" }],
});

export function fakeBucketConfig(bucketExists: (profileId: string, bucket: string) => boolean): Commands {
  const policies = new Map<string, string>([
    [
      "photos",
      printPolicy({
        version: "2012-10-17",
        id: null,
        statements: [
          {
            sid: "PublicRead",
            effect: "Allow",
            principal: { kind: "anyone" },
            notPrincipal: false,
            actions: ["s3:GetObject"],
            notAction: false,
            resources: ["arn:aws:s3:::photos/*"],
            notResource: false,
            conditions: [],
          },
        ],
      }),
    ],
  ]);
  const cors = new Map<string, CorsConfiguration>([
    ["photos", { CORSRules: [{ ID: "web", AllowedMethods: ["GET", "HEAD"], AllowedOrigins: ["https://www.example.com"], MaxAgeSeconds: 3000 }] }],
  ]);
  const websites = new Map<string, WebsiteConfiguration>([
    ["logs-2025", { IndexDocument: { Suffix: "index.html" }, ErrorDocument: { Key: "error.html" } }],
  ]);
  const bucketTags = new Map<string, TagSet>([["photos", { TagSet: [{ Key: "team", Value: "media" }, { Key: "项目", Value: "相册" }] }]]);
  const objectTags = new Map<string, TagSet>();
  const acls = new Map<string, AccessControlPolicy>();
  const payment = new Map<string, RequestPayment>();

  const missing = (profileId: string, bucket: string) =>
    bucketExists(profileId, bucket) ? null : fail("NoSuchBucket", "The specified bucket does not exist", 404);
  const aclKey = (t: { bucket: string; key: string | null; versionId: string | null }) =>
    `${t.bucket}\n${t.key ?? ""}\n${t.versionId ?? ""}`;

  return {
    async bucketCapabilities(profileId, bucket) {
      await delay();
      const gone = missing(profileId, bucket);
      if (gone) return gone;
      const list: Capability[] = ALL.map((subResource) => ({
        subResource,
        support:
          bucket === "backups" && UNSUPPORTED_ON_BACKUPS.includes(subResource)
            ? { kind: "unsupported", why: "AnswersWithListing" }
            : { kind: "supported" },
        error: null,
      }));
      return ok(list);
    },
    async getBucketPolicy(profileId, bucket) {
      await delay();
      const gone = missing(profileId, bucket);
      if (gone) return gone;
      const text = policies.get(bucket);
      return ok(text === undefined ? null : { text, parsed: parsePolicy(text) });
    },
    async putBucketPolicy(profileId, bucket, text) {
      await delay();
      const parsed = parsePolicy(text);
      if (parsed.problems.length) return fail("InvalidInput", `${parsed.problems[0].field}: ${parsed.problems[0].code}`, null);
      policies.set(bucket, text);
      return missing(profileId, bucket) ?? ok(null);
    },
    async deleteBucketPolicy(profileId, bucket) {
      await delay();
      policies.delete(bucket);
      return missing(profileId, bucket) ?? ok(null);
    },
    async parseBucketPolicy(text) {
      return parsePolicy(text);
    },
    async printBucketPolicy(document) {
      return printPolicy(document);
    },
    async bucketPolicyTemplate(template, bucket) {
      const objects = `arn:aws:s3:::${bucket}/*`;
      const base = {
        sid: template,
        effect: "Allow" as const,
        principal: { kind: "anyone" as const },
        notPrincipal: false,
        actions: ["s3:GetObject"],
        notAction: false,
        resources: [objects],
        notResource: false,
        conditions: [] as PolicyDocument["statements"][number]["conditions"],
      };
      const statement =
        template === "readOnlyForUser"
          ? { ...base, principal: { kind: "users" as const, users: ["arn:aws:iam:::user/USER-ID"] }, actions: ["s3:ListBucket", "s3:GetObject"], resources: [`arn:aws:s3:::${bucket}`, objects] }
          : template === "refererAllowList"
            ? { ...base, conditions: [{ operator: "StringLike", key: "aws:Referer", values: ["https://www.example.com/*"] }] }
            : template === "denyInsecureTransport"
              ? { ...base, effect: "Deny" as const, actions: ["s3:*"], resources: [`arn:aws:s3:::${bucket}`, objects], conditions: [{ operator: "Bool", key: "aws:SecureTransport", values: ["false"] }] }
              : base;
      return { version: "2012-10-17", id: null, statements: [statement] };
    },
    async bucketPolicyActions() {
      return ["s3:*", "s3:GetObject", "s3:PutObject", "s3:DeleteObject", "s3:ListBucket", "s3:GetObjectAcl", "s3:PutObjectAcl"];
    },
    async getAcl(profileId, target) {
      await delay();
      const gone = missing(profileId, target.bucket);
      if (gone) return gone;
      return ok(acls.get(aclKey(target)) ?? ownerAcl());
    },
    async putAcl(profileId, target, change) {
      await delay();
      const gone = missing(profileId, target.bucket);
      if (gone) return gone;
      if (change.kind === "policy") acls.set(aclKey(target), change.value);
      else {
        const acl = ownerAcl();
        const all = "http://acs.amazonaws.com/groups/global/AllUsers";
        if (change.value === "public-read" || change.value === "public-read-write")
          acl.Grants.push({ Grantee: { Type: "Group", URI: all }, Permission: "READ" });
        if (change.value === "public-read-write") acl.Grants.push({ Grantee: { Type: "Group", URI: all }, Permission: "WRITE" });
        if (change.value === "authenticated-read")
          acl.Grants.push({ Grantee: { Type: "Group", URI: "http://acs.amazonaws.com/groups/global/AuthenticatedUsers" }, Permission: "READ" });
        acls.set(aclKey(target), acl);
      }
      return ok(null);
    },
    async getBucketCors(profileId, bucket) {
      await delay();
      return missing(profileId, bucket) ?? ok(cors.get(bucket) ?? null);
    },
    async putBucketCors(profileId, bucket, config) {
      await delay();
      const problems = checkDocument({ kind: "cors", value: config });
      if (problems.length) return fail("InvalidInput", `${problems[0].field}: ${problems[0].code}`, null);
      cors.set(bucket, config);
      return missing(profileId, bucket) ?? ok(null);
    },
    async deleteBucketCors(profileId, bucket) {
      await delay();
      cors.delete(bucket);
      return missing(profileId, bucket) ?? ok(null);
    },
    async corsPreflight(profileId, request) {
      await delay();
      const gone = missing(profileId, request.bucket);
      if (gone) return gone;
      const rules = cors.get(request.bucket)?.CORSRules ?? [];
      const match = (pattern: string, value: string) => {
        const [head, tail] = pattern.split("*");
        return tail === undefined ? pattern === value : value.startsWith(head) && value.endsWith(tail);
      };
      const index = rules.findIndex(
        (r) =>
          r.AllowedOrigins.some((o) => match(o, request.origin)) &&
          r.AllowedMethods.includes(request.method) &&
          request.headers.every((h) => (r.AllowedHeaders ?? []).some((a) => match(a.toLowerCase(), h.toLowerCase()))),
      );
      const rule = rules[index];
      return ok({
        status: rule ? 200 : 403,
        allowed: Boolean(rule),
        headers: rule
          ? [
              ["access-control-allow-origin", request.origin],
              ["access-control-allow-methods", rule.AllowedMethods.join(", ")],
              ...(rule.MaxAgeSeconds != null ? [["access-control-max-age", String(rule.MaxAgeSeconds)] as [string, string]] : []),
            ]
          : [],
        matchedRule: rule ? index : null,
        ruleCount: rules.length,
        requestId: "tx-fake-preflight",
      });
    },
    async getBucketWebsite(profileId, bucket) {
      await delay();
      return missing(profileId, bucket) ?? ok(websites.get(bucket) ?? null);
    },
    async putBucketWebsite(profileId, bucket, config) {
      await delay();
      const problems = checkDocument({ kind: "website", value: config });
      if (problems.length) return fail("InvalidInput", `${problems[0].field}: ${problems[0].code}`, null);
      websites.set(bucket, config);
      return missing(profileId, bucket) ?? ok(null);
    },
    async deleteBucketWebsite(profileId, bucket) {
      await delay();
      websites.delete(bucket);
      return missing(profileId, bucket) ?? ok(null);
    },
    async bucketWebsiteUrl(_profileId, bucket) {
      return ok(`http://${bucket}.zos.example.com/`);
    },
    async getBucketTags(profileId, bucket) {
      await delay();
      return missing(profileId, bucket) ?? ok(bucketTags.get(bucket) ?? { TagSet: [] });
    },
    async putBucketTags(profileId, bucket, tags) {
      await delay();
      const problems = checkTags(tags, "TagSet", 50);
      if (problems.length) return fail("InvalidInput", `${problems[0].field}: ${problems[0].code}`, null);
      bucketTags.set(bucket, tags);
      return missing(profileId, bucket) ?? ok(null);
    },
    async deleteBucketTags(profileId, bucket) {
      await delay();
      bucketTags.delete(bucket);
      return missing(profileId, bucket) ?? ok(null);
    },
    async getObjectTags(profileId, bucket, key, versionId) {
      await delay();
      return missing(profileId, bucket) ?? ok(objectTags.get(`${bucket}\n${key}\n${versionId ?? ""}`) ?? { TagSet: [] });
    },
    async putObjectTags(profileId, bucket, key, versionId, tags) {
      await delay();
      const problems = checkTags(tags, "TagSet", 10);
      if (problems.length) return fail("InvalidInput", `${problems[0].field}: ${problems[0].code}`, null);
      objectTags.set(`${bucket}\n${key}\n${versionId ?? ""}`, tags);
      return missing(profileId, bucket) ?? ok(null);
    },
    async deleteObjectTags(profileId, bucket, key, versionId) {
      await delay();
      objectTags.delete(`${bucket}\n${key}\n${versionId ?? ""}`);
      return missing(profileId, bucket) ?? ok(null);
    },
    async getBucketRequestPayment(profileId, bucket) {
      await delay();
      return missing(profileId, bucket) ?? ok(payment.get(bucket) ?? { Payer: "BucketOwner" });
    },
    async putBucketRequestPayment(profileId, bucket, value) {
      await delay();
      payment.set(bucket, value);
      return missing(profileId, bucket) ?? ok(null);
    },
    async checkConfig(document) {
      return checkDocument(document);
    },
    async parseConfig(kind, text) {
      return parseDocument(kind, text);
    },
    async printConfig(document) {
      return printDocument(document);
    },
  };
}

/** For tests: a sub-resource the fake "backups" bucket does not support. */
export const unsupportedOn = (bucket: string, sub: SubResource) => bucket === "backups" && UNSUPPORTED_ON_BACKUPS.includes(sub);

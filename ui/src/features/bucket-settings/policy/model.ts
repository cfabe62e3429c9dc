// The policy form's model helpers: what a new statement looks like, how the form's resource rows
// map to ARNs of this bucket, and how Rust's problems (found in the printed text) point back at
// the form's rows. No policy rule lives here: Rust's parseBucketPolicy says what is wrong.
import type { PolicyCondition, PolicyDocument, PolicyTemplate, Problem, Statement } from "../../../backend";

export const POLICY_VERSION = "2012-10-17";

export const TEMPLATES = ["publicRead", "readOnlyForUser", "refererAllowList", "denyInsecureTransport"] as const satisfies readonly PolicyTemplate[];

/** Condition operators offered in the form's select (any other one read from text is kept). */
export const OPERATORS = [
  "StringLike",
  "StringNotLike",
  "StringEquals",
  "StringNotEquals",
  "StringEqualsIgnoreCase",
  "StringNotEqualsIgnoreCase",
  "IpAddress",
  "NotIpAddress",
  "Bool",
  "NumericEquals",
  "NumericNotEquals",
  "NumericLessThan",
  "NumericLessThanEquals",
  "NumericGreaterThan",
  "NumericGreaterThanEquals",
  "DateEquals",
  "DateNotEquals",
  "DateLessThan",
  "DateGreaterThan",
  "ArnLike",
  "Null",
];

/** Condition keys offered in the form's select; "other" lets the user type any key. */
export const CONDITION_KEYS = [
  "aws:Referer",
  "aws:SourceIp",
  "aws:SecureTransport",
  "aws:UserAgent",
  "aws:CurrentTime",
  "aws:username",
  "s3:prefix",
  "s3:delimiter",
  "s3:max-keys",
  "s3:x-amz-acl",
];

/** Words a template leaves for the user to replace. */
export const PLACEHOLDERS = ["USER-ID", "example.com"] as const;

export function hasPlaceholder(value: string): boolean {
  return PLACEHOLDERS.some((p) => value.includes(p));
}

/** The placeholders still present anywhere in the document. */
export function placeholdersIn(doc: PolicyDocument | null): string[] {
  if (!doc) return [];
  const all = doc.statements.flatMap((s) => [
    ...(s.principal.kind === "users" ? s.principal.users : []),
    ...s.actions,
    ...s.resources,
    ...s.conditions.flatMap((c) => c.values),
  ]);
  return PLACEHOLDERS.filter((p) => all.some((v) => v.includes(p)));
}

export function emptyStatement(): Statement {
  return {
    sid: null,
    effect: "Allow",
    principal: { kind: "users", users: [] },
    notPrincipal: false,
    actions: [],
    notAction: false,
    resources: [],
    notResource: false,
    conditions: [],
  };
}

export function newDocument(): PolicyDocument {
  return { version: POLICY_VERSION, id: null, statements: [emptyStatement()] };
}

export function newCondition(): PolicyCondition {
  return { operator: "StringLike", key: "aws:Referer", values: [] };
}

/** Whether the form holds anything the user might not want to lose. */
export function hasContent(doc: PolicyDocument | null): boolean {
  if (!doc) return false;
  const blank = JSON.stringify(emptyStatement());
  return doc.statements.some((s) => JSON.stringify(s) !== blank);
}

/** `arn:aws:s3:::<bucket>`: the bucket itself (listing it, its settings). */
export const bucketArn = (bucket: string) => `arn:aws:s3:::${bucket}`;
/** `arn:aws:s3:::<bucket>/`: what the objects' ARNs start with, before the key pattern. */
export const objectsArnPrefix = (bucket: string) => `arn:aws:s3:::${bucket}/`;

/** The field names of a statement's three switchable parts, as Rust names them in problems. */
export function partFields(s: Statement) {
  return {
    principal: s.notPrincipal ? "NotPrincipal" : "Principal",
    action: s.notAction ? "NotAction" : "Action",
    resource: s.notResource ? "NotResource" : "Resource",
  };
}

/** Who can do what without signing in: statements that allow anyone (for the warning). */
export function publicStatements(doc: PolicyDocument | null): { index: number; statement: Statement }[] {
  if (!doc) return [];
  return doc.statements
    .map((statement, index) => ({ statement, index }))
    .filter(
      ({ statement: s }) =>
        s.effect === "Allow" &&
        !s.notPrincipal &&
        (s.principal.kind === "anyone" || s.principal.users.includes("*")),
    );
}

/**
 * The printed text groups conditions by operator, so Rust's `Statement[i].Condition[j]` counts
 * them in the text's order. Renumbers those problems to the form's rows (matched by operator and
 * key in the document Rust read back), so that each shows next to its own row.
 */
export function toFormFields(problems: readonly Problem[], form: PolicyDocument, read: PolicyDocument | null): Problem[] {
  if (!read) return [...problems];
  return problems.map((p) => {
    const m = /^Statement\[(\d+)\]\.Condition\[(\d+)\](.*)$/.exec(p.field);
    if (!m) return p;
    const i = Number(m[1]);
    const readCondition = read.statements[i]?.conditions[Number(m[2])];
    const formConditions = form.statements[i]?.conditions ?? [];
    if (!readCondition) return p;
    const k = formConditions.findIndex((c) => c.operator === readCondition.operator && c.key === readCondition.key);
    return k < 0 ? p : { ...p, field: `Statement[${i}].Condition[${k}]${m[3]}` };
  });
}

/** Condition rows that share an operator and key with a later row: the text keeps only the last. */
export function shadowedConditions(conditions: readonly PolicyCondition[]): Set<number> {
  const shadowed = new Set<number>();
  conditions.forEach((c, j) => {
    if (conditions.some((d, k) => k > j && d.operator === c.operator && d.key === c.key)) shadowed.add(j);
  });
  return shadowed;
}

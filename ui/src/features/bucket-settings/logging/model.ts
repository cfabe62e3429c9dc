// The access logging form's model and its mapping to the boto3-shaped BucketLogging. No rule lives
// here: whether a configuration is valid is Rust's answer (checkConfig / parseConfig).
import type { BucketLogging, Grantee, GranteeType, LogPermission, TargetGrant } from "../../../backend";
import { sameConfig } from "../objectLock/ConfigEditor";

export interface GrantRow {
  /** For React only (rows are added and removed). */
  id: number;
  type: GranteeType;
  /** The canonical user id, the e-mail address or the group URI, as `type` says. */
  value: string;
  /** Kept as the server gave it (not edited here). */
  displayName: string | null;
  permission: LogPermission;
}

export interface LoggingForm {
  enabled: boolean;
  /** Kept while logging is off, in case the user turns it back on. */
  targetBucket: string;
  targetPrefix: string;
  grants: GrantRow[];
}

/** The group that delivers logs, the usual grantee of a target bucket. */
export const LOG_DELIVERY = "http://acs.amazonaws.com/groups/s3/LogDelivery";
/** Group URIs offered as suggestions. */
export const GROUP_URIS = [
  LOG_DELIVERY,
  "http://acs.amazonaws.com/groups/global/AuthenticatedUsers",
  "http://acs.amazonaws.com/groups/global/AllUsers",
];

let nextId = 1;

export function newGrant(): GrantRow {
  return { id: nextId++, type: "CanonicalUser", value: "", displayName: null, permission: "READ" };
}

/** The field of a grantee that `type` uses. */
export function granteeField(type: GranteeType): "ID" | "EmailAddress" | "URI" {
  return type === "CanonicalUser" ? "ID" : type === "AmazonCustomerByEmail" ? "EmailAddress" : "URI";
}

function grantFrom(grant: TargetGrant): GrantRow {
  const g = grant.Grantee;
  return {
    ...newGrant(),
    type: g.Type,
    value: g[granteeField(g.Type)] ?? "",
    displayName: g.DisplayName ?? null,
    permission: grant.Permission,
  };
}

/** The usual prefix of a bucket's logs. */
export const defaultPrefix = (bucket: string) => `logs/${bucket}/`;

/** The form for `config`; a bucket without logging gets the usual prefix ready. */
export function fromConfig(config: BucketLogging | null, bucket: string): LoggingForm {
  const on = config?.LoggingEnabled ?? null;
  if (!on) return { enabled: false, targetBucket: "", targetPrefix: defaultPrefix(bucket), grants: [] };
  return {
    enabled: true,
    targetBucket: on.TargetBucket,
    targetPrefix: on.TargetPrefix,
    grants: (on.TargetGrants ?? []).map(grantFrom),
  };
}

function grantTo(row: GrantRow): TargetGrant {
  const grantee: Grantee = { Type: row.type, [granteeField(row.type)]: row.value };
  if (row.displayName) grantee.DisplayName = row.displayName;
  return { Grantee: grantee, Permission: row.permission };
}

/** The configuration the form describes: `{LoggingEnabled: null}` when off. */
export function toConfig(form: LoggingForm): BucketLogging {
  if (!form.enabled) return { LoggingEnabled: null };
  return {
    LoggingEnabled: {
      TargetBucket: form.targetBucket,
      TargetPrefix: form.targetPrefix,
      ...(form.grants.length > 0 ? { TargetGrants: form.grants.map(grantTo) } : {}),
    },
  };
}

/** Whether the form can show `config` without losing anything (e.g. a grantee with two ids). */
export function formCanShow(config: BucketLogging, bucket: string): boolean {
  return sameConfig(toConfig(fromConfig(config, bucket)), config);
}

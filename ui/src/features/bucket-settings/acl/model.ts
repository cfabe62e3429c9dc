// The grants matrix: a view of an AccessControlPolicy with one row per grantee and one column per
// permission. Only the conversion lives here; every rule (what is valid, what is risky) is Rust's.
import type { AccessControlPolicy, AclTarget, Grant, Grantee, Owner, Permission } from "../../../backend";

/** The columns, in the order S3's documentation lists them. */
export const PERMISSIONS = ["FULL_CONTROL", "WRITE", "WRITE_ACP", "READ", "READ_ACP"] as const satisfies readonly Permission[];

export const ALL_USERS = "http://acs.amazonaws.com/groups/global/AllUsers";
export const AUTHENTICATED_USERS = "http://acs.amazonaws.com/groups/global/AuthenticatedUsers";
export const LOG_DELIVERY = "http://acs.amazonaws.com/groups/s3/LogDelivery";

/** Rows that are always shown (the owner and the two public groups) and cannot be removed. */
export type FixedRow = "owner" | "allUsers" | "authenticatedUsers";

export interface GranteeRow {
  grantee: Grantee;
  permissions: Permission[];
  fixed: FixedRow | null;
}

export interface Matrix {
  owner: Owner;
  rows: GranteeRow[];
}

/** The query of one ACL: a bucket's (key and version empty) or an object's (version empty = the latest). */
export function aclQueryKey(profileId: string, target: AclTarget) {
  return ["bucketConfig", profileId, target.bucket, "acl", target.key ?? "", target.versionId ?? ""] as const;
}

/** Two grantees are the same row when they name the same user, address or group. */
export function sameGrantee(a: Grantee, b: Grantee): boolean {
  if (a.Type !== b.Type) return false;
  switch (a.Type) {
    case "CanonicalUser":
      return (a.ID ?? "") === (b.ID ?? "");
    case "AmazonCustomerByEmail":
      return (a.EmailAddress ?? "") === (b.EmailAddress ?? "");
    case "Group":
      return (a.URI ?? "") === (b.URI ?? "");
  }
}

const ownerGrantee = (owner: Owner): Grantee => ({
  Type: "CanonicalUser",
  ID: owner.ID,
  ...(owner.DisplayName ? { DisplayName: owner.DisplayName } : {}),
});

/** The matrix of a policy: the owner first, then Everyone and Authenticated users, then the others as listed. */
export function toMatrix(policy: AccessControlPolicy): Matrix {
  const rows: GranteeRow[] = [
    { grantee: ownerGrantee(policy.Owner), permissions: [], fixed: "owner" },
    { grantee: { Type: "Group", URI: ALL_USERS }, permissions: [], fixed: "allUsers" },
    { grantee: { Type: "Group", URI: AUTHENTICATED_USERS }, permissions: [], fixed: "authenticatedUsers" },
  ];
  for (const grant of policy.Grants) {
    let row = rows.find((r) => sameGrantee(r.grantee, grant.Grantee));
    if (!row) {
      row = { grantee: grant.Grantee, permissions: [], fixed: null };
      rows.push(row);
    } else if (row.fixed === "owner" && grant.Grantee.DisplayName && !row.grantee.DisplayName) {
      row.grantee = { ...row.grantee, DisplayName: grant.Grantee.DisplayName };
    }
    if (!row.permissions.includes(grant.Permission)) row.permissions.push(grant.Permission);
  }
  return { owner: policy.Owner, rows };
}

/**
 * The policy the matrix stands for (a grant per ticked box, row by row) and, for each grant, the
 * row it came from: Rust names problems by grant (`Grants[3].Grantee.EmailAddress`), the form
 * shows them on the row.
 */
export function toPolicy(matrix: Matrix): { policy: AccessControlPolicy; rowOfGrant: number[] } {
  const Grants: Grant[] = [];
  const rowOfGrant: number[] = [];
  matrix.rows.forEach((row, r) => {
    for (const permission of PERMISSIONS) {
      if (!row.permissions.includes(permission)) continue;
      Grants.push({ Grantee: row.grantee, Permission: permission });
      rowOfGrant.push(r);
    }
  });
  return { policy: { Owner: matrix.owner, Grants }, rowOfGrant };
}

/** The grant index in a problem's field (`Grants[2].Grantee.URI` → 2), or null. */
export function grantIndex(field: string): number | null {
  const m = /^Grants\[(\d+)\]/.exec(field);
  return m ? Number(m[1]) : null;
}

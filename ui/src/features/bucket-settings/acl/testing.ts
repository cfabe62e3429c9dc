// Test helpers of the ACL editor: a small stand-in for Rust's checks (only what the tests need),
// wired into the mocked `api`.
import { vi } from "vitest";
import { api, type AccessControlPolicy, type ConfigDocument, type Problem } from "../../../backend";
import { ALL_USERS } from "./model";

export const OWNER = { ID: "owner-id", DisplayName: "Alice" };

export const POLICY: AccessControlPolicy = {
  Owner: OWNER,
  Grants: [
    { Grantee: { Type: "CanonicalUser", ID: "owner-id", DisplayName: "Alice" }, Permission: "FULL_CONTROL" },
    { Grantee: { Type: "Group", URI: ALL_USERS }, Permission: "READ" },
  ],
};

const problem = (field: string, code: Problem["code"], detail = ""): Problem => ({
  field,
  code,
  limit: null,
  line: null,
  column: null,
  detail,
});

/** The ACL checks as Rust names them (owner's full control, public write, a malformed address). */
export function check(doc: ConfigDocument): Problem[] {
  if (doc.kind !== "acl") return [];
  const change = doc.value;
  if (change.kind === "canned") return change.value === "public-read-write" ? [problem("ACL", "PublicWrite")] : [];
  const policy = change.value;
  const problems: Problem[] = [];
  policy.Grants.forEach((g, i) => {
    const email = g.Grantee.EmailAddress ?? "";
    if (g.Grantee.Type === "AmazonCustomerByEmail" && !email.includes("@"))
      problems.push(problem(`Grants[${i}].Grantee.EmailAddress`, "Malformed", email));
    if (g.Grantee.URI === ALL_USERS && ["WRITE", "WRITE_ACP", "FULL_CONTROL"].includes(g.Permission))
      problems.push(problem(`Grants[${i}].Permission`, "PublicWrite"));
  });
  const keeps = policy.Grants.some(
    (g) => g.Permission === "FULL_CONTROL" && g.Grantee.Type === "CanonicalUser" && g.Grantee.ID === policy.Owner.ID,
  );
  if (!keeps) problems.push(problem("Grants", "OwnerLosesFullControl", policy.Owner.ID));
  return problems;
}

/** The server holds `policy`; checks, print and parse behave as Rust's do for these tests. */
export function server(policy: AccessControlPolicy = POLICY) {
  vi.mocked(api.getAcl).mockResolvedValue(policy);
  vi.mocked(api.putAcl).mockResolvedValue(null);
  vi.mocked(api.checkConfig).mockImplementation(async (doc) => check(doc));
  vi.mocked(api.printConfig).mockImplementation(async (doc) =>
    JSON.stringify(doc.kind === "acl" && doc.value.kind === "policy" ? doc.value.value : doc.value, null, 2),
  );
  vi.mocked(api.parseConfig).mockImplementation(async (_kind, text) => {
    try {
      const value = JSON.parse(text) as AccessControlPolicy;
      const document: ConfigDocument = { kind: "acl", value: { kind: "policy", value } };
      return { document, problems: check(document) };
    } catch (e) {
      return { document: null, problems: [{ ...problem("", "JsonSyntax", String(e)), line: 1, column: 1 }] };
    }
  });
}

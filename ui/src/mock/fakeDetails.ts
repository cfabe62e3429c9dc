// DEV ONLY: the fake backend's object details commands (fakeBackend.ts spreads these and passes
// its HEAD answers through withDetailsEdits): metadata edits kept in memory, an ACL summary, a
// rough copy of Rust's metadata checks. Never part of the normal app.
import type { AclSummary, AppError, BackendCommands, ErrorCode, MetadataEdit, ObjectDetails, Problem, Result } from "../backend";

type Commands = Pick<BackendCommands, "checkMetadataEdit" | "updateObjectMetadata" | "objectAclSummary">;

const ok = <T>(data: T): Result<T, AppError> => ({ status: "ok", data });
const fail = <T>(code: ErrorCode, detail: string, status: number | null = null): Result<T, AppError> => ({
  status: "error",
  error: { code, serverCode: null, status, requestId: null, detail },
});

/** bucket/key → the details as last edited here. */
const edited = new Map<string, ObjectDetails>();
const id = (bucket: string, key: string) => `${bucket}/${key}`;

/** Extra headers on some seeded objects, so every section of the pane has something to show. */
function demo(bucket: string, d: ObjectDetails): ObjectDetails {
  if (d.key.endsWith(".md")) return { ...d, cacheControl: "max-age=300", contentLanguage: "zh-CN" };
  if (bucket === "reports") {
    return {
      ...d,
      serverSideEncryption: "aws:kms",
      sseKmsKeyId: "testkey-1",
      objectLockMode: "GOVERNANCE",
      objectLockRetainUntil: "2030-01-01T00:00:00Z",
      objectLockLegalHold: true,
      contentDisposition: "attachment; filename=\"__.pdf\"; filename*=UTF-8''%E5%B9%B4%E6%8A%A5.pdf",
      contentDispositionFileName: "年报.pdf",
    };
  }
  return d;
}

/** The fake HEAD's answer with what was edited here (and the demo headers). */
export function withDetailsEdits(bucket: string, details: ObjectDetails): ObjectDetails {
  return edited.get(id(bucket, details.key)) ?? demo(bucket, details);
}

const TCHAR = /^[A-Za-z0-9!#$%&'*+\-.^`|~]+$/;

function check(edit: MetadataEdit): Problem[] {
  const problems: Problem[] = [];
  const problem = (field: string, code: Problem["code"], detail = ""): Problem => ({ field, code, limit: null, line: null, column: null, detail });
  if (edit.contentType && !/^[^/\s]+\/[^/\s;]+/.test(edit.contentType)) problems.push(problem("ContentType", "Malformed"));
  for (const [field, v] of [
    ["CacheControl", edit.cacheControl],
    ["ContentEncoding", edit.contentEncoding],
    ["ContentLanguage", edit.contentLanguage],
  ] as const) {
    if (v && !/^[\x20-\x7e\t]*$/.test(v)) problems.push(problem(field, "Malformed"));
  }
  if (edit.expires && Number.isNaN(Date.parse(edit.expires))) problems.push(problem("Expires", "Malformed"));
  if (edit.storageClass && !/^[A-Z0-9_]+$/.test(edit.storageClass)) problems.push(problem("StorageClass", "Malformed"));
  const seen = new Set<string>();
  let bytes = 0;
  const utf8 = new TextEncoder();
  edit.metadata.forEach((p, i) => {
    if (p.name === "" && p.value === "") return;
    const field = `Metadata[${i}].Name`;
    if (p.name === "") problems.push(problem(field, "Required"));
    else if (p.name.includes("_") && TCHAR.test(p.name)) problems.push(problem(field, "NotAllowed"));
    else if (!TCHAR.test(p.name) || p.name.includes("_")) problems.push(problem(field, "Malformed"));
    else if (seen.has(p.name.toLowerCase())) problems.push(problem(field, "Duplicate"));
    seen.add(p.name.toLowerCase());
    bytes += utf8.encode(p.name).length + utf8.encode(p.value).length;
  });
  if (bytes > 2048) problems.push({ ...problem("Metadata", "TooLong", `${bytes} bytes`), limit: 2048 });
  return problems;
}

export function fakeDetails(deps: {
  bucketExists: (profileId: string, bucket: string) => boolean;
  headObject: (profileId: string, bucket: string, key: string) => Promise<Result<ObjectDetails, AppError>>;
}): Commands {
  return {
    async checkMetadataEdit(edit) {
      return check(edit);
    },
    async updateObjectMetadata(profileId, bucket, key, edit) {
      await new Promise((r) => setTimeout(r, 300));
      if (check(edit).length > 0) return fail("InvalidInput", "the edit has problems");
      const now = await deps.headObject(profileId, bucket, key);
      if (now.status === "error") return now;
      const d = now.data;
      if (edit.expectedEtag && edit.expectedEtag !== d.etag) return fail("PreconditionFailed", "the object changed since you opened it; nothing was saved", 412);
      if (d.objectType === "Appendable") return fail("InvalidInput", "an Appendable object becomes a normal one when its metadata is changed");
      if (edit.storageClass && !["STANDARD", "STANDARD_IA", "GLACIER"].includes(edit.storageClass)) {
        return fail("InvalidStorageClass", `the server has no storage class "${edit.storageClass}"; nothing was changed`, 400);
      }
      const metadata: Record<string, string> = {};
      for (const p of edit.metadata) if (p.name !== "") metadata[p.name.toLowerCase()] = p.value;
      const name = /filename="([^"]*)"/.exec(edit.contentDisposition ?? "")?.[1] ?? null;
      const saved: ObjectDetails = {
        ...d,
        contentType: edit.contentType ?? "binary/octet-stream",
        cacheControl: edit.cacheControl,
        contentDisposition: edit.contentDisposition,
        contentDispositionFileName: name,
        contentEncoding: edit.contentEncoding,
        contentLanguage: edit.contentLanguage,
        expires: edit.expires ? new Date(edit.expires).toUTCString() : null,
        storageClass: edit.storageClass ?? d.storageClass,
        metadata,
        rawMetadata: {},
        lastModified: new Date().toISOString(),
      };
      edited.set(id(bucket, key), saved);
      return ok(saved);
    },
    async objectAclSummary(profileId, bucket) {
      await new Promise((r) => setTimeout(r, 120));
      if (!deps.bucketExists(profileId, bucket)) return fail("NoSuchBucket", `The specified bucket does not exist: ${bucket}`, 404);
      if (bucket === "backups") return fail("AccessDenied", "", 403);
      const shared = bucket === "team-share";
      const summary: AclSummary = {
        owner: { ID: "dev", DisplayName: "Dev User" },
        publicRead: shared,
        publicWrite: false,
        authenticatedUsers: false,
        grants: shared ? 2 : 1,
        others: shared ? 1 : 0,
      };
      return ok(summary);
    },
  };
}

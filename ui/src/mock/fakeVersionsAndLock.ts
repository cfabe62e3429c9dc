// DEV ONLY: the fake backend's lifecycle, object lock, default encryption, logging, versions,
// legal hold and retention (fakeBackend.ts spreads these commands). Fixtures: "backups" is
// versioned with a few versions and a delete marker under reports/, has object lock with a
// governance default and a legal hold on one version, and answers encryption and logging as
// unsupported (as radosgw 16.2 does); "photos" has two lifecycle rules.
// Never part of the normal app.
import type {
  AppError,
  BackendCommands,
  BucketLogging,
  EncryptionConfiguration,
  ErrorCode,
  LifecycleConfiguration,
  ObjectLockConfiguration,
  ObjectVersion,
  Result,
  Retention,
} from "../backend";

type Commands = Pick<
  BackendCommands,
  | "getBucketLifecycle"
  | "putBucketLifecycle"
  | "deleteBucketLifecycle"
  | "getBucketObjectLock"
  | "putBucketObjectLock"
  | "getBucketEncryption"
  | "putBucketEncryption"
  | "deleteBucketEncryption"
  | "getBucketLogging"
  | "putBucketLogging"
  | "listObjectVersions"
  | "restoreObjectVersion"
  | "deleteObjectVersion"
  | "getLegalHold"
  | "putLegalHold"
  | "getObjectRetention"
  | "putObjectRetention"
>;

const ok = <T>(data: T): Result<T, AppError> => ({ status: "ok", data });
const fail = (code: ErrorCode, detail: string, status: number | null = 400): Result<never, AppError> => ({
  status: "error",
  error: { code, serverCode: null, status, requestId: status === null ? null : `tx-fake-${Date.now()}`, detail },
});
const delay = (ms = 60) => new Promise((r) => setTimeout(r, ms));
const UNSUPPORTED = "backups";
const PAGE = 4;

export function fakeVersionsAndLock(bucketExists: (profileId: string, bucket: string) => boolean): Commands {
  const lifecycles = new Map<string, LifecycleConfiguration>([
    [
      "photos",
      {
        Rules: [
          { ID: "expire-tmp", Status: "Enabled", Filter: { Prefix: "tmp/" }, Expiration: { Days: 7 } },
          {
            ID: "archive-old",
            Status: "Disabled",
            Filter: { And: { Prefix: "2024/", Tags: [{ Key: "archive", Value: "yes" }] } },
            Transitions: [{ Days: 90, StorageClass: "GLACIER" }],
          },
        ],
      },
    ],
  ]);
  const locks = new Map<string, ObjectLockConfiguration>([
    ["backups", { ObjectLockEnabled: true, Rule: { DefaultRetention: { Mode: "GOVERNANCE", Days: 30 } } }],
  ]);
  const encryption = new Map<string, EncryptionConfiguration>();
  const logging = new Map<string, BucketLogging>();
  const day = (n: number) => new Date(Date.UTC(2026, 10, n)).toISOString();
  const versions = new Map<string, ObjectVersion[]>([
    [
      "backups",
      [
        { key: "reports/q3.pdf", versionId: "m-3", isLatest: true, deleteMarker: true, size: 0, lastModified: day(20), etag: null, storageClass: null },
        { key: "reports/q3.pdf", versionId: "v-3", isLatest: false, deleteMarker: false, size: 2_400_000, lastModified: day(12), etag: '"c3"', storageClass: "STANDARD" },
        { key: "reports/q3.pdf", versionId: "v-2", isLatest: false, deleteMarker: false, size: 2_300_000, lastModified: day(5), etag: '"c2"', storageClass: "STANDARD" },
        { key: "reports/q3.pdf", versionId: "v-1", isLatest: false, deleteMarker: false, size: 2_100_000, lastModified: day(1), etag: '"c1"', storageClass: "STANDARD" },
        { key: "reports/summary.txt", versionId: "s-1", isLatest: true, deleteMarker: false, size: 1200, lastModified: day(2), etag: '"s1"', storageClass: "STANDARD" },
      ],
    ],
  ]);
  const holds = new Map<string, boolean>([["backups\nreports/q3.pdf\nv-1", true]]);
  const retentions = new Map<string, Retention>([["backups\nreports/q3.pdf\nv-2", { mode: "GOVERNANCE", retainUntil: "2027-01-01T00:00:00Z" }]]);
  const ref = (t: { bucket: string; key: string; versionId: string | null }) => `${t.bucket}\n${t.key}\n${t.versionId ?? ""}`;
  const missing = (profileId: string, bucket: string) =>
    bucketExists(profileId, bucket) ? null : fail("NoSuchBucket", "The specified bucket does not exist", 404);
  const unsupported = (bucket: string, what: string) =>
    bucket === UNSUPPORTED
      ? fail("UnsupportedByServer", `this server does not support the bucket's "${what}" configuration: it answered the request with an object listing`, null)
      : null;

  return {
    async getBucketLifecycle(profileId, bucket) {
      await delay();
      return missing(profileId, bucket) ?? ok(lifecycles.get(bucket) ?? null);
    },
    async putBucketLifecycle(profileId, bucket, config) {
      await delay();
      lifecycles.set(bucket, config);
      return missing(profileId, bucket) ?? ok(null);
    },
    async deleteBucketLifecycle(profileId, bucket) {
      await delay();
      lifecycles.delete(bucket);
      return missing(profileId, bucket) ?? ok(null);
    },
    async getBucketObjectLock(profileId, bucket) {
      await delay();
      return missing(profileId, bucket) ?? ok(locks.get(bucket) ?? null);
    },
    async putBucketObjectLock(profileId, bucket, config) {
      await delay();
      if (!locks.has(bucket)) return fail("InvalidBucketState", "Object Lock configuration cannot be enabled on existing buckets", 409);
      locks.set(bucket, config);
      return missing(profileId, bucket) ?? ok(null);
    },
    async getBucketEncryption(profileId, bucket) {
      await delay();
      return missing(profileId, bucket) ?? unsupported(bucket, "encryption") ?? ok(encryption.get(bucket) ?? null);
    },
    async putBucketEncryption(profileId, bucket, config) {
      await delay();
      encryption.set(bucket, config);
      return missing(profileId, bucket) ?? unsupported(bucket, "encryption") ?? ok(null);
    },
    async deleteBucketEncryption(profileId, bucket) {
      await delay();
      encryption.delete(bucket);
      return missing(profileId, bucket) ?? unsupported(bucket, "encryption") ?? ok(null);
    },
    async getBucketLogging(profileId, bucket) {
      await delay();
      return missing(profileId, bucket) ?? unsupported(bucket, "logging") ?? ok(logging.get(bucket) ?? { LoggingEnabled: null });
    },
    async putBucketLogging(profileId, bucket, config) {
      await delay();
      logging.set(bucket, config);
      return missing(profileId, bucket) ?? unsupported(bucket, "logging") ?? ok(null);
    },
    async listObjectVersions(profileId, bucket, prefix, keyMarker, versionIdMarker) {
      await delay();
      const gone = missing(profileId, bucket);
      if (gone) return gone;
      const all = (versions.get(bucket) ?? []).filter((v) => v.key.startsWith(prefix));
      let from = 0;
      if (keyMarker !== null) from = all.findIndex((v) => v.key === keyMarker && v.versionId === versionIdMarker) + 1;
      const page = all.slice(from, from + PAGE);
      const last = page[page.length - 1];
      const more = from + PAGE < all.length;
      return ok({ versions: page, nextKeyMarker: more ? last.key : null, nextVersionIdMarker: more ? last.versionId : null });
    },
    async restoreObjectVersion(profileId, target) {
      await delay();
      const list = versions.get(target.bucket) ?? [];
      const source = list.find((v) => v.key === target.key && v.versionId === target.versionId);
      if (!source) return fail("NoSuchVersion", "The specified version does not exist", 404);
      const copy: ObjectVersion = { ...source, versionId: `r-${Date.now()}`, isLatest: true, lastModified: new Date().toISOString() };
      versions.set(target.bucket, [copy, ...list.map((v) => (v.key === target.key ? { ...v, isLatest: false } : v))]);
      return missing(profileId, target.bucket) ?? ok(null);
    },
    async deleteObjectVersion(profileId, target, bypassGovernance) {
      await delay();
      if (holds.get(ref(target))) return fail("ObjectLocked", "a legal hold is on this version: nobody can delete it until the hold is removed", null);
      const retention = retentions.get(ref(target));
      if (retention && !(retention.mode === "GOVERNANCE" && bypassGovernance))
        return fail("ObjectLocked", `${retention.mode} retention until ${retention.retainUntil}`, null);
      versions.set(target.bucket, (versions.get(target.bucket) ?? []).filter((v) => !(v.key === target.key && v.versionId === target.versionId)));
      return missing(profileId, target.bucket) ?? ok(null);
    },
    async getLegalHold(profileId, target) {
      await delay();
      return missing(profileId, target.bucket) ?? ok(holds.has(ref(target)) ? (holds.get(ref(target)) ?? null) : null);
    },
    async putLegalHold(profileId, target, on) {
      await delay();
      holds.set(ref(target), on);
      return missing(profileId, target.bucket) ?? ok(null);
    },
    async getObjectRetention(profileId, target) {
      await delay();
      return missing(profileId, target.bucket) ?? ok(retentions.get(ref(target)) ?? null);
    },
    async putObjectRetention(profileId, target, retention, bypassGovernance) {
      await delay();
      const old = retentions.get(ref(target));
      if (old && old.retainUntil > retention.retainUntil && !(old.mode === "GOVERNANCE" && bypassGovernance))
        return fail("AccessDenied", "shortening a retention needs the governance bypass", 403);
      retentions.set(ref(target), retention);
      return missing(profileId, target.bucket) ?? ok(null);
    },
  };
}

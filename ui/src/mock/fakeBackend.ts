// DEV ONLY: an in-memory stand-in for the Rust backend, loaded by backend.ts (dynamic import) only
// when VITE_MOCK_BACKEND=1, so the look and the virtualized scrolling can be checked in a plain
// browser (`npm run dev:mock`). Never part of the normal app.
//
// It serves fixtures and keeps what is done to them; it encodes no validation rule (names,
// endpoints, fields): those live in Rust only, so every input is accepted here.
import type {
  AppError,
  BackendCommands,
  BackendEvents,
  BucketSummary,
  BucketVersioning,
  ErrorCode,
  ObjectDetails,
  ObjectEntry,
  Profile,
  Result,
  TopicSummary,
} from "../backend";
import { fakeBucketTools, isAppendable } from "./fakeBucketTools";
import { fakeBucketConfig } from "./fakeBucketConfig";
import { fakeConnections } from "./fakeConnections";
import { fakeCustomerKeyRefusal, fakeCustomerKeys, fakeIsEncrypted } from "./fakeCustomerKeys";
import { fakeDetails, withDetailsEdits } from "./fakeDetails";
import { fakeImages } from "./fakeImages";
import { fakeSearch } from "./fakeSearch";
import { fakePreview } from "./fakePreview";
import { fakeSharing } from "./fakeSharing";
import { fakeTopics } from "./fakeTopics";
import { fakeVersionsAndLock } from "./fakeVersionsAndLock";
import { fakeDroppedFiles, fakeTransferCommands, onFakeTransfersChanged } from "./fakeTransfers";

const delay = (ms: number) => new Promise((r) => setTimeout(r, ms));

function ok<T>(data: T): Result<T, AppError> {
  return { status: "ok", data };
}

function fail<T>(code: ErrorCode, detail: string, status: number | null = null, requestId: string | null = null): Result<T, AppError> {
  return { status: "error", error: { code, serverCode: null, status, requestId, detail } };
}

function requestId(): string {
  return `tx00000${Math.floor(Math.random() * 0xffffffff).toString(16)}-0066a1b2c-3d4e-default`;
}

// ---- seeded data ----
let seed = 42;
function rand(): number {
  seed = (seed * 1664525 + 1013904223) % 4294967296;
  return seed / 4294967296;
}

function etag(): string {
  let s = "";
  for (let i = 0; i < 32; i++) s += Math.floor(rand() * 16).toString(16);
  return `"${s}"`;
}

function entry(key: string, size?: number, daysAgo?: number): ObjectEntry {
  const when = Date.UTC(2025, 5, 30) - Math.floor((daysAgo ?? rand() * 700) * 86_400_000);
  return {
    key,
    size: size ?? Math.floor(rand() ** 3 * 80 * 1024 * 1024),
    lastModified: when,
    storageClass: rand() < 0.85 ? "STANDARD" : "STANDARD_IA",
    etag: etag(),
  };
}

let profiles: Profile[] = [
  {
    id: "p-dev",
    name: "ZOS Beijing (dev)",
    endpoint: "http://127.0.0.1:7480",
    region: "default",
    pathStyle: true,
    accessKeyId: "AKIADEVEXAMPLE0001",
  },
  {
    id: "p-prod",
    name: "ZOS Shanghai",
    endpoint: "https://zos-sh.example.com",
    region: "default",
    pathStyle: true,
    accessKeyId: "AKIAPRODEXAMPLE002",
  },
  {
    // A key that may not list buckets (ListBuckets → AccessDenied): it opens "team-share" by name.
    id: "p-scoped",
    name: "ZOS (one bucket's key)",
    endpoint: "https://zos-sh.example.com",
    region: "default",
    pathStyle: true,
    accessKeyId: "AKIASCOPEDEXAMPLE3",
  },
];

/** The profiles whose key may not list buckets. */
const mayNotList = new Set(["p-scoped"]);

const buckets = new Map<string, BucketSummary[]>([
  [
    "p-dev",
    [
      { name: "photos", creationDate: "2024-03-12T08:21:00Z" },
      { name: "backups", creationDate: "2023-11-02T16:45:00Z" },
      { name: "logs-2025", creationDate: "2025-01-01T00:00:00Z" },
      { name: "team-share", creationDate: "2024-09-18T10:03:00Z" },
      { name: "empty-bucket", creationDate: "2025-06-01T12:00:00Z" },
      { name: "huge", creationDate: "2025-02-02T02:02:00Z" },
    ],
  ],
  ["p-prod", [{ name: "reports", creationDate: "2022-07-04T09:00:00Z" }]],
  ["p-scoped", [{ name: "team-share", creationDate: "2024-09-18T10:03:00Z" }]],
]);

/** bucket → objects sorted by key */
const objects = new Map<string, ObjectEntry[]>();

function seedObjects() {
  const photos: ObjectEntry[] = [];
  for (let i = 1; i <= 5000; i++) photos.push(entry(`IMG_${String(i).padStart(5, "0")}.jpg`));
  for (const y of ["2023", "2024"]) for (let i = 1; i <= 300; i++) photos.push(entry(`${y}/trip-${i}.jpg`));
  for (let i = 1; i <= 40; i++) photos.push(entry(`2024/summer/beach-${i}.heic`));
  for (let i = 1; i <= 25; i++) photos.push(entry(`raw/DSC${1000 + i}.ARW`, 24_000_000 + i * 1000));
  photos.push(entry("album.json", 18_432, 3), entry("README.md", 1_536, 40), entry("thumbnails/", 0, 100));
  for (let i = 1; i <= 12; i++) photos.push(entry(`thumbnails/t${i}.png`, 40_000 + i));
  objects.set("photos", photos.sort((a, b) => (a.key < b.key ? -1 : 1)));
  objects.set(
    "backups",
    [entry("db/2025-06-29.sql.gz", 734_003_200, 1), entry("db/2025-06-30.sql.gz", 741_343_232, 0), entry("etc.tar", 10_485_760)],
  );
  objects.set("logs-2025", Array.from({ length: 180 }, (_, i) => entry(`app/2025-01-${String((i % 28) + 1).padStart(2, "0")}-${i}.log`)));
  objects.set("team-share", [entry("Q2 plan.docx", 204_800), entry("budget.xlsx", 58_112), entry("logo.svg", 4_096)]);
  objects.set("empty-bucket", []);
  // 100,000 objects, to check that scrolling and sorting stay smooth.
  objects.set("huge", Array.from({ length: 100_000 }, (_, i) => entry(`data/part-${String(i).padStart(6, "0")}.parquet`)));
  objects.set("reports", [entry("2024/annual.pdf", 3_145_728)]);
}
seedObjects();

function sorted(list: ObjectEntry[]) {
  return list.sort((a, b) => (a.key < b.key ? -1 : 1));
}

function bucketExists(profileId: string, bucket: string) {
  return buckets.get(profileId)?.some((b) => b.name === bucket) ?? false;
}

const noBucket = <T>(bucket: string) =>
  fail<T>("NoSuchBucket", `The specified bucket does not exist: ${bucket}`, 404, requestId());

// ---- events ----
const eventListeners = new Map<keyof BackendEvents, Set<(payload: never) => void>>();

/**
 * Subscribes to a fake event: transfer updates come from the fake engine; drops and drags never
 * come from a plain browser, but `window.__zosFakeDrop(x, y)` in the console drops a folder there.
 */
export function onFakeEvent<K extends keyof BackendEvents>(name: K, cb: (payload: BackendEvents[K]) => void): () => void {
  if (name === "transfersChanged") return onFakeTransfersChanged(cb as (payload: BackendEvents["transfersChanged"]) => void);
  const set = eventListeners.get(name) ?? new Set();
  eventListeners.set(name, set);
  set.add(cb);
  return () => set.delete(cb);
}

function emit<K extends keyof BackendEvents>(name: K, payload: BackendEvents[K]) {
  eventListeners.get(name)?.forEach((cb) => (cb as (p: BackendEvents[K]) => void)(payload));
}

Object.assign(window, {
  __zosFakeDrop: (x: number, y: number) => emit("filesDropped", { files: fakeDroppedFiles(), position: { x, y } }),
});

const versioning = new Map<string, BucketVersioning>([["backups", { status: "Enabled", mfaDelete: null }]]);

const topics = new Map<string, TopicSummary[]>([
  [
    "p-dev",
    [
      { name: "uploads", arn: "arn:aws:sns:default::uploads" },
      { name: "deletions", arn: "arn:aws:sns:default::deletions" },
    ],
  ],
]);

export const fakeCommands: BackendCommands = {
  ...fakeSearch({ bucketExists, objectsOf: (bucket) => objects.get(bucket) ?? [] }),
  ...fakeSharing(),
  ...fakeConnections({ bucketExists, addProfile: (p) => void (profiles = [...profiles, p]) }),
  ...fakeCustomerKeys(),
  ...fakePreview({ bucketExists, objectsOf: (bucket) => objects.get(bucket) ?? [] }),
  ...fakeImages({
    bucketExists,
    objectsOf: (bucket) => objects.get(bucket) ?? [],
    setObjects: (bucket, list) => objects.set(bucket, list),
  }),
  ...fakeBucketConfig(bucketExists),
  ...fakeDetails({ bucketExists, headObject: (p, b, k) => fakeCommands.headObject(p, b, k) }),
  ...fakeVersionsAndLock(bucketExists),
  ...fakeTopics(
    (profileId) => topics.get(profileId) ?? [],
    (profileId, list) => topics.set(profileId, list),
    bucketExists,
  ),
  ...fakeBucketTools({
    bucketExists,
    objectsOf: (bucket) => objects.get(bucket) ?? [],
    setObjects: (bucket, list) => objects.set(bucket, list),
  }),
  ...fakeTransferCommands({
    bucketExists,
    objectsOf: (bucket) => objects.get(bucket) ?? [],
    putObject: (bucket, key, size) => {
      const list = (objects.get(bucket) ?? []).filter((o) => o.key !== key);
      objects.set(bucket, sorted([...list, entry(key, size, 0)]));
    },
    deleteObject: (bucket, key) => objects.set(bucket, (objects.get(bucket) ?? []).filter((o) => o.key !== key)),
  }),
  async listProfiles() {
    await delay(80);
    return ok(profiles.slice());
  },
  async saveProfile(input) {
    await delay(150);
    const id = input.id ?? `p-${Date.now()}`;
    const existing = profiles.find((p) => p.id === id);
    const saved: Profile = {
      id,
      name: input.name,
      endpoint: input.endpoint,
      region: input.region,
      pathStyle: input.pathStyle,
      accessKeyId: input.accessKeyId,
    };
    profiles = existing ? profiles.map((p) => (p.id === id ? saved : p)) : [...profiles, saved];
    if (!buckets.has(id)) buckets.set(id, []);
    return ok(saved);
  },
  async deleteProfile(id) {
    await delay(80);
    if (!profiles.some((p) => p.id === id)) return fail("ProfileNotFound", `no profile with id ${id}`);
    profiles = profiles.filter((p) => p.id !== id);
    return ok(null);
  },
  async checkProfile(input) {
    await delay(30);
    // A fixture answer, not a rule: the seeded dev profile is the unencrypted one.
    return ok({ problems: [], plainHttp: input.id === "p-dev" });
  },
  async chooseCaCertificate() {
    await delay(30);
    // What Rust's dialog and check answer for a chosen CA file: a handle and its summary.
    return ok({
      handle: "fake-ca",
      summary: {
        subject: "CN=Example Corp Root CA, O=Example Corp",
        issuer: "CN=Example Corp Root CA, O=Example Corp",
        notBefore: "2024-01-01T00:00:00Z",
        notAfter: "2034-01-01T00:00:00Z",
        expired: false,
        certificates: 1,
      },
    });
  },
  async testConnection(input) {
    await delay(400);
    return ok({
      bucketCount: buckets.get(input.id ?? "")?.length ?? 0,
      latencyMs: 23,
      serverTime: new Date().toISOString(),
      clockSkewSeconds: 1,
      clockSkewWarning: false,
      canListBuckets: !mayNotList.has(input.id ?? ""),
    });
  },
  async listBuckets(profileId) {
    await delay(150);
    if (mayNotList.has(profileId)) return fail("AccessDenied", "Access Denied", 403, requestId());
    return ok((buckets.get(profileId) ?? []).slice().sort((a, b) => a.name.localeCompare(b.name)));
  },
  async checkBucketName() {
    // A fixture: the fake encodes no rule (Rust has the only one).
    await delay(60);
    return ok({ verdict: "Valid", problem: null, part: null });
  },
  async createBucket(profileId, request) {
    await delay(300);
    if ([...buckets.values()].some((l) => l.some((b) => b.name === request.name))) {
      return fail("BucketAlreadyExists", "The requested bucket name is not available.", 409, requestId());
    }
    buckets.get(profileId)?.push({ name: request.name, creationDate: new Date().toISOString() });
    objects.set(request.name, []);
    return ok(null);
  },
  async deleteBucket(profileId, bucket) {
    await delay(250);
    if (!bucketExists(profileId, bucket)) return noBucket(bucket);
    if ((objects.get(bucket)?.length ?? 0) > 0) {
      return fail("BucketNotEmpty", "The bucket you tried to delete is not empty.", 409, requestId());
    }
    buckets.set(profileId, buckets.get(profileId)!.filter((b) => b.name !== bucket));
    return ok(null);
  },
  async bucketUsage(profileId, bucket) {
    await delay(120);
    if (!bucketExists(profileId, bucket)) return noBucket(bucket);
    const list = objects.get(bucket) ?? [];
    return ok({ objectCount: list.length, bytesUsed: list.reduce((s, o) => s + o.size, 0) });
  },
  async listObjects(profileId, bucket, prefix, continuationToken, maxKeys) {
    await delay(180);
    if (!bucketExists(profileId, bucket)) return noBucket(bucket);
    // What ListObjectsV2 with delimiter "/" returns: CommonPrefixes and Contents in key order.
    const merged: ({ folder: string } | { object: ObjectEntry })[] = [];
    let lastFolder = "";
    for (const o of objects.get(bucket) ?? []) {
      if (!o.key.startsWith(prefix)) continue;
      const rest = o.key.slice(prefix.length);
      const slash = rest.indexOf("/");
      if (slash >= 0) {
        const folder = prefix + rest.slice(0, slash + 1);
        if (folder !== lastFolder) merged.push({ folder });
        lastFolder = folder;
      } else merged.push({ object: o });
    }
    const start = continuationToken ? Number(continuationToken) : 0;
    const end = Math.min(merged.length, start + (maxKeys ?? 1000));
    const slice = merged.slice(start, end);
    return ok({
      bucket,
      prefix,
      folders: slice.flatMap((m) => ("folder" in m ? [m.folder] : [])),
      objects: slice.flatMap((m) => ("object" in m ? [m.object] : [])),
      nextToken: end < merged.length ? String(end) : null,
    });
  },
  async headObject(profileId, bucket, key) {
    await delay(90);
    if (!bucketExists(profileId, bucket)) return noBucket(bucket);
    const o = objects.get(bucket)?.find((e) => e.key === key);
    if (!o) return fail("NoSuchKey", "The specified key does not exist.", 404, requestId());
    const locked = fakeCustomerKeyRefusal(profileId, bucket, key);
    if (locked) return fail(locked.code, locked.detail, locked.status, requestId());
    const ext = key.split(".").pop()?.toLowerCase();
    const types: Record<string, string> = { jpg: "image/jpeg", png: "image/png", md: "text/markdown", json: "application/json" };
    const details: ObjectDetails = {
      ...o,
      lastModified: o.lastModified === null ? null : new Date(o.lastModified).toISOString(),
      contentType: types[ext ?? ""] ?? "application/octet-stream",
      versionId: null,
      objectType: isAppendable(bucket, key) ? "Appendable" : "Normal",
      metadata: ext === "jpg" ? { camera: "X-T5", "uploaded-by": "zos-browser", title: "项目报告" } : {},
      rawMetadata: ext === "jpg" ? { title: "=?UTF-8?B?6aG555uu5oql5ZGK?=" } : {},
      ...(fakeIsEncrypted(key) ? { sseCustomerAlgorithm: "AES256" } : {}),
    };
    return ok(withDetailsEdits(bucket, details));
  },
  async getBucketVersioning(profileId, bucket) {
    await delay(90);
    if (!bucketExists(profileId, bucket)) return noBucket(bucket);
    return ok(versioning.get(bucket) ?? null);
  },
  async putBucketVersioning(profileId, bucket, status) {
    await delay(150);
    if (!bucketExists(profileId, bucket)) return noBucket(bucket);
    versioning.set(bucket, { status, mfaDelete: null });
    return ok(null);
  },
  async listTopics(profileId) {
    await delay(120);
    return ok(topics.get(profileId) ?? []);
  },
  async deleteObjects(profileId, bucket, keys) {
    await delay(200);
    if (!bucketExists(profileId, bucket)) return noBucket(bucket);
    const gone = new Set(keys);
    objects.set(bucket, (objects.get(bucket) ?? []).filter((o) => !gone.has(o.key)));
    return ok({ deleted: keys, failed: [] });
  },
};

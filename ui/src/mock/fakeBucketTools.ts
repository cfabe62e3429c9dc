// DEV ONLY: the fake backend's folder delete, append and multipart uploads (fakeBackend.ts spreads
// these commands), with fixtures that show every path of the UI in `npm run dev:mock`:
// - photos: "2024/summer/" gets a new object from "another writer" on the first folder delete
//   (Conflict, then counting again works); in team-share, "contracts/2025 lease (legal hold).pdf"
//   cannot be deleted.
// - logs-2025: app/*.log are appendable; "app/live.log" grows under a busy writer once, so the
//   first append to it at the length read before is refused (PositionNotEqualToLength).
// - photos and backups: multipart uploads in progress (four a page, so "Load more" shows), one
//   started by the fake engine's unfinished transfer (resumable), parts ten a page.
// Never part of the normal app.
import type { AppError, BackendCommands, ErrorCode, MultipartUpload, ObjectEntry, Result } from "../backend";

export interface FakeObjects {
  bucketExists: (profileId: string, bucket: string) => boolean;
  objectsOf: (bucket: string) => ObjectEntry[];
  /** Replaces a bucket's objects (kept sorted by the caller). */
  setObjects: (bucket: string, list: ObjectEntry[]) => void;
}

type Commands = Pick<
  BackendCommands,
  | "summarizeFolder"
  | "deleteFolder"
  | "appendFile"
  | "listMultipartUploads"
  | "listUploadParts"
  | "abortMultipartUpload"
  | "abortMultipartUploadsOlderThan"
  | "resumableUploads"
>;

const MIB = 1024 * 1024;
const DAY = 86_400_000;
const HOUR = 3_600_000;
/** Uploads per ListMultipartUploads page (the server's is 1000: small here so paging shows). */
const UPLOADS_PAGE = 4;
/** Parts per ListParts page. */
const PARTS_PAGE = 10;

const delay = (ms: number) => new Promise((r) => setTimeout(r, ms));
const ok = <T>(data: T): Result<T, AppError> => ({ status: "ok", data });
const fail = <T>(code: ErrorCode, detail: string, status: number | null = null): Result<T, AppError> => ({
  status: "error",
  error: { code, serverCode: null, status, requestId: status ? `tx00000fake-${Date.now().toString(16)}` : null, detail },
});
const noBucket = <T>(bucket: string) => fail<T>("NoSuchBucket", `The specified bucket does not exist: ${bucket}`, 404);

function hash(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h >>> 0;
}

function fakeEtag(seed: string): string {
  let s = "";
  for (let i = 0; i < 4; i++) s += hash(`${seed}#${i}`).toString(16).padStart(8, "0");
  return `"${s}"`;
}

/** Objects created or grown by an append (plus every *.log, as in headObject). */
const appendable = new Set<string>();

/** Whether headObject should say Appendable. */
export function isAppendable(bucket: string, key: string): boolean {
  return key.endsWith(".log") || appendable.has(`${bucket}/${key}`);
}

/** Sizes of the files the fake dialogs choose (fakeTransfers.ts), by handle. */
const LOCAL_SIZES: Record<string, number> = { "fake-file-readme": 1_536, "fake-file-notes": 512 };

const LEGAL_HOLD = "(legal hold)";

// ---- multipart uploads ----

const now = Date.now();
const upload = (key: string, uploadId: string, ageMs: number, storageClass = "STANDARD", owner = "dev"): MultipartUpload => ({
  key,
  uploadId,
  initiated: now - ageMs,
  storageClass,
  owner,
});

const uploads = new Map<string, MultipartUpload[]>([
  [
    "photos",
    [
      upload("2024/summer/beach-video.mov", "2~QmVhY2hWaWRlbw", 20 * 60_000),
      upload("backup/photos-2024.tar", "2~YmFja3VwVGFy", 9 * DAY + 2 * HOUR, "STANDARD_IA", "backup-bot"),
      upload("imports/scan-041.pdf", "2~aW1wb3J0U2Nhbg", DAY + 3 * HOUR),
      upload("raw/DSC1030.ARW", "2~cmF3RFNDMTAzMA", 3 * HOUR),
      upload("thumbnails/cache.bin", "2~dGh1bWJDYWNoZQ", 100 * DAY, "STANDARD", "ops-cleanup-service-account"),
      upload("videos/holiday-2024.mp4", "2~dmlkZW9PbGQ", 40 * DAY),
      upload("videos/holiday-2024.mp4", "2~dmlkZW9OZXc", 12 * DAY),
    ],
  ],
  [
    "backups",
    [upload("db/2025-06-01.sql.gz", "2~ZGIwNjAx", 33 * DAY), upload("db/2025-06-30.sql.gz", "2~ZGIwNjMw", 2 * DAY)],
  ],
]);

/** Uploads the fake engine started: the unfinished transfer of "the last run" (id 1) in photos/imports/. */
const resumable = new Map<string, number>([["2~aW1wb3J0U2Nhbg", 1]]);

function sortedUploads(bucket: string): MultipartUpload[] {
  // As S3 lists them: by key, then (same key) by when they were started.
  return (uploads.get(bucket) ?? []).slice().sort((a, b) => (a.key === b.key ? (a.initiated ?? 0) - (b.initiated ?? 0) : a.key < b.key ? -1 : 1));
}

function partsOf(u: MultipartUpload) {
  const count = u.uploadId === "2~QmVhY2hWaWRlbw" ? 0 : 3 + (hash(u.uploadId) % 22);
  return Array.from({ length: count }, (_, i) => ({
    number: i + 1,
    size: i === count - 1 ? 16 * MIB - (hash(u.key) % (8 * MIB)) : 16 * MIB,
    etag: fakeEtag(`${u.uploadId}/${i}`),
    lastModified: (u.initiated ?? now) + (i + 1) * 30_000,
  }));
}

export function fakeBucketTools(store: FakeObjects): Commands {
  // Fixtures in the shared object list: a key that refuses to be deleted, a log with a writer.
  const share = store.objectsOf("team-share");
  if (!share.some((o) => o.key.startsWith("contracts/"))) {
    const contract = (key: string, size: number): ObjectEntry => ({ key, size, lastModified: now - 30 * DAY, storageClass: "STANDARD", etag: fakeEtag(key) });
    const added = [contract("contracts/2024 supplier.pdf", 412_000), contract(`contracts/2025 lease ${LEGAL_HOLD}.pdf`, 1_288_000), contract("contracts/draft.docx", 58_000)];
    store.setObjects("team-share", sortByKey([...share, ...added]));
  }
  const logs = store.objectsOf("logs-2025");
  if (!logs.some((o) => o.key === "app/live.log")) {
    const live: ObjectEntry = { key: "app/live.log", size: 48_213, lastModified: now - 5 * 60_000, storageClass: "STANDARD", etag: fakeEtag("live") };
    store.setObjects("logs-2025", sortByKey([...logs, live]));
  }
  /** Folders another writer adds to while the user decides (once each). */
  const busyFolders = new Set(["photos/2024/summer/"]);
  /** Appendable objects another writer appends to once, after their length was read. */
  const busyLogs = new Set(["logs-2025/app/live.log"]);

  return {
    async summarizeFolder(profileId, bucket, prefix) {
      await delay(400);
      if (!store.bucketExists(profileId, bucket)) return noBucket(bucket);
      const under = store.objectsOf(bucket).filter((o) => o.key.startsWith(prefix));
      return ok({ prefix, objects: under.length, bytes: under.reduce((n, o) => n + o.size, 0) });
    },

    async deleteFolder(profileId, bucket, prefix, expectedObjects) {
      await delay(300);
      if (!store.bucketExists(profileId, bucket)) return noBucket(bucket);
      for (const busy of busyFolders) {
        if (!busy.startsWith(`${bucket}/${prefix}`)) continue;
        busyFolders.delete(busy);
        const key = `${busy.slice(bucket.length + 1)}beach-new-${Date.now() % 1000}.heic`;
        const added: ObjectEntry = { key, size: 3_400_000, lastModified: Date.now(), storageClass: "STANDARD", etag: fakeEtag(key) };
        store.setObjects(bucket, sortByKey([...store.objectsOf(bucket), added]));
      }
      const all = store.objectsOf(bucket);
      const under = all.filter((o) => o.key.startsWith(prefix));
      if (under.length !== expectedObjects) {
        return fail("Conflict", `${prefix} now holds ${under.length} objects, not the ${expectedObjects} you confirmed; nothing was deleted`, 409);
      }
      const held = under.filter((o) => o.key.includes(LEGAL_HOLD));
      const gone = new Set(under.filter((o) => !held.includes(o)).map((o) => o.key));
      store.setObjects(bucket, all.filter((o) => !gone.has(o.key)));
      return ok({
        deleted: [...gone],
        failed: held.map((o) => ({ key: o.key, code: "AccessDenied" as const, serverCode: null, message: "Object is WORM protected and cannot be overwritten or deleted" })),
      });
    },

    async appendFile(profileId, bucket, key, position, source) {
      await delay(250);
      if (!store.bucketExists(profileId, bucket)) return noBucket(bucket);
      const appended = LOCAL_SIZES[source] ?? 4_096;
      const all = store.objectsOf(bucket);
      let existing = all.find((o) => o.key === key);
      if (existing && busyLogs.delete(`${bucket}/${key}`)) {
        // Another writer got there first.
        existing = { ...existing, size: existing.size + 4_096, lastModified: Date.now() };
        store.setObjects(bucket, all.map((o) => (o.key === key ? existing! : o)));
      }
      if (existing && !isAppendable(bucket, key)) {
        return fail("InvalidArgument", `${key} is a Normal object: only appendable objects take appends`, 400);
      }
      const length = existing?.size ?? 0;
      if (position !== length) {
        return fail("PositionNotEqualToLength", `the object is ${length} bytes long: append at position ${length}`, 409);
      }
      const grown: ObjectEntry = {
        key,
        size: length + appended,
        lastModified: Date.now(),
        storageClass: existing?.storageClass ?? "STANDARD",
        etag: fakeEtag(`${key}@${length + appended}`),
      };
      appendable.add(`${bucket}/${key}`);
      store.setObjects(bucket, sortByKey([...store.objectsOf(bucket).filter((o) => o.key !== key), grown]));
      return ok({ nextPosition: grown.size, appended });
    },

    async listMultipartUploads(profileId, bucket, keyMarker, uploadIdMarker) {
      await delay(200);
      if (!store.bucketExists(profileId, bucket)) return noBucket(bucket);
      const list = sortedUploads(bucket);
      // After the marker's upload (gone meanwhile: after its key).
      const at = list.findIndex((u) => u.key === keyMarker && u.uploadId === uploadIdMarker);
      const start = keyMarker === null ? 0 : at >= 0 ? at + 1 : list.findIndex((u) => u.key > keyMarker);
      const page = start < 0 ? [] : list.slice(start, start + UPLOADS_PAGE);
      const more = start >= 0 && start + UPLOADS_PAGE < list.length;
      const last = page.at(-1);
      return ok({
        uploads: page,
        nextKeyMarker: more && last ? last.key : null,
        nextUploadIdMarker: more && last ? last.uploadId : null,
      });
    },

    async listUploadParts(profileId, bucket, key, uploadId, marker) {
      await delay(150);
      if (!store.bucketExists(profileId, bucket)) return noBucket(bucket);
      const u = (uploads.get(bucket) ?? []).find((x) => x.uploadId === uploadId && x.key === key);
      if (!u) return fail("NoSuchUpload", "The specified multipart upload does not exist.", 404);
      const parts = partsOf(u);
      const from = marker === null ? 0 : Number(marker);
      const page = parts.slice(from, from + PARTS_PAGE);
      return ok({ parts: page, nextMarker: from + PARTS_PAGE < parts.length ? String(from + PARTS_PAGE) : null });
    },

    async abortMultipartUpload(profileId, bucket, key, uploadId) {
      await delay(200);
      if (!store.bucketExists(profileId, bucket)) return noBucket(bucket);
      const list = uploads.get(bucket) ?? [];
      if (!list.some((u) => u.uploadId === uploadId && u.key === key)) {
        return fail("NoSuchUpload", "The specified multipart upload does not exist.", 404);
      }
      uploads.set(bucket, list.filter((u) => u.uploadId !== uploadId));
      return ok(null);
    },

    async abortMultipartUploadsOlderThan(profileId, bucket, days, includeResumable) {
      await delay(400);
      if (!store.bucketExists(profileId, bucket)) return noBucket(bucket);
      const before = Date.now() - days * DAY;
      const list = uploads.get(bucket) ?? [];
      const old = list.filter((u) => u.initiated !== null && u.initiated < before && (includeResumable || !resumable.has(u.uploadId)));
      uploads.set(bucket, list.filter((u) => !old.includes(u)));
      return ok(old);
    },

    async resumableUploads(profileId, bucket) {
      await delay(80);
      if (!store.bucketExists(profileId, bucket)) return noBucket(bucket);
      const live = new Set((uploads.get(bucket) ?? []).map((u) => u.uploadId));
      return ok([...resumable].filter(([id]) => live.has(id)).map(([uploadId, transferId]) => ({ uploadId, transferId })));
    },
  };
}

function sortByKey(list: ObjectEntry[]): ObjectEntry[] {
  return list.sort((a, b) => (a.key < b.key ? -1 : 1));
}

// DEV ONLY: a fake transfer engine for the in-memory backend (fakeBackend.ts), so the transfer
// panel can be looked at in a plain browser (`npm run dev:mock`). Transfers move at a made-up
// speed, four updates a second like the real engine; a file named "locked…" fails once (retry
// sends it), existing objects are conflicts when the policy asks. Never part of the normal app.
import type {
  AppError,
  BackendCommands,
  ConflictPolicy,
  ErrorCode,
  ItemState,
  ItemView,
  LocalFile,
  ObjectEntry,
  Result,
  TransferSettings,
  TransfersUpdate,
  TransferView,
  UploadOptions,
} from "../backend";

/** What the engine needs of the fake object store. */
export interface FakeStore {
  bucketExists: (profileId: string, bucket: string) => boolean;
  objectsOf: (bucket: string) => ObjectEntry[];
  /** Adds (or replaces) an object that an upload or copy finished. */
  putObject: (bucket: string, key: string, size: number) => void;
  /** Removes the source of a finished move. */
  deleteObject: (bucket: string, key: string) => void;
}

type TransferCommands = Pick<
  BackendCommands,
  | "pickFilesToUpload"
  | "pickFolderToUpload"
  | "pickSaveLocation"
  | "pickDownloadFolder"
  | "listTransfers"
  | "transferItems"
  | "uploadLocal"
  | "downloadToFolder"
  | "downloadToFile"
  | "downloadVersionToFile"
  | "copyObjects"
  | "pauseTransfer"
  | "resumeTransfer"
  | "retryTransfer"
  | "cancelTransfer"
  | "resolveTransferConflicts"
  | "clearFinishedTransfers"
  | "getTransferSettings"
  | "setTransferSettings"
>;

const TICK_MS = 250;
const MIB = 1024 * 1024;
/** Bytes a second per transfer when no limit is set. */
const FAKE_SPEED = 12 * MIB;

const ok = <T>(data: T): Result<T, AppError> => ({ status: "ok", data });
const fail = <T>(code: ErrorCode, detail: string, status: number | null = null): Result<T, AppError> => ({
  status: "error",
  error: { code, serverCode: null, status, requestId: status ? "tx00000fake-transfer" : null, detail },
});

interface LocalEntry {
  relative: string;
  size: number;
}

interface FakeItem extends ItemView {
  policy: ConflictPolicy | null;
  /** A copy's or move's source key. */
  from?: string;
}

interface FakeTransfer {
  view: TransferView;
  items: FakeItem[];
  dirty: boolean;
  /** Ticks left of "finding files". */
  discovering: number;
  saveTo?: string;
}

// ---- local files the fake dialogs "choose" ----

const handles = new Map<string, LocalFile & { entries?: LocalEntry[] }>();

function folderFixture(): LocalEntry[] {
  const entries: LocalEntry[] = [];
  for (let i = 1; i <= 180; i++) entries.push({ relative: `IMG_${String(i).padStart(4, "0")}.jpg`, size: 2 * MIB + i * 7919 });
  for (let i = 1; i <= 40; i++) entries.push({ relative: `海边 sea/照片 ${i}.heic`, size: 3 * MIB + i * 104729 });
  for (let i = 1; i <= 18; i++) entries.push({ relative: `videos/clip-${i}.mp4`, size: 48 * MIB + i * MIB });
  entries.push({ relative: "locked-by-camera.raw", size: 25 * MIB }, { relative: "notes.txt", size: 2_048 });
  return entries;
}

function grant(file: LocalFile & { entries?: LocalEntry[] }): LocalFile {
  handles.set(file.handle, file);
  const { entries: _entries, ...shown } = file;
  return shown;
}

/** What a fake drop brings: the folder fixture and one file. */
export function fakeDroppedFiles(): LocalFile[] {
  return [
    grant({ handle: "fake-folder-holiday", name: "holiday 假期", size: null, isFolder: true, entries: folderFixture() }),
    grant({ handle: "fake-file-notes", name: "notes.txt", size: 512, isFolder: false }),
  ];
}

// ---- the engine ----

let settings: TransferSettings = {
  concurrency: 16,
  multipartThresholdMib: 16,
  partSizeMib: 16,
  bandwidthLimitKibPerSecond: null,
  conflictPolicy: "ask",
};

const transfers = new Map<number, FakeTransfer>();
const removed: number[] = [];
const failedOnce = new Set<string>();
const savedLocally = new Set<string>();
const listeners = new Set<(u: TransfersUpdate) => void>();
let nextId = 1;
let nextItem = 1;
let timer: ReturnType<typeof setInterval> | null = null;

export function onFakeTransfersChanged(cb: (u: TransfersUpdate) => void): () => void {
  listeners.add(cb);
  return () => listeners.delete(cb);
}

function count(t: FakeTransfer, state: ItemState): number {
  return t.items.reduce((n, i) => n + (i.state === state ? 1 : 0), 0);
}

function refreshView(t: FakeTransfer, bytesPerSecond = 0) {
  const bytesTotal = t.items.reduce((n, i) => n + i.size, 0);
  const bytesDone = t.items.reduce((n, i) => n + i.bytesDone, 0);
  const failed = t.items.filter((i) => i.state === "failed");
  const running = t.view.state === "running";
  t.view = {
    ...t.view,
    discovering: t.discovering > 0,
    filesTotal: t.items.length,
    filesDone: count(t, "done"),
    filesFailed: failed.length,
    filesSkipped: count(t, "skipped"),
    filesConflict: count(t, "conflict"),
    bytesTotal,
    bytesDone,
    bytesPerSecond: running ? bytesPerSecond : 0,
    etaSeconds: running && bytesPerSecond > 0 && t.discovering === 0 ? (bytesTotal - bytesDone) / bytesPerSecond : null,
    error: failed.at(-1)?.error ?? null,
  };
  t.dirty = true;
}

/** The bucket a transfer writes to (copies and moves may go to another one). */
function targetBucket(t: FakeTransfer): string {
  return t.view.storedIn?.bucket ?? t.view.bucket;
}

function exists(t: FakeTransfer, key: string, localName: string): boolean {
  if (t.view.direction === "download") return savedLocally.has(`${t.saveTo}/${localName}`);
  return store?.objectsOf(targetBucket(t)).some((o) => o.key === key) ?? false;
}

/** "a/b.txt" → "a/b (1).txt" */
function numbered(name: string): string {
  const slash = name.lastIndexOf("/");
  const dot = name.lastIndexOf(".");
  return dot > slash + 1 ? `${name.slice(0, dot)} (1)${name.slice(dot)}` : `${name} (1)`;
}

/** One tick of one transfer: start files, move bytes, finish. Returns the bytes moved. */
function step(t: FakeTransfer): number {
  if (t.discovering > 0) {
    t.discovering--;
    return 0;
  }
  const limit = settings.bandwidthLimitKibPerSecond ? settings.bandwidthLimitKibPerSecond * 1024 : FAKE_SPEED;
  let budget = (limit * TICK_MS) / 1000;
  let moved = 0;
  for (const item of t.items) {
    if (budget <= 0) break;
    if (item.state !== "queued" && item.state !== "running") continue;
    if (item.state === "queued") {
      const policy = item.policy ?? t.view.conflictPolicy;
      if (exists(t, item.key, item.localName) && policy !== "overwrite") {
        if (policy === "ask") item.state = "conflict";
        else if (policy === "skip") item.state = "skipped";
        else {
          item.key = t.view.direction === "download" ? item.key : numbered(item.key);
          item.localName = t.view.direction === "download" ? numbered(item.localName) : item.localName;
          item.state = "running";
        }
        if (item.state !== "running") continue;
      }
      item.state = "running";
    }
    if (item.key.includes("locked") && !failedOnce.has(item.key)) {
      failedOnce.add(item.key);
      item.state = "failed";
      item.error = { code: "AccessDenied", serverCode: null, status: 403, requestId: "tx00000fake-locked", detail: "Access Denied" };
      t.view = { ...t.view, retries: t.view.retries + 2 };
      continue;
    }
    const take = Math.min(budget, item.size - item.bytesDone);
    item.bytesDone += take;
    budget -= take;
    moved += take;
    if (item.bytesDone >= item.size) {
      item.state = "done";
      if (t.view.direction === "download") savedLocally.add(`${t.saveTo}/${item.localName}`);
      else store?.putObject(targetBucket(t), item.key, item.size);
      if (t.view.direction === "move" && item.from) store?.deleteObject(t.view.bucket, item.from);
    }
  }
  if (!t.items.some((i) => i.state === "queued" || i.state === "running")) {
    const state = t.items.some((i) => i.state === "conflict") ? "needsDecision" : t.items.some((i) => i.state === "failed") ? "failed" : "done";
    t.view = { ...t.view, state };
  }
  return moved;
}

function tick() {
  let busy = false;
  for (const t of transfers.values()) {
    if (t.view.state === "queued") t.view = { ...t.view, state: "running" };
    if (t.view.state !== "running") continue;
    busy = true;
    const moved = step(t);
    refreshView(t, (moved * 1000) / TICK_MS);
  }
  send();
  if (!busy && timer) {
    clearInterval(timer);
    timer = null;
  }
}

function send() {
  const changed = [...transfers.values()].filter((t) => t.dirty).map((t) => t.view);
  transfers.forEach((t) => (t.dirty = false));
  const gone = removed.splice(0);
  if (changed.length === 0 && gone.length === 0) return;
  const all = [...transfers.values()].map((t) => t.view);
  const active = all.filter((v) => v.state === "queued" || v.state === "running");
  const update: TransfersUpdate = {
    changed,
    removed: gone,
    totals: {
      active: active.length,
      bytesTotal: active.reduce((n, v) => n + v.bytesTotal, 0),
      bytesDone: active.reduce((n, v) => n + v.bytesDone, 0),
      bytesPerSecond: active.reduce((n, v) => n + v.bytesPerSecond, 0),
      waiting: all.filter((v) => v.state === "interrupted" || v.state === "needsDecision").length,
    },
  };
  listeners.forEach((cb) => cb(update));
}

function wake() {
  timer ??= setInterval(tick, TICK_MS);
}

function create(
  base: Pick<TransferView, "direction" | "profileId" | "bucket" | "source" | "destination" | "takenFrom" | "storedIn" | "conflictPolicy">,
  entries: { key: string; localName: string; size: number; from?: string }[],
  saveTo?: string,
): TransferView {
  const t: FakeTransfer = {
    view: {
      ...base,
      id: nextId++,
      state: "queued",
      discovering: entries.length > 20,
      filesTotal: 0,
      filesDone: 0,
      filesFailed: 0,
      filesSkipped: 0,
      filesConflict: 0,
      bytesTotal: 0,
      bytesDone: 0,
      bytesPerSecond: 0,
      etaSeconds: null,
      retries: 0,
      error: null,
      createdAt: Date.now(),
    },
    items: entries.map((e) => ({ id: nextItem++, ...e, bytesDone: 0, state: "queued", error: null, policy: null })),
    dirty: true,
    discovering: entries.length > 20 ? 3 : 0,
    saveTo,
  };
  refreshView(t);
  transfers.set(t.view.id, t);
  wake();
  return t.view;
}

function get(id: number): FakeTransfer | Result<never, AppError> {
  return transfers.get(id) ?? fail("InvalidInput", `no transfer ${id}`);
}

/** Runs `change` on a transfer and answers with its view. */
function change(id: number, when: (t: FakeTransfer) => boolean, apply: (t: FakeTransfer) => void): Result<TransferView, AppError> {
  const t = get(id);
  if ("status" in t) return t;
  if (when(t)) {
    apply(t);
    refreshView(t);
    wake();
  }
  return ok(t.view);
}

let store: FakeStore | null = null;

/** One transfer left unfinished "by the last run", so that the banner can be seen. */
function seedInterrupted() {
  const entries = Array.from({ length: 120 }, (_, i) => ({
    key: `imports/scan-${String(i + 1).padStart(3, "0")}.pdf`,
    localName: `/home/dev/scans/scan-${String(i + 1).padStart(3, "0")}.pdf`,
    size: 3 * MIB,
  }));
  const view = create(
    {
      direction: "upload",
      profileId: "p-dev",
      bucket: "photos",
      source: "/home/dev/scans",
      destination: "photos/imports/",
      takenFrom: null,
      storedIn: { bucket: "photos", prefix: "imports/" },
      conflictPolicy: "ask",
    },
    entries,
  );
  const t = transfers.get(view.id)!;
  t.discovering = 0;
  t.items.slice(0, 40).forEach((i) => {
    i.state = "done";
    i.bytesDone = i.size;
  });
  t.view = { ...t.view, state: "interrupted", createdAt: Date.now() - 86_400_000 };
  refreshView(t);
}

/**
 * Some of Rust's refusals of upload options (UploadOptions::check), repeated only so that the
 * options dialog's display of a refusal can be seen in the mock.
 */
function refuseOptions(o: UploadOptions): string | null {
  if (o.storageClass !== null && !/^[A-Z_]+$/.test(o.storageClass)) {
    return `storage class ${JSON.stringify(o.storageClass)}: capital letters and _ only (STANDARD, STANDARD_IA…)`;
  }
  if (Object.keys(o.tags).length > 10) return `${Object.keys(o.tags).length} tags; an object has at most 10`;
  const key = o.encryption?.kind === "customerKey" ? (o.encryption as { keyBase64?: string }).keyBase64 ?? "" : null;
  if (key !== null && !/^[A-Za-z0-9+/]{43}=$/.test(key.trim())) return "a customer key (SSE-C) is 32 bytes, given in base64 (44 characters)";
  // The mock's own rule, to see a refusal the form does not foresee: a storage class this server lacks.
  if (o.storageClass === "DEEP_ARCHIVE") return `storage class "DEEP_ARCHIVE" is not offered by this server`;
  return null;
}

export function fakeTransferCommands(s: FakeStore): TransferCommands {
  store = s;
  if (transfers.size === 0) seedInterrupted();
  const commands: TransferCommands = {
    async pickFilesToUpload() {
      return ok([
        grant({ handle: "fake-file-readme", name: "README.md", size: 1_536, isFolder: false }),
        grant({ handle: "fake-file-notes", name: "notes.txt", size: 512, isFolder: false }),
      ]);
    },
    async pickFolderToUpload() {
      return ok(grant({ handle: "fake-folder-holiday", name: "holiday 假期", size: null, isFolder: true, entries: folderFixture() }));
    },
    async pickSaveLocation(defaultName) {
      return ok(grant({ handle: `fake-save-${defaultName}`, name: defaultName, size: null, isFolder: false }));
    },
    async pickDownloadFolder() {
      return ok(grant({ handle: "fake-dir-downloads", name: "Downloads", size: null, isFolder: true }));
    },
    async listTransfers() {
      return [...transfers.values()].map((t) => t.view);
    },
    async transferItems(id, only, offset, limit) {
      const t = get(id);
      if ("status" in t) return t;
      const matching = t.items.filter((i) => only === null || i.state === only);
      return ok({
        items: matching.slice(offset, offset + Math.min(limit, 1000)).map(({ policy: _policy, ...item }) => ({ ...item })),
        total: matching.length,
      });
    },
    async uploadLocal(profileId, bucket, prefix, sources, conflictPolicy, options) {
      if (!s.bucketExists(profileId, bucket)) return fail("NoSuchBucket", `The specified bucket does not exist: ${bucket}`, 404);
      const refused = options && refuseOptions(options);
      if (refused) return fail("InvalidInput", refused);
      const chosen = sources.map((h) => handles.get(h));
      if (chosen.some((c) => !c)) return fail("LocalFileNotChosen", "a handle the user never chose");
      const entries = chosen.flatMap((c) =>
        c!.entries
          ? c!.entries.map((e) => ({ key: `${prefix}${c!.name}/${e.relative}`, localName: `/home/dev/${c!.name}/${e.relative}`, size: e.size }))
          : [{ key: `${prefix}${c!.name}`, localName: `/home/dev/${c!.name}`, size: c!.size ?? 0 }],
      );
      const first = `/home/dev/${chosen[0]!.name}`;
      return ok(
        create(
          {
            direction: "upload",
            profileId,
            bucket,
            source: chosen.length === 1 ? first : `${first} (+${chosen.length - 1})`,
            destination: `${bucket}/${prefix}`,
            takenFrom: null,
            storedIn: { bucket, prefix },
            conflictPolicy: conflictPolicy ?? settings.conflictPolicy,
          },
          entries,
        ),
      );
    },
    async downloadToFolder(profileId, bucket, prefix, keys, folders, destination, conflictPolicy) {
      if (!s.bucketExists(profileId, bucket)) return fail("NoSuchBucket", `The specified bucket does not exist: ${bucket}`, 404);
      const dir = handles.get(destination);
      if (!dir) return fail("LocalFileNotChosen", "a handle the user never chose");
      const all = s.objectsOf(bucket);
      const picked = all.filter((o) => keys.includes(o.key) || folders.some((f) => o.key.startsWith(f) && o.key !== f));
      const what = keys.length + folders.length;
      const first = keys[0] ?? folders[0] ?? "";
      return ok(
        create(
          {
            direction: "download",
            profileId,
            bucket,
            source: what === 1 ? `${bucket}/${first}` : `${bucket}/${first} (+${what - 1})`,
            destination: `/home/dev/${dir.name}`,
            takenFrom: { bucket, prefix },
            storedIn: null,
            conflictPolicy: conflictPolicy ?? settings.conflictPolicy,
          },
          picked.map((o) => ({ key: o.key, localName: o.key.slice(prefix.length), size: o.size })),
          dir.name,
        ),
      );
    },
    async downloadVersionToFile(profileId, bucket, key, versionId, destination) {
      // The fake keeps no old bytes: an old version downloads like the current object, named so.
      const started = await commands.downloadToFile(profileId, bucket, key, destination);
      return started.status === "ok" ? ok({ ...started.data, source: `${bucket}/${key}?versionId=${versionId}` }) : started;
    },
    async downloadToFile(profileId, bucket, key, destination) {
      if (!s.bucketExists(profileId, bucket)) return fail("NoSuchBucket", `The specified bucket does not exist: ${bucket}`, 404);
      const file = handles.get(destination);
      if (!file) return fail("LocalFileNotChosen", "a handle the user never chose");
      const o = s.objectsOf(bucket).find((e) => e.key === key);
      if (!o) return fail("NoSuchKey", "The specified key does not exist.", 404);
      return ok(
        create(
          {
            direction: "download",
            profileId,
            bucket,
            source: `${bucket}/${key}`,
            destination: `/home/dev/Downloads/${file.name}`,
            takenFrom: { bucket, prefix: key },
            storedIn: null,
            conflictPolicy: "overwrite",
          },
          [{ key, localName: `/home/dev/Downloads/${file.name}`, size: o.size }],
          `single-${nextId}`,
        ),
      );
    },
    async copyObjects(profileId, bucket, selection, target, conflictPolicy) {
      if (!s.bucketExists(profileId, bucket)) return fail("NoSuchBucket", `The specified bucket does not exist: ${bucket}`, 404);
      if (!s.bucketExists(profileId, target.bucket)) return fail("NoSuchBucket", `The specified bucket does not exist: ${target.bucket}`, 404);
      const { prefix, keys, folders } = selection;
      // Rust's refusals (engine.rs), repeated so that the copy dialog's can be seen.
      if (keys.length + folders.length === 0) return fail("InvalidInput", "nothing to copy");
      const inside = folders.find((f) => target.bucket === bucket && target.prefix.startsWith(f));
      if (inside !== undefined) return fail("InvalidInput", `${inside} cannot go inside itself`);
      const picked = s.objectsOf(bucket).filter((o) => keys.includes(o.key) || folders.some((f) => o.key.startsWith(f)));
      const what = keys.length + folders.length;
      const first = keys[0] ?? folders[0] ?? "";
      return ok(
        create(
          {
            direction: target.deleteSource ? "move" : "copy",
            profileId,
            bucket,
            source: what === 1 ? `${bucket}/${first}` : `${bucket}/${first} (+${what - 1})`,
            destination: `${target.bucket}/${target.prefix}`,
            takenFrom: { bucket, prefix },
            storedIn: { bucket: target.bucket, prefix: target.prefix },
            conflictPolicy: conflictPolicy ?? settings.conflictPolicy,
          },
          picked.map((o) => ({ key: target.prefix + o.key.slice(prefix.length), localName: o.key, size: o.size, from: o.key })),
        ),
      );
    },
    async pauseTransfer(id) {
      return change(
        id,
        (t) => t.view.state === "queued" || t.view.state === "running",
        (t) => {
          t.items.forEach((i) => i.state === "running" && (i.state = "queued"));
          t.view = { ...t.view, state: "paused" };
        },
      );
    },
    async resumeTransfer(id) {
      return change(
        id,
        (t) => t.view.state === "paused" || t.view.state === "interrupted",
        (t) => (t.view = { ...t.view, state: "queued" }),
      );
    },
    async retryTransfer(id) {
      return change(
        id,
        (t) => t.view.state === "failed",
        (t) => {
          t.items.forEach((i) => {
            if (i.state === "failed") Object.assign(i, { state: "queued", error: null, bytesDone: 0 });
          });
          t.view = { ...t.view, state: "queued" };
        },
      );
    },
    async cancelTransfer(id) {
      return change(
        id,
        (t) => t.view.state !== "done" && t.view.state !== "cancelled",
        (t) => {
          t.items.forEach((i) => i.state !== "done" && i.state !== "skipped" && (i.state = "cancelled"));
          t.discovering = 0;
          t.view = { ...t.view, state: "cancelled" };
        },
      );
    },
    async resolveTransferConflicts(id, policy) {
      if (policy === "ask") return fail("InvalidInput", "choose overwrite, skip or keep both");
      return change(
        id,
        (t) => t.view.state === "needsDecision",
        (t) => {
          t.items.forEach((i) => {
            if (i.state === "conflict") Object.assign(i, { state: "queued", policy });
          });
          t.view = { ...t.view, state: "queued" };
        },
      );
    },
    async clearFinishedTransfers() {
      const gone = [...transfers.values()].filter((t) => t.view.state === "done" || t.view.state === "cancelled").map((t) => t.view.id);
      gone.forEach((id) => transfers.delete(id));
      removed.push(...gone);
      send();
      return gone;
    },
    async getTransferSettings() {
      return { ...settings };
    },
    async setTransferSettings(next) {
      // The ranges are Rust's (TransferSettings::check); repeated here only so that the dialog's
      // refusal can be seen in the mock.
      const bad = (detail: string) => fail<TransferSettings>("InvalidInput", detail);
      if (next.concurrency < 1 || next.concurrency > 64) return bad("concurrency must be between 1 and 64");
      if (next.partSizeMib < 5 || next.partSizeMib > 5120) return bad("the part size must be between 5 MiB and 5 GiB");
      if (next.multipartThresholdMib < 5 || next.multipartThresholdMib > 5120) return bad("the multipart threshold must be between 5 MiB and 5 GiB");
      if (next.bandwidthLimitKibPerSecond === 0) return bad("a bandwidth limit must be above 0");
      settings = { ...next };
      return ok({ ...settings });
    },
  };
  return commands;
}

// The one typed backend module: every call to Rust goes through here.
//
// `api` is the generated `commands` of tauri-specta (bindings.ts), each turned from
// `(...args) => Promise<Result<T, AppError>>` into `(...args) => Promise<T>` that throws a
// BackendError: a Rust command added to bindings.ts is on `api` with its types, with no edit here.
// Commands that cannot fail in Rust (no `Result`, e.g. listTransfers) come through as they are;
// a rejected call of theirs (IPC gone) still throws a BackendError.
// Nothing else in the app may import bindings.ts or @tauri-apps/* (eslint enforces it).
import { commands, events } from "./bindings";
import type { AppError, Result } from "./bindings";
import { BackendError, toBackendError } from "./errors/BackendError";

export type * from "./bindings";
export { BackendError };

/** The shape of the generated `commands` object; the dev-only fake implements the same. */
export type BackendCommands = typeof commands;

/** Any generated command: arguments in, a Result (or, for an infallible one, the data) out. */
type Command = (...args: never[]) => Promise<unknown>;

/** A command as the app calls it: resolves to the data, rejects with a BackendError. */
export type Unwrapped<F> = F extends (...args: infer A) => Promise<Result<infer T, AppError>>
  ? (...args: A) => Promise<T>
  : F extends (...args: infer A) => Promise<infer T>
    ? (...args: A) => Promise<T>
    : never;

export type UnwrappedCommands<C> = { [K in keyof C]: Unwrapped<C[K]> };

/**
 * Whether a command's answer is the generated wrapper's `Result` (`{status: "ok", data}` or
 * `{status: "error", error}`, nothing else) rather than the data of an infallible command.
 */
function isResult(v: unknown): v is Result<unknown, AppError> {
  if (typeof v !== "object" || v === null || Array.isArray(v)) return false;
  const keys = Object.keys(v);
  const r = v as Record<string, unknown>;
  return keys.length === 2 && ((r.status === "ok" && "data" in r) || (r.status === "error" && "error" in r));
}

/**
 * Every command of `source`, unwrapped. `replacement`, when it gives a promise, supplies another
 * implementation of the same commands (the dev-only fake), looked up on each call.
 */
export function unwrapAll<C extends { [K in keyof C]: Command }>(
  source: C,
  replacement: () => Promise<C> | null = () => null,
): UnwrappedCommands<C> {
  const unwrapped: Partial<Record<keyof C, (...args: never[]) => Promise<unknown>>> = {};
  for (const name of Object.keys(source) as (keyof C)[]) {
    unwrapped[name] = async (...args: never[]) => {
      let result: unknown;
      try {
        const impl = (await replacement()) ?? source;
        result = await impl[name](...args);
      } catch (e) {
        // The generated wrapper rethrows Error instances (e.g. IPC unavailable); strings and
        // objects that are not an AppError land here too.
        throw toBackendError(e);
      }
      if (!isResult(result)) return result;
      if (result.status === "ok") return result.data;
      throw toBackendError(result.error);
    };
  }
  return unwrapped as UnwrappedCommands<C>;
}

type GeneratedEvents = typeof events;
/** The payload type of a generated event. */
type Payload<K extends keyof GeneratedEvents> = Parameters<Parameters<GeneratedEvents[K]["listen"]>[0]>[0]["payload"];

/**
 * The payload of each backend event, from bindings.ts: transfersChanged (TransfersUpdate, at
 * most every 250 ms), filesDropped (handles and the CSS point of the drop), filesDragOver (a
 * point, or null when the drag left or ended), searchProgress (a local search's counts).
 */
export type BackendEvents = { [K in keyof GeneratedEvents]: Payload<K> };

/** What the dev-only fake provides. */
export interface FakeBackendModule {
  fakeCommands: BackendCommands;
  onFakeEvent: <K extends keyof BackendEvents>(name: K, cb: (payload: BackendEvents[K]) => void) => () => void;
}

let fake: Promise<FakeBackendModule> | null = null;

/** The in-memory fake, loaded only when VITE_MOCK_BACKEND=1 (never in a normal build or run). */
function loadFake(): Promise<FakeBackendModule> | null {
  if (import.meta.env.VITE_MOCK_BACKEND !== "1") return null;
  fake ??= import("./mock/fakeBackend");
  return fake;
}

/** Every Rust command, typed from bindings.ts: `await api.listBuckets(profileId)`. */
export const api = unwrapAll(commands, () => loadFake()?.then((f) => f.fakeCommands) ?? null);

// ---- events ----

/** A subscriber to one event: resolves to the unsubscribe function. */
export type Subscribe<T> = (cb: (payload: T) => void) => Promise<() => void>;

function subscriber<K extends keyof BackendEvents>(name: K): Subscribe<BackendEvents[K]> {
  return async (cb) => {
    const f = loadFake();
    if (f) return (await f).onFakeEvent(name, cb);
    const event = events[name] as unknown as {
      listen: (handler: (e: { payload: BackendEvents[K] }) => void) => Promise<() => void>;
    };
    return event.listen((e) => cb(e.payload));
  };
}

/** Updates of the transfer queue (start from `api.listTransfers()` and merge these by id). */
export const onTransfersChanged = subscriber("transfersChanged");

/** Files and folders dropped on the window (handles Rust made), with where they were dropped. */
export const onFilesDropped = subscriber("filesDropped");

/** Files being dragged over the window (the point), or the drag left or ended (null). */
export const onFilesDragOver = subscriber("filesDragOver");

/** Counts of a local metadata search under way (by the searchId given to searchObjects). */
export const onSearchProgress = subscriber("searchProgress");

// ---- images: the bytes of rendered previews and thumbnails ----

/** The URL of a path served by the app's zosimg: scheme (rendered previews, thumbnails). */
export function imageSrc(path: string): string {
  if (path.startsWith("data:") || path.startsWith("blob:")) return path; // the fake's
  // Windows and Android webviews reach custom schemes as http://<scheme>.localhost.
  const base = /Windows|Android/.test(navigator.userAgent) ? "http://zosimg.localhost" : "zosimg://localhost";
  return `${base}${path}`;
}

/** A thumbnail (≤256 px) of an image object, made by Rust and cached on disk. */
export function thumbSrc(profileId: string, image: { bucket: string; key: string; versionId?: string | null }, etag: string): string {
  if (import.meta.env.VITE_MOCK_BACKEND === "1") return fakeThumb(image.key);
  const q = (name: string, value: string) => `${name}=${encodeURIComponent(value)}`;
  const query = [q("profile", profileId), q("bucket", image.bucket), q("key", image.key), q("etag", etag)];
  if (image.versionId) query.push(q("version", image.versionId));
  return imageSrc(`/thumb?${query.join("&")}`);
}

/** Dev only (fake backend): a coloured square with the name's first letter. */
function fakeThumb(key: string): string {
  const name = key.slice(key.lastIndexOf("/") + 1);
  let h = 0;
  for (const c of key) h = (h * 31 + c.charCodeAt(0)) % 360;
  const letter = (name[0] ?? "?").toUpperCase().replace(/[<&"]/g, "?");
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="64" height="64"><rect width="64" height="64" fill="hsl(${h} 55% 55%)"/><text x="32" y="43" font-size="30" font-family="sans-serif" text-anchor="middle" fill="#fff">${letter}</text></svg>`;
  return `data:image/svg+xml,${encodeURIComponent(svg)}`;
}

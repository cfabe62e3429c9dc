// The one typed backend module: every call to Rust goes through here.
//
// `api` is the generated `commands` of tauri-specta (bindings.ts), each turned from
// `(...args) => Promise<Result<T, AppError>>` into `(...args) => Promise<T>` that throws a
// BackendError: a Rust command added to bindings.ts is on `api` with its types, with no edit here.
// Nothing else in the app may import bindings.ts or @tauri-apps/* (eslint enforces it).
import { commands, events } from "./bindings";
import type { AppError, FilesDropped, Result, TransferProgress } from "./bindings";
import { BackendError, toBackendError } from "./errors/BackendError";

export type * from "./bindings";
export { BackendError };

/** The shape of the generated `commands` object; the dev-only fake implements the same. */
export type BackendCommands = typeof commands;

/** Any generated command: arguments in, a Result out. */
type Command = (...args: never[]) => Promise<Result<unknown, AppError>>;

/** A command as the app calls it: resolves to the data, rejects with a BackendError. */
export type Unwrapped<F> = F extends (...args: infer A) => Promise<Result<infer T, AppError>>
  ? (...args: A) => Promise<T>
  : never;

export type UnwrappedCommands<C> = { [K in keyof C]: Unwrapped<C[K]> };

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
      let result: Result<unknown, AppError>;
      try {
        const impl = (await replacement()) ?? source;
        result = await impl[name](...args);
      } catch (e) {
        // The generated wrapper rethrows Error instances (e.g. IPC unavailable); strings and
        // objects that are not an AppError land here too.
        throw toBackendError(e);
      }
      if (result.status === "ok") return result.data;
      throw toBackendError(result.error);
    };
  }
  return unwrapped as UnwrappedCommands<C>;
}

/** What the dev-only fake provides. */
export interface FakeBackendModule {
  fakeCommands: BackendCommands;
  onFakeTransferProgress: (cb: (p: TransferProgress) => void) => () => void;
  onFakeFilesDropped: (cb: (drop: FilesDropped) => void) => () => void;
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

/** Subscribes to upload/download progress; resolves to the unsubscribe function. */
export async function onTransferProgress(cb: (p: TransferProgress) => void): Promise<() => void> {
  const f = loadFake();
  if (f) return (await f).onFakeTransferProgress(cb);
  return events.transferProgress.listen((e) => cb(e.payload));
}

/**
 * Subscribes to files dropped on the window (as handles Rust made; dropped folders are named,
 * not uploaded); resolves to the unsubscribe function.
 */
export async function onFilesDropped(cb: (drop: FilesDropped) => void): Promise<() => void> {
  const f = loadFake();
  if (f) return (await f).onFakeFilesDropped(cb);
  return events.filesDropped.listen((e) => cb(e.payload));
}

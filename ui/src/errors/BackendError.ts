import type { AppError, ErrorCode } from "../backend";
import { isErrorCode } from "./messages";

/** The AppError fields; `serverCode` may be left out (null). */
export type AppErrorFields = Omit<AppError, "serverCode"> & { serverCode?: string | null };

/** What backend.ts throws when a command fails: the AppError fields on an Error. */
export class BackendError extends Error implements AppError {
  readonly code: ErrorCode;
  /** The server's own code when it is none of ErrorCode's (then `code` is "Unknown"). */
  readonly serverCode: string | null;
  readonly status: number | null;
  readonly requestId: string | null;
  readonly detail: string;

  constructor(e: AppErrorFields) {
    const shown = e.serverCode ?? e.code;
    super(e.detail ? `${shown}: ${e.detail}` : shown);
    this.name = "BackendError";
    this.code = e.code;
    this.serverCode = e.serverCode ?? null;
    this.status = e.status;
    this.requestId = e.requestId;
    this.detail = e.detail;
  }
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null;
}

const str = (v: unknown): string | null => (typeof v === "string" ? v : null);

/** Turns anything thrown or returned as an error into a BackendError. */
export function toBackendError(e: unknown): BackendError {
  if (e instanceof BackendError) return e;
  if (isRecord(e) && typeof e.code === "string") {
    const code = e.code;
    const known = isErrorCode(code);
    return new BackendError({
      code: known ? code : "Unknown",
      // A code outside ErrorCode is still worth showing: keep it as the server's.
      serverCode: str(e.serverCode) ?? (known ? null : code),
      status: typeof e.status === "number" ? e.status : null,
      requestId: str(e.requestId),
      detail: str(e.detail) ?? str(e.message) ?? "",
    });
  }
  const detail = e instanceof Error ? e.message : String(e);
  return new BackendError({ code: "Unknown", status: null, requestId: null, detail });
}

/** The error code of anything caught, or null when it carries none. */
export function errorCode(e: unknown): ErrorCode | null {
  if (e instanceof BackendError) return e.code;
  return isRecord(e) && typeof e.code === "string" && isErrorCode(e.code) ? e.code : null;
}

/** Mirrors the backend's AppError (kept here so that errors/ does not depend on backend.ts). */
export interface AppErrorFields {
  code: string;
  status: number | null;
  requestId: string | null;
  detail: string;
}

/** What backend.ts throws when a command fails: the AppError fields on an Error. */
export class BackendError extends Error implements AppErrorFields {
  readonly code: string;
  readonly status: number | null;
  readonly requestId: string | null;
  readonly detail: string;

  constructor(e: AppErrorFields) {
    super(e.detail ? `${e.code}: ${e.detail}` : e.code);
    this.name = "BackendError";
    this.code = e.code;
    this.status = e.status;
    this.requestId = e.requestId;
    this.detail = e.detail;
  }
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null;
}

/** Turns anything thrown or returned as an error into a BackendError. */
export function toBackendError(e: unknown): BackendError {
  if (e instanceof BackendError) return e;
  if (isRecord(e) && typeof e.code === "string") {
    return new BackendError({
      code: e.code,
      status: typeof e.status === "number" ? e.status : null,
      requestId: typeof e.requestId === "string" ? e.requestId : null,
      detail: typeof e.detail === "string" ? e.detail : typeof e.message === "string" ? e.message : "",
    });
  }
  if (e instanceof Error) return new BackendError({ code: "Unknown", status: null, requestId: null, detail: e.message });
  return new BackendError({ code: "Unknown", status: null, requestId: null, detail: String(e) });
}

/** The error code of anything caught, or null when it carries none. */
export function errorCode(e: unknown): string | null {
  return isRecord(e) && typeof e.code === "string" ? e.code : null;
}

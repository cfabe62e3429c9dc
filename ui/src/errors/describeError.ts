import type { ErrorCode } from "../backend";
import type { Locale } from "../i18n/locale";
import { toBackendError } from "./BackendError";
import { ERROR_SENTENCES, GENERIC_ERROR, isErrorCode } from "./messages";

export interface ErrorDescription {
  /** A human sentence in the UI language. */
  sentence: string;
  code: ErrorCode;
  /** The server's own code when ErrorCode has none for it: shown beside the generic sentence. */
  serverCode: string | null;
  status: number | null;
  requestId: string | null;
  /** English technical detail from the server or the validation. */
  detail: string;
}

/** The sentence for an error code in `locale`; a generic one for a code outside ErrorCode. */
export function errorSentence(code: string, locale: Locale): string {
  return (isErrorCode(code) ? ERROR_SENTENCES[code] : GENERIC_ERROR)[locale];
}

export function describeError(error: unknown, locale: Locale): ErrorDescription {
  const e = toBackendError(error);
  return {
    // "Unknown" with the server's code: the server said something we have no sentence for.
    sentence: e.code === "Unknown" && e.serverCode ? GENERIC_ERROR[locale] : ERROR_SENTENCES[e.code][locale],
    code: e.code,
    serverCode: e.serverCode,
    status: e.status,
    requestId: e.requestId,
    detail: e.detail,
  };
}
